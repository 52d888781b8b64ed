/**
 * The simulated cluster's trace as rows a student can read: when, what happened (in words), where
 * (broker, topic/partition, offset), which producer (id, epoch, sequence), which records, and any
 * error or detail — with faults and their consequences marked. Pure data in, data out, so the page's
 * timeline and its tests share it. Reads events loosely: an unknown kind or field still shows.
 */
import type { TraceKind } from '../../broker/index.ts';

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

// Every kind the cluster traces has its words (checked by `satisfies`); unknown kinds show as they are.
const EVENT_WORDS: Record<string, string> = {
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
} satisfies Record<TraceKind, string>;

/** Kinds that are the visible effect of a fault, or lose or refuse data. */
const TROUBLE = new Set(['crash', 'drop', 'truncate', 'fence', 'error', 'timeout', 'abort', 'isr-shrink', 'stop-wait']);

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
const joinParts = (parts: readonly string[]): string => parts.filter((part) => part !== '').join(' · ');

/** Describes one trace event. */
export function traceRow(event: unknown): TraceRow {
  const record = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : { kind: text(event) };
  const kind = text(record['kind'] ?? record['type']);
  const time = record['t'] ?? record['time'];
  const offset = typeof record['offset'] === 'number' ? record['offset'] : undefined;
  const count = typeof record['count'] === 'number' ? record['count'] : 1;
  const topic = text(record['topic']);
  const partition = text(record['partition']);
  const where = joinParts([
    text(record['broker']) && `broker ${text(record['broker'])}`,
    topic && partition ? `${topic}/${partition}` : topic || (partition && `partition ${partition}`),
    offset === undefined ? '' : count > 1 ? `offsets ${offset}–${offset + count - 1}` : `offset ${offset}`,
  ]);
  const producer = joinParts([
    text(record['producerId']) && `producer ${text(record['producerId'])}`,
    text(record['producerEpoch']) && `epoch ${text(record['producerEpoch'])}`,
    text(record['sequence']) && `seq ${text(record['sequence'])}`,
  ]);
  const values = Array.isArray(record['values']) ? record['values'] : record['value'] !== undefined ? [record['value']] : [];
  const records = values.map((value) => (value === null ? '(null)' : text(value))).join(', ');
  const note = joinParts([
    text(record['error']),
    text(record['requestId']) && `request #${text(record['requestId'])}`,
    text(record['acks']) && `acks=${text(record['acks']) === '-1' ? 'all' : text(record['acks'])}`,
    text(record['clientId']),
    text(record['groupId']) && `group ${text(record['groupId'])}`,
    text(record['transactionalId']) && `txn ${text(record['transactionalId'])}`,
    text(record['detail']),
  ]);
  return {
    time: time === undefined ? '' : `${text(time)} ms`,
    kind,
    event: EVENT_WORDS[kind] ?? kind,
    where,
    producer,
    records,
    note,
    tone: kind === 'fault' ? 'fault' : TROUBLE.has(kind) ? 'trouble' : 'normal',
  };
}
