/**
 * Explains, in Kafka's terms, why an order went missing or arrived twice: by finding the planned fault
 * that hit it in the cluster's report of fired faults.
 */

/** The fields of a broker `FaultHit` the diagnosis reads (kept structural: the sandbox's output is untrusted). */
interface HitLike {
  fault: string;
  t: number;
  values: readonly (string | null)[];
  detail?: string;
}

/** Each fault kind in words, as diagnoses say it (the verdict recognises a diagnosis's fault by these). */
export const FAULT_PHRASES: Record<string, string> = {
  'lose-request': 'its produce request was lost',
  'lose-ack': 'the ack was lost',
  'request-timeout': 'the request timed out',
  'crash-leader-before-replication': 'the leader crashed before the followers copied it',
  'restart-broker': 'a broker restarted',
  'shrink-isr': 'the ISR shrank below min.insync.replicas',
  'restart-producer': 'the producer restarted',
  'crash-consumer-before-commit': 'the consumer crashed before committing its offset',
  'crash-consumer-after-commit': 'the consumer crashed right after committing its offset',
  'zombie-producer': 'a second producer with the same transactional.id fenced the first',
  'transaction-timeout': 'the transaction timed out',
  'pause-instance': 'the instance processing it froze past its session timeout, its partition went to a replacement, and it woke up as a zombie',
};

function hits(faultsHit: readonly unknown[]): HitLike[] {
  return faultsHit.filter((hit): hit is HitLike => {
    const h = hit as Partial<HitLike> | null;
    return typeof h === 'object' && h !== null && typeof h.fault === 'string' && typeof h.t === 'number' && Array.isArray(h.values);
  });
}

function inWords(hit: HitLike): string {
  return `${FAULT_PHRASES[hit.fault] ?? hit.detail ?? hit.fault} at t=${hit.t} ms`;
}

/**
 * The fault that hit `order`, as "the ack was lost at t=40 ms"; undefined when none did. A fault that
 * names the order wins. Otherwise a fault that names no record (a broker down for a while) is taken
 * to explain it; with `sentAt` (the order's first produce request, from the trace), so is a fault on
 * another record that fired at or after the order was sent — a leader crash also takes down the
 * unreplicated records sent just before the one that triggered it. With `sentAt` null the order was
 * never sent, and only a fault naming it can explain it.
 */
export function faultThatHit(order: string, faultsHit: readonly unknown[], sentAt?: number | null): string | undefined {
  const all = hits(faultsHit);
  const named = all.find((h) => h.values.includes(order));
  if (named !== undefined) return inWords(named);
  if (sentAt === null) return undefined;
  const unnamed = all.find((h) => h.values.length === 0);
  const other = sentAt === undefined ? unnamed : (unnamed ?? all.find((h) => h.t >= sentAt));
  return other === undefined ? undefined : inWords(other);
}

/** Every fault that fired, in words (for a run where the fault hit no single order, like a broker restart). */
export function faultsInWords(faultsHit: readonly unknown[]): string {
  const all = hits(faultsHit);
  return all.length === 0 ? 'no fault fired' : all.map(inWords).join('; ');
}
