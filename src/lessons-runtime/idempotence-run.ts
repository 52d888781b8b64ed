import { createCluster } from '../broker/index.ts';
import type { TraceEvent } from '../broker/types.ts';
import { produceValues } from './produce-run.ts';

/** A row of lesson 05's idempotence timeline. */
export interface IdempotenceRow {
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
export async function idempotenceTimeline(seed = 3): Promise<{ rows: IdempotenceRow[]; stored: string[] }> {
  const cluster = createCluster({ seed, faults: [{ fault: 'lose-ack', on: { topic: 'orders', value: 'order2' } }] });
  cluster.createTopic({ topic: 'orders', replicationFactor: 3, minInsyncReplicas: 2 });
  await produceValues(cluster, { clientId: 'orders-service', topic: 'orders', acks: -1, retries: 5, idempotent: true }, ['order1', 'order2', 'order3']);
  const valueOfRequest = new Map<number, string>();
  for (const event of cluster.trace) {
    if (event.requestId !== undefined && typeof event.value === 'string') valueOfRequest.set(event.requestId, event.value);
  }
  const rows = cluster.trace
    .filter((event) => SHOWN.has(event.kind) && event.topic !== '__consumer_offsets')
    .map((event) => ({
      t: event.t,
      kind: event.kind,
      value: (typeof event.value === 'string' ? event.value : event.requestId !== undefined ? valueOfRequest.get(event.requestId) : undefined) ?? '—',
      producerId: event.producerId === undefined ? '—' : String(event.producerId),
      sequence: event.sequence === undefined ? '—' : String(event.sequence),
      offset: event.offset === undefined ? '—' : String(event.offset),
      detail: event.detail ?? event.error ?? '',
    }));
  const stored = cluster.readTopic('orders', { isolation: 'read_uncommitted' }).map((record) => record.value ?? 'null');
  return { rows, stored };
}
