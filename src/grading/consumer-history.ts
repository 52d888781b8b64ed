/**
 * What the cluster's trace says the learner's consumer did: which orders it was handed, which errors
 * its handler threw, and where it committed. The judge uses it to explain a loss or a duplicate that
 * no fault accounts for — a consumer that never read from the beginning, a handler that kept
 * throwing, a committed offset that points at the message just processed instead of the next one.
 * The trace comes out of the sandbox, so it is read structurally.
 */

/** The trace fields read here (a subset of the broker's `TraceEvent`). */
interface EventLike {
  t: number;
  kind: string;
  clientId?: unknown;
  topic?: unknown;
  partition?: unknown;
  offset?: unknown;
  value?: unknown;
  detail?: unknown;
}

function events(trace: readonly unknown[]): EventLike[] {
  return trace.filter((event): event is EventLike => {
    const e = event as Partial<EventLike> | null;
    return typeof e === 'object' && e !== null && typeof e.kind === 'string' && typeof e.t === 'number';
  });
}

/** Whether any consumer was handed `order` (a `deliver` event carrying it). */
export function wasDelivered(order: string, trace: readonly unknown[]): boolean {
  return events(trace).some((event) => event.kind === 'deliver' && event.value === order);
}

/** Whether any consumer was handed anything at all. */
export function anythingDelivered(trace: readonly unknown[]): boolean {
  return events(trace).some((event) => event.kind === 'deliver');
}

/** The first error a client of the learner's code hit, in the trace's words ("eachMessage threw: …"). */
export function firstClientError(trace: readonly unknown[]): string | undefined {
  const error = events(trace).find((event) => event.kind === 'error' && typeof event.clientId === 'string' && typeof event.detail === 'string');
  return error === undefined ? undefined : String(error.detail);
}

/**
 * True when offsets were committed on a topic the consumer read, but never past the last offset it
 * was handed there: the code commits the offset of the message it just processed, while Kafka's
 * committed offset is the next one to read — so after a restart that message is read again.
 */
export function commitsOwnOffset(trace: readonly unknown[]): boolean {
  const all = events(trace);
  const delivered = new Map<string, number>();
  for (const event of all) {
    if (event.kind !== 'deliver' || typeof event.offset !== 'number') continue;
    const where = `${String(event.topic)}:${String(event.partition)}`;
    delivered.set(where, Math.max(delivered.get(where) ?? -1, event.offset));
  }
  const committed = new Map<string, number>();
  for (const event of all) {
    const offset = typeof event.offset === 'number' ? event.offset : Number(event.offset);
    if (event.kind !== 'commit' || !Number.isFinite(offset)) continue;
    const where = `${String(event.topic)}:${String(event.partition)}`;
    if (delivered.has(where)) committed.set(where, Math.max(committed.get(where) ?? -1, offset));
  }
  return committed.size > 0 && [...committed].every(([where, offset]) => offset <= (delivered.get(where) ?? -1));
}

/** Whether any offset was committed through a transaction (`sendOffsets`), as the broker traces it. */
export function offsetsCommittedInTransaction(trace: readonly unknown[]): boolean {
  return events(trace).some((event) => event.kind === 'commit' && typeof event.detail === 'string' && event.detail.startsWith('transaction'));
}

/** The trace fields of the evidence below (read structurally, like the rest). */
interface EvidenceLike extends EventLike {
  groupId?: unknown;
  transactionalId?: unknown;
  idempotencyKey?: unknown;
  ignored?: unknown;
}

function evidence(trace: readonly unknown[]): EvidenceLike[] {
  return events(trace) as EvidenceLike[];
}

/** When a member left its group before anything was delivered: the consumer stopped before it read. */
export function leftBeforeDelivery(trace: readonly unknown[]): { t: number; how: string } | undefined {
  const all = evidence(trace);
  const firstDelivery = all.find((event) => event.kind === 'deliver')?.t ?? Number.POSITIVE_INFINITY;
  const left = all.find((event) => event.kind === 'rebalance' && event.t < firstDelivery && typeof event.detail === 'string' && /left \((disconnected|stopped)\)/.test(event.detail));
  if (left === undefined) return undefined;
  return { t: left.t, how: /left \(stopped\)/.test(String(left.detail)) ? 'stopped' : 'disconnected' };
}

/** The groups the learner's consumers read as (from what was delivered to them). */
export function consumerGroups(trace: readonly unknown[]): string[] {
  return [...new Set(evidence(trace).flatMap((event) => (event.kind === 'deliver' && typeof event.groupId === 'string' ? [event.groupId] : [])))];
}

/** The groups whose offsets were committed through a transaction (sendOffsets). */
export function transactionOffsetGroups(trace: readonly unknown[]): string[] {
  return [...new Set(evidence(trace).flatMap((event) => (event.kind === 'commit' && typeof event.detail === 'string' && event.detail.startsWith('transaction') && typeof event.groupId === 'string' ? [event.groupId] : [])))];
}

/** Whether a consumer committed offsets itself (commitOffsets or auto-commit), outside any transaction. */
export function committedOutsideTransaction(trace: readonly unknown[]): boolean {
  return evidence(trace).some((event) => event.kind === 'commit' && typeof event.clientId === 'string' && event.detail === undefined);
}

/** The distinct transactional.ids the program's producers used. */
export function transactionalIds(trace: readonly unknown[]): string[] {
  return [...new Set(evidence(trace).flatMap((event) => (event.kind === 'txn-begin' && typeof event.transactionalId === 'string' ? [event.transactionalId] : [])))];
}

/** Whether a consumer group member left the group after a producer was fenced (the fenced instance stopped). */
export function stoppedAfterFence(trace: readonly unknown[]): boolean {
  const all = evidence(trace);
  const fencedAt = all.find((event) => event.kind === 'fence')?.t;
  if (fencedAt === undefined) return false;
  return all.some((event) => event.kind === 'rebalance' && event.t >= fencedAt && typeof event.detail === 'string' && /left \((disconnected|stopped)\)/.test(event.detail));
}

/** The billing service's record of the charges of `order`: the idempotency key each carried (null for none). */
export function chargesOf(order: string, trace: readonly unknown[]): { key: string | null; ignored: boolean; stored: boolean }[] {
  return evidence(trace).flatMap((event) =>
    event.kind === 'charge' && event.value === order
      ? [{ key: typeof event.idempotencyKey === 'string' ? event.idempotencyKey : null, ignored: event.ignored === true, stored: typeof event.detail === 'string' && event.detail.includes('offset stored') }]
      : [],
  );
}
