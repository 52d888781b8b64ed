/**
 * The trace: what happened in a run, in the order it happened, one event per step.
 *
 * The idea: an event is a discriminated union on `kind`, declared once here. Each kind carries the
 * structured fields a reader may branch on (`via` of a commit, `change` of a rebalance, `lost` of a
 * drop…); `detail` is display text only — nothing may branch on its prose. Events are plain JSON so
 * they cross postMessage; a trace that comes back from a sandbox is untrusted and goes through
 * {@link readTrace} before anyone narrows on it. Fields are only ever added, never renamed: pages and
 * tests read them.
 */

/** Where a partition-level event happened. */
interface OnPartition {
  topic: string;
  partition: number;
}

/** The producer identity a batch or request carried (-1 for a non-idempotent producer). */
interface ProducerRef {
  producerId: number;
  sequence: number;
}

/** A produce request left the client (`send`), or was sent again after a timeout or error (`retry`). */
export interface SendEvent extends OnPartition, ProducerRef {
  t: number;
  kind: 'send' | 'retry';
  clientId: string;
  /** Identifies one produce request across send/retry/ack/drop events. */
  requestId: number;
  acks: number;
  count: number;
  /** The first value of the batch. */
  value: string | null;
  /** All values of the batch, in offset order. */
  values: readonly (string | null)[];
}

/** The leader appended a produce request's batch. */
export interface AppendEvent extends OnPartition, ProducerRef {
  t: number;
  kind: 'append';
  broker: number;
  offset: number;
  count: number;
  requestId: number;
  value: string | null;
  values: readonly (string | null)[];
}

/** A follower copied records from the leader. */
export interface ReplicateEvent extends OnPartition {
  t: number;
  kind: 'replicate';
  broker: number;
  offset: number;
  count: number;
}

/** The client received a successful produce response. */
export interface AckEvent extends OnPartition {
  t: number;
  kind: 'ack';
  clientId: string;
  offset: number;
  count: number;
  requestId: number;
  acks: number;
  value: string | null;
  values: readonly (string | null)[];
}

/** A planned fault lost a produce request on its way (`request`) or its response on the way back. */
export interface DropEvent extends OnPartition {
  t: number;
  kind: 'drop';
  clientId: string;
  requestId: number;
  values: readonly (string | null)[];
  lost: 'request' | 'response';
  detail: string;
}

/** The leader recognised a retried batch by its sequence and answered with the original offset. */
export interface DedupeEvent extends OnPartition, ProducerRef {
  t: number;
  kind: 'dedupe';
  broker: number;
  offset: number;
  count: number;
  requestId: number;
  value: string | null;
}

/**
 * An offset became a group's committed offset: `via` 'consumer' (commitOffsets or auto-commit, with
 * the committing client) or 'transaction' (sendOffsets, applied when the transaction committed).
 */
export type CommitEvent = ConsumerCommitEvent | TransactionCommitEvent;
interface CommitBase extends OnPartition {
  t: number;
  kind: 'commit';
  groupId: string;
  /** The next offset to read. */
  offset: number;
}
export interface ConsumerCommitEvent extends CommitBase {
  via: 'consumer';
  clientId: string;
}
export interface TransactionCommitEvent extends CommitBase {
  via: 'transaction';
  transactionalId: string;
  /** "transaction <id>". */
  detail: string;
}

/** A broker crashed, or a process died (its name as `clientId`, with the group of a consumer in it). */
export type CrashEvent = BrokerCrashEvent | ProcessCrashEvent;
export interface BrokerCrashEvent {
  t: number;
  kind: 'crash';
  broker: number;
  detail: string;
}
export interface ProcessCrashEvent {
  t: number;
  kind: 'crash';
  clientId: string;
  groupId?: string;
  detail: string;
}

/** A crashed broker came back. */
export interface RestartEvent {
  t: number;
  kind: 'restart';
  broker: number;
}

/** A consumer fetched `count` records from `offset`. */
export interface FetchEvent extends OnPartition {
  t: number;
  kind: 'fetch';
  clientId: string;
  groupId: string;
  offset: number;
  count: number;
}

/** A consumer handed a record to the application. */
export interface DeliverEvent extends OnPartition {
  t: number;
  kind: 'deliver';
  clientId: string;
  groupId: string;
  offset: number;
  value: string | null;
}

/** A transaction began, committed (`txn-commit`) or was aborted (`abort`). */
export interface TransactionEvent {
  t: number;
  kind: 'txn-begin' | 'txn-commit' | 'abort';
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  /** Why it ended ('committed by the producer', 'transaction timeout (…)'); absent on txn-begin. */
  detail?: string;
}

/**
 * A producer was fenced: a partition leader refused its stale epoch (with `broker` and the request), or
 * the coordinator bumped the epoch or refused an EndTxn (with `transactionalId`).
 */
export interface FenceEvent {
  t: number;
  kind: 'fence';
  producerId: number;
  producerEpoch: number;
  broker?: number;
  topic?: string;
  partition?: number;
  requestId?: number;
  transactionalId?: string;
  error?: string;
  detail?: string;
}

/** A partition got a leader (`broker`), or went offline (`broker` -1). */
export interface ElectEvent extends OnPartition {
  t: number;
  kind: 'elect';
  broker: number;
  /** Whether an out-of-sync replica was allowed to lead (acknowledged records may be lost). */
  unclean: boolean;
  detail: string;
}

/** A follower cut its log back to where it agrees with the leader. */
export interface TruncateEvent extends OnPartition {
  t: number;
  kind: 'truncate';
  broker: number;
  offset: number;
  count: number;
  detail: string;
}

/**
 * A request failed: on a broker (with `broker`), or in a client (with `clientId`: a produce error, a
 * refused commit, a handler that threw). `error` is a KafkaJS error type or the thrown error's name.
 */
export interface ErrorEvent {
  t: number;
  kind: 'error';
  error: string;
  broker?: number;
  clientId?: string;
  groupId?: string;
  topic?: string;
  partition?: number;
  offset?: number;
  requestId?: number;
  producerId?: number;
  sequence?: number;
  detail?: string;
}

/** A client stopped waiting for a produce response (its request timeout). */
export interface TimeoutEvent extends OnPartition {
  t: number;
  kind: 'timeout';
  clientId: string;
  requestId: number;
  detail: string;
}

/** The ISR of a partition shrank or grew; `isr` is the new set. */
export interface IsrEvent extends OnPartition {
  t: number;
  kind: 'isr-shrink' | 'isr-expand';
  broker: number;
  isr: readonly number[];
  detail: string;
}

/** A transaction marker was written on a partition. */
export interface MarkerEvent extends OnPartition {
  t: number;
  kind: 'marker';
  broker: number;
  offset: number;
  producerId: number;
  producerEpoch: number;
  transactionalId: string;
  control: 'commit' | 'abort';
  /** The same as `control`, kept for pages that show it. */
  detail: 'commit' | 'abort';
}

/** A consumer group rebalanced because `member` joined or left (`reason`: 'stopped', 'crashed'…). */
export interface RebalanceEvent {
  t: number;
  kind: 'rebalance';
  groupId: string;
  generation: number;
  member: string;
  change: 'joined' | 'left';
  /** Why the member left; absent for a join. */
  reason?: LeaveReason;
  detail: string;
}

/** Why a member left its group. */
export type LeaveReason = 'stopped' | 'disconnected' | 'crashed' | 'session timeout';

/** A planned fault fired (`fault` is its kind), or a frozen process woke up. */
export interface FaultEvent {
  t: number;
  kind: 'fault';
  fault: string;
  broker?: number;
  topic?: string;
  partition?: number;
  requestId?: number;
  clientId?: string;
  values?: readonly (string | null)[];
  detail: string;
}

/** The billing service received a charge (recorded by the host's driver, not by the cluster). */
export interface ChargeEvent {
  t: number;
  kind: 'charge';
  clientId: string;
  value: string;
  /** The idempotency key the charge carried, null for none. */
  idempotencyKey: string | null;
  /** The billing service turned it away (its key was seen before). */
  ignored: boolean;
  /** The consumed offset was stored with the charge (in the same database write). */
  offsetStored: boolean;
  detail: string;
}

/**
 * consumer.stop() or disconnect() was called while that consumer's eachMessage/eachBatch was running:
 * it waits for the handler to return (`stop-wait`, KafkaJS 2.2.4), then goes ahead (`stop-resume`).
 */
export interface StopWaitEvent {
  t: number;
  kind: 'stop-wait' | 'stop-resume';
  clientId: string;
  groupId: string;
  call: 'stop' | 'disconnect';
  detail: string;
}

/** One trace event. */
export type TraceEvent =
  | SendEvent
  | AppendEvent
  | ReplicateEvent
  | AckEvent
  | DropEvent
  | DedupeEvent
  | CommitEvent
  | CrashEvent
  | RestartEvent
  | FetchEvent
  | DeliverEvent
  | TransactionEvent
  | FenceEvent
  | ElectEvent
  | TruncateEvent
  | ErrorEvent
  | TimeoutEvent
  | IsrEvent
  | MarkerEvent
  | RebalanceEvent
  | FaultEvent
  | ChargeEvent
  | StopWaitEvent;

/** What happened, in the order it happened. */
export type TraceKind = TraceEvent['kind'];

/** The event of one kind. */
export type TraceEventOf<K extends TraceKind> = TraceEvent extends infer E ? (E extends { kind: infer EK } ? (K extends EK ? E : never) : never) : never;

type Untimed<E> = E extends unknown ? Omit<E, 't'> : never;

/** An event before the clock stamps it. */
export type UntimedTraceEvent = Untimed<TraceEvent>;

/** Every kind, in the order of the union (checked both ways by the `satisfies` below). */
export const TRACE_KINDS = [
  'send', 'retry', 'append', 'replicate', 'ack', 'drop', 'dedupe', 'commit', 'crash', 'restart', 'fetch',
  'deliver', 'txn-begin', 'txn-commit', 'abort', 'fence', 'elect', 'truncate', 'error', 'timeout',
  'isr-shrink', 'isr-expand', 'marker', 'rebalance', 'fault', 'charge', 'stop-wait', 'stop-resume',
] as const satisfies readonly TraceKind[];
// A kind added to the union but not to the list fails here.
const everyKind: Record<TraceKind, true> = Object.fromEntries(TRACE_KINDS.map((k) => [k, true])) as Record<(typeof TRACE_KINDS)[number], true>;

const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): boolean => typeof v === 'string';
const isValue = (v: unknown): boolean => v === null || typeof v === 'string';

/** The type every field of any kind must have; a field of the wrong type drops the event. */
const FIELD_CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  broker: isNumber, topic: isString, partition: isNumber, offset: isNumber, count: isNumber,
  producerId: isNumber, producerEpoch: isNumber, sequence: isNumber, requestId: isNumber, acks: isNumber,
  generation: isNumber, value: isValue, values: (v) => Array.isArray(v) && v.every(isValue),
  isr: (v) => Array.isArray(v) && v.every(isNumber), clientId: isString, groupId: isString,
  transactionalId: isString, error: isString, detail: isString, fault: isString, member: isString,
  idempotencyKey: isValue, ignored: (v) => typeof v === 'boolean', offsetStored: (v) => typeof v === 'boolean',
  unclean: (v) => typeof v === 'boolean', lost: (v) => v === 'request' || v === 'response',
  via: (v) => v === 'consumer' || v === 'transaction', change: (v) => v === 'joined' || v === 'left',
  reason: isString, control: (v) => v === 'commit' || v === 'abort', call: (v) => v === 'stop' || v === 'disconnect',
};

/** Whether `x` looks like a trace event: a known kind, a time, and every known field of its type. */
export function isTraceEvent(x: unknown): x is TraceEvent {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  if (typeof e['kind'] !== 'string' || !Object.hasOwn(everyKind, e['kind']) || !isNumber(e['t'])) return false;
  for (const [field, check] of Object.entries(FIELD_CHECKS)) {
    if (e[field] !== undefined && !check(e[field])) return false;
  }
  return true;
}

/**
 * The events of an untrusted trace (one that crossed a sandbox boundary) that are well formed; the
 * rest are left out, so a reader can narrow on `kind` and trust the fields it finds.
 */
export function readTrace(trace: readonly unknown[]): TraceEvent[] {
  return trace.filter(isTraceEvent);
}

/** The record values an event concerns: its batch, or its single value; none for other kinds. */
export function valuesOf(event: TraceEvent): readonly (string | null)[] {
  if ('values' in event && event.values !== undefined) return event.values;
  if ('value' in event) return [event.value];
  return [];
}

/** The produce request an event belongs to, if it belongs to one. */
export function requestOf(event: TraceEvent): number | undefined {
  return 'requestId' in event ? event.requestId : undefined;
}
