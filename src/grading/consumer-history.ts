/**
 * What the cluster's trace says the learner's consumer did: which orders it was handed, which errors
 * its handler threw, and where it committed. The judge uses it to explain a loss or a duplicate that
 * no fault accounts for — a consumer that never read from the beginning, a handler that kept
 * throwing, a committed offset that points at the message just processed instead of the next one.
 * The trace comes out of the sandbox, so it is read through `readTrace` (well-formed events only).
 */

import { readTrace, type TraceEvent } from '../broker/index.ts';

const events = (trace: readonly unknown[]): TraceEvent[] => readTrace(trace);

/** A member left its group because its consumer was stopped or disconnected (not because it died). */
const leftByStop = (event: TraceEvent): boolean => event.kind === 'rebalance' && (event.reason === 'stopped' || event.reason === 'disconnected');

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
  for (const event of events(trace)) if (event.kind === 'error' && event.clientId !== undefined && event.detail !== undefined) return event.detail;
  return undefined;
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
    if (event.kind !== 'deliver') continue;
    const where = `${event.topic}:${event.partition}`;
    delivered.set(where, Math.max(delivered.get(where) ?? -1, event.offset));
  }
  const committed = new Map<string, number>();
  for (const event of all) {
    if (event.kind !== 'commit') continue;
    const where = `${event.topic}:${event.partition}`;
    if (delivered.has(where)) committed.set(where, Math.max(committed.get(where) ?? -1, event.offset));
  }
  return committed.size > 0 && [...committed].every(([where, offset]) => offset <= (delivered.get(where) ?? -1));
}

/** Whether any offset was committed through a transaction (`sendOffsets`), as the broker traces it. */
export function offsetsCommittedInTransaction(trace: readonly unknown[]): boolean {
  return events(trace).some((event) => event.kind === 'commit' && event.via === 'transaction');
}

/** When a member left its group before anything was delivered: the consumer stopped before it read. */
export function leftBeforeDelivery(trace: readonly unknown[]): { t: number; how: string } | undefined {
  const all = events(trace);
  const firstDelivery = all.find((event) => event.kind === 'deliver')?.t ?? Number.POSITIVE_INFINITY;
  for (const event of all) {
    if (event.t < firstDelivery && event.kind === 'rebalance' && leftByStop(event)) return { t: event.t, how: event.reason === 'stopped' ? 'stopped' : 'disconnected' };
  }
  return undefined;
}

/** The groups the learner's consumers read as (from what was delivered to them). */
export function consumerGroups(trace: readonly unknown[]): string[] {
  return [...new Set(events(trace).flatMap((event) => (event.kind === 'deliver' ? [event.groupId] : [])))];
}

/** The groups whose offsets were committed through a transaction (sendOffsets). */
export function transactionOffsetGroups(trace: readonly unknown[]): string[] {
  return [...new Set(events(trace).flatMap((event) => (event.kind === 'commit' && event.via === 'transaction' ? [event.groupId] : [])))];
}

/** Whether a consumer committed offsets itself (commitOffsets or auto-commit), outside any transaction. */
export function committedOutsideTransaction(trace: readonly unknown[]): boolean {
  return events(trace).some((event) => event.kind === 'commit' && event.via === 'consumer');
}

/** The distinct transactional.ids the program's producers used. */
export function transactionalIds(trace: readonly unknown[]): string[] {
  return [...new Set(events(trace).flatMap((event) => (event.kind === 'txn-begin' ? [event.transactionalId] : [])))];
}

/** Whether a consumer group member left the group after a producer was fenced (the fenced instance stopped). */
export function stoppedAfterFence(trace: readonly unknown[]): boolean {
  const all = events(trace);
  const fencedAt = all.find((event) => event.kind === 'fence')?.t;
  if (fencedAt === undefined) return false;
  return all.some((event) => event.t >= fencedAt && leftByStop(event));
}

/** The billing service's record of the charges of `order`: the idempotency key each carried (null for none). */
export function chargesOf(order: string, trace: readonly unknown[]): { key: string | null; ignored: boolean; stored: boolean }[] {
  return events(trace).flatMap((event) =>
    event.kind === 'charge' && event.value === order ? [{ key: event.idempotencyKey, ignored: event.ignored === true, stored: event.offsetStored === true }] : [],
  );
}
