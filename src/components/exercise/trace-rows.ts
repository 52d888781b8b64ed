/**
 * The simulated cluster's trace as rows a student can read: when, what happened (in words), where
 * (broker, topic/partition, offset), which producer (id, epoch, sequence), which records, and any
 * error or detail — with faults and their consequences marked. Pure data in, data out, so the page's
 * timeline and its tests share it. It reads each kind's own fields (the trace union); an event of an
 * unknown kind, or a malformed one, still shows its kind and time.
 */
import { isTraceEvent, requestOf, valuesOf, type TraceEvent, type TraceKind } from '../../broker/index.ts';

/** How a row is marked: an injected fault, a consequence worth noticing (crash, drop…), or neither. */
export type RowTone = 'fault' | 'trouble' | 'normal';

/** One trace event, ready to display. Empty strings mean "does not apply". */
export interface TraceRow {
  /** "40 ms" (virtual time). */
  time: string;
  /** The broker's event kind, e.g. 'ack'. */
  kind: string;
  /** The kind in words, e.g. "Ack to producer". */
  event: string;
  /** "broker 1 · orders/0 · offset 2–4". */
  where: string;
  /** "producer 3 · epoch 0 · seq 2". */
  producer: string;
  /** The record values concerned, e.g. "order1, order2". */
  records: string;
  /** Error code, request number, client and free-text detail. */
  note: string;
  tone: RowTone;
}

// Every kind the cluster traces has its words; unknown kinds show as they are.
const EVENT_WORDS: Record<TraceKind, string> = {
  send: 'Producer sends',
  append: 'Leader appends',
  replicate: 'Follower copies',
  ack: 'Ack to producer',
  drop: 'Lost in the network',
  retry: 'Producer retries',
  dedupe: 'Duplicate discarded',
  commit: 'Offsets committed',
  crash: 'Crash',
  restart: 'Restart',
  fetch: 'Consumer fetches',
  deliver: 'Delivered to consumer',
  abort: 'Transaction aborted',
  fence: 'Producer fenced',
  elect: 'Leader elected',
  truncate: 'Log truncated',
  error: 'Error',
  timeout: 'Timed out',
  'isr-shrink': 'ISR shrinks',
  'isr-expand': 'ISR grows',
  marker: 'Control marker',
  'txn-begin': 'Transaction begins',
  'txn-commit': 'Transaction committed',
  rebalance: 'Group rebalances',
  fault: 'Injected fault',
  'stop-wait': 'Stop waits for the handler',
  'stop-resume': 'Handler returned; stop goes on',
  charge: 'Billing charges',
};

/** Kinds that are the visible effect of a fault, or lose or refuse data. */
const TROUBLE = new Set(['crash', 'drop', 'truncate', 'fence', 'error', 'timeout', 'abort', 'isr-shrink', 'stop-wait']);

const joinParts = (parts: readonly string[]): string => parts.filter((part) => part !== '').join(' · ');
const shown = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

/**
 * Describes one trace event. A well-formed event (see `isTraceEvent`) is read by its kind's fields; anything
 * else — an unknown kind, a value that is not an event — shows its kind (or itself) and its time only.
 */
export function traceRow(input: unknown): TraceRow {
  if (!isTraceEvent(input)) return unknownRow(input);
  const event: TraceEvent = input;
  const offset = 'offset' in event ? event.offset : undefined;
  const count = 'count' in event ? event.count : 1;
  const topic = 'topic' in event ? shown(event.topic) : '';
  const partition = 'partition' in event ? shown(event.partition) : '';
  const broker = 'broker' in event ? shown(event.broker) : '';
  const where = joinParts([
    broker && `broker ${broker}`,
    topic && partition ? `${topic}/${partition}` : topic || (partition && `partition ${partition}`),
    offset === undefined ? '' : count > 1 ? `offsets ${offset}–${offset + count - 1}` : `offset ${offset}`,
  ]);
  const producerId = 'producerId' in event ? shown(event.producerId) : '';
  const epoch = 'producerEpoch' in event ? shown(event.producerEpoch) : '';
  const sequence = 'sequence' in event ? shown(event.sequence) : '';
  const producer = joinParts([producerId && `producer ${producerId}`, epoch && `epoch ${epoch}`, sequence && `seq ${sequence}`]);
  const records = valuesOf(event).map((value) => (value === null ? '(null)' : value)).join(', ');
  const requestId = shown(requestOf(event));
  const acks = 'acks' in event ? event.acks : undefined;
  const groupId = 'groupId' in event ? shown(event.groupId) : '';
  const transactionalId = 'transactionalId' in event ? shown(event.transactionalId) : '';
  const note = joinParts([
    'error' in event ? shown(event.error) : '',
    requestId && `request #${requestId}`,
    acks === undefined ? '' : `acks=${acks === -1 ? 'all' : acks}`,
    'clientId' in event ? shown(event.clientId) : '',
    groupId && `group ${groupId}`,
    transactionalId && `txn ${transactionalId}`,
    'detail' in event ? shown(event.detail) : '',
  ]);
  return { time: `${event.t} ms`, kind: event.kind, event: EVENT_WORDS[event.kind], where, producer, records, note, tone: toneOf(event.kind) };
}

function toneOf(kind: string): RowTone {
  return kind === 'fault' ? 'fault' : TROUBLE.has(kind) ? 'trouble' : 'normal';
}

/** A value that is no well-formed event: its kind (or itself) and time, nothing invented. */
function unknownRow(input: unknown): TraceRow {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const label = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const kind = 'kind' in record ? label(record['kind']) : label(input);
  const t = record['t'];
  const time = typeof t === 'number' ? `${t} ms` : '';
  return { time, kind, event: kind, where: '', producer: '', records: '', note: '', tone: toneOf(kind) };
}
