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

const PHRASES: Record<string, string> = {
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
};

function hits(faultsHit: readonly unknown[]): HitLike[] {
  return faultsHit.filter((hit): hit is HitLike => {
    const h = hit as Partial<HitLike> | null;
    return typeof h === 'object' && h !== null && typeof h.fault === 'string' && typeof h.t === 'number' && Array.isArray(h.values);
  });
}

/** The fault that hit `order`, as "the ack was lost at t=40 ms"; undefined when none did. */
export function faultThatHit(order: string, faultsHit: readonly unknown[]): string | undefined {
  // A fault that names no record (a broker restart at a given time) may explain any order it overlapped.
  const all = hits(faultsHit);
  const hit = all.find((h) => h.values.includes(order)) ?? all.find((h) => h.values.length === 0);
  return hit === undefined ? undefined : `${PHRASES[hit.fault] ?? hit.detail ?? hit.fault} at t=${hit.t} ms`;
}

/** Every fault that fired, in words (for a run where the fault hit no single order, like a broker restart). */
export function faultsInWords(faultsHit: readonly unknown[]): string {
  const all = hits(faultsHit);
  return all.length === 0 ? 'no fault fired' : all.map((h) => `${PHRASES[h.fault] ?? h.fault} at t=${h.t} ms`).join('; ');
}
