import { createCluster, requestOf, type TraceEvent } from '../broker/index.ts';
import { produceValues } from './produce-run.ts';
import type { StepRow, StepThroughTable } from './step-through.ts';

/** A row of lesson 05's idempotence timeline. */
export interface IdempotenceRow {
  /** Index of the row's event in the run's trace. */
  event: number;
  t: number;
  kind: string;
  value: string;
  producerId: string;
  sequence: string;
  offset: string;
  detail: string;
}

const SHOWN: ReadonlySet<TraceEvent['kind']> = new Set(['send', 'append', 'ack', 'drop', 'timeout', 'retry', 'dedupe', 'error']);

/**
 * An idempotent producer sends order1..order3; the ack for order2 is lost, the producer retries, and
 * the broker answers the retry from its producer state instead of appending again. Returns the trace
 * rows that tell this story and what a reader finds in the topic.
 */
export async function idempotenceTimeline(seed = 3): Promise<{ rows: IdempotenceRow[]; stored: string[]; trace: readonly TraceEvent[] }> {
  const cluster = createCluster({ seed, faults: [{ fault: 'lose-ack', on: { topic: 'orders', value: 'order2' } }] });
  cluster.createTopic({ topic: 'orders', replicationFactor: 3, minInsyncReplicas: 2 });
  await produceValues(cluster, { clientId: 'orders-service', topic: 'orders', acks: -1, retries: 5, idempotent: true }, ['order1', 'order2', 'order3']);
  const valueOfRequest = new Map<number, string>();
  for (const event of cluster.trace) {
    const request = requestOf(event);
    const value = 'value' in event ? event.value : undefined;
    if (request !== undefined && typeof value === 'string') valueOfRequest.set(request, value);
  }
  const shown = (text: number | string | undefined): string => (text === undefined ? '—' : String(text));
  const rows = cluster.trace
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => SHOWN.has(event.kind) && !('topic' in event && event.topic === '__consumer_offsets'))
    .map(({ event, index }) => {
      const value = 'value' in event && typeof event.value === 'string' ? event.value : undefined;
      const request = requestOf(event);
      return {
        event: index,
        t: event.t,
        kind: event.kind,
        value: value ?? (request !== undefined ? valueOfRequest.get(request) : undefined) ?? '—',
        producerId: shown('producerId' in event ? event.producerId : undefined),
        sequence: shown('sequence' in event ? event.sequence : undefined),
        offset: shown('offset' in event ? event.offset : undefined),
        detail: ('detail' in event ? event.detail : undefined) ?? ('error' in event ? event.error : undefined) ?? '',
      };
    });
  const stored = cluster.readTopic('orders', { isolation: 'read_uncommitted' }).map((record) => record.value ?? 'null');
  return { rows, stored, trace: cluster.trace };
}

/** What a trace event means for the learner, worded from the row's own fields only. */
function meaning(row: IdempotenceRow): string {
  switch (row.kind) {
    case 'send': return `Producer sends ${row.value} as producer id ${row.producerId}, sequence ${row.sequence}`;
    case 'append': return `Leader appends it at offset ${row.offset}`;
    case 'ack': return `Producer receives the ack (offset ${row.offset})`;
    case 'drop': return `The network drops it${row.detail ? ` (${row.detail})` : ''}`;
    case 'timeout': return `The producer stops waiting${row.detail ? ` (${row.detail})` : ''}`;
    case 'error': return `The send attempt fails: ${row.detail || 'error'}`;
    case 'retry': return `Producer resends the same batch: same producer id, same sequence ${row.sequence}`;
    case 'dedupe': return `Broker has sequence ${row.sequence} of producer ${row.producerId} already: no append, answers with offset ${row.offset}`;
    default: return row.detail || row.kind;
  }
}

/**
 * The timeline as StepThrough props: one step per trace row, tracking what the partition log holds
 * and the last sequence the broker has stored for the producer — so the learner sees the log stay
 * the same when the retried batch arrives.
 */
export function idempotenceSteps(rows: readonly IdempotenceRow[]): StepThroughTable {
  const log: string[] = [];
  const steps = rows.map((row): StepRow => {
    const vars: Record<string, string> = {};
    if (row.kind === 'append') {
      log.push(`${row.value}@${row.offset}`);
      vars['log'] = log.join(', ');
      vars['last_sequence'] = row.sequence;
    }
    return { cells: [`t=${row.t} ms`, row.kind, row.value, row.producerId, row.sequence, meaning(row)], vars };
  });
  return {
    caption: 'Idempotent producer, ack for order2 lost: the trace',
    columns: ['Time', 'Event', 'Record', 'Producer id', 'Sequence', 'What happens'],
    variables: ['log', 'last_sequence'],
    start: { log: '(empty)', last_sequence: '(none)' },
    steps,
    source: 'Built at build time from the trace of a seeded run of the simulated cluster (times in virtual milliseconds).',
  };
}
