import { createCluster, runUntil } from '../broker/index.ts';
import type { SimCluster, TraceEvent } from '../broker/types.ts';
import { hostYield } from './host-yield.ts';
import { produceValues, settle } from './produce-run.ts';

/** A moment of the run: a trace event of the cluster, or the consumer's own processing. */
export type RunMoment =
  | { t: number; what: 'stored'; value: string; offset: number }
  | { t: number; what: 'fetched'; value: string; offset: number; instance: number }
  | { t: number; what: 'processed'; value: string; offset: number; instance: number }
  | { t: number; what: 'committed'; offset: number; instance: number }
  | { t: number; what: 'crashed'; instance: number; detail: string }
  | { t: number; what: 'restarted'; instance: number };

/** The one order of lesson 04's run: one message keeps the table to the seed's eight steps. */
export const AT_LEAST_ONCE_ORDER = 'order1';

/**
 * Lesson 04's run: a producer stores order1; a consumer in group `billing` processes it and then
 * commits (autoCommit off) — and dies after processing, before its commit lands. The host restarts
 * it, as a supervisor would; it resumes at the committed offset (none yet, so fromBeginning) and
 * processes order1 again. Returns what happened, in order, read from the cluster's trace plus the
 * consumer's own processing log.
 */
export async function runAtLeastOnce(seed = 9): Promise<{ moments: RunMoment[]; processed: string[]; trace: readonly TraceEvent[] }> {
  const cluster: SimCluster = createCluster({ seed, faults: [{ fault: 'crash-consumer-before-commit', on: { topic: 'orders', value: AT_LEAST_ONCE_ORDER } }] });
  cluster.createTopic({ topic: 'orders', replicationFactor: 3, minInsyncReplicas: 2 });
  await produceValues(cluster, { clientId: 'orders-service', topic: 'orders', acks: -1, retries: 5, idempotent: true }, [AT_LEAST_ONCE_ORDER]);

  const { Kafka } = cluster.kafkajs;
  const moments: RunMoment[] = [];
  const processed: string[] = [];
  let instances = 0;
  let finished = false;

  const start = async () => {
    const instance = ++instances;
    // Each instance is a process of its own, as a restarted deployment is; the crash kills the first.
    const kafka = new Kafka({ clientId: 'billing', brokers: ['localhost:9092'] });
    const consumer = kafka.consumer({ groupId: 'billing' });
    await consumer.connect();
    await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const value = message.value?.toString() ?? 'null';
        const offset = Number(message.offset);
        processed.push(value);
        moments.push({ t: cluster.now(), what: 'processed', value, offset, instance });
        await consumer.commitOffsets([{ topic, partition, offset: String(offset + 1) }]);
        if (offset === 0) finished = true;
      },
    });
    return instance;
  };
  cluster.onClientCrash((crash) => {
    moments.push({ t: crash.t, what: 'crashed', instance: instances, detail: 'consumer crash before commit' });
    void start().then((instance) => moments.push({ t: cluster.now(), what: 'restarted', instance }));
  });
  void start();
  await runUntil(cluster, () => finished, hostYield, { maxVirtualMs: 120_000 });
  if (!finished) throw new Error(`lesson 04 run: the restarted consumer never committed ${AT_LEAST_ONCE_ORDER}`);
  await settle(cluster, 100);

  // Both instances share a client id, as a restarted process would; the crash separates them.
  const crashes = moments.filter((m) => m.what === 'crashed').map((m) => m.t);
  const instanceAt = (t: number, kind: TraceEvent['kind']) => 1 + crashes.filter((c) => (kind === 'deliver' ? c < t : c <= t)).length;
  for (const event of cluster.trace) {
    if (!('topic' in event) || event.topic !== 'orders') continue;
    if (event.kind === 'append') {
      event.values.forEach((value, i) => moments.push({ t: event.t, what: 'stored', value: value ?? 'null', offset: event.offset + i }));
    }
    if (event.kind === 'deliver' && event.groupId === 'billing') {
      moments.push({ t: event.t, what: 'fetched', value: event.value ?? 'null', offset: event.offset, instance: instanceAt(event.t, event.kind) });
    }
    if (event.kind === 'commit' && event.groupId === 'billing') {
      moments.push({ t: event.t, what: 'committed', offset: event.offset, instance: instanceAt(event.t, event.kind) });
    }
  }
  const rank: Record<RunMoment['what'], number> = { stored: 0, fetched: 1, processed: 2, crashed: 3, committed: 4, restarted: 5 };
  moments.sort((a, b) => a.t - b.t || rank[a.what] - rank[b.what]);
  return { moments, processed, trace: cluster.trace };
}
