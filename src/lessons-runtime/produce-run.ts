import type { SimCluster } from '../broker/types.ts';
import { runUntil } from '../broker/index.ts';
import type { SendResult } from './delivery-totals.ts';
import { hostYield } from './host-yield.ts';

/** How a lesson's producer is configured, in KafkaJS terms. */
export interface ProducerSettings {
  clientId: string;
  topic: string;
  /** 0, 1 or -1 (all). */
  acks: 0 | 1 | -1;
  retries: number;
  idempotent: boolean;
  /** When set, each value is sent and committed in its own transaction. */
  transactionalId?: string;
}

/**
 * Sends each value as its own record, one after the other (like the console producer in sync mode),
 * through the cluster's KafkaJS facade, and reports what the producer was told about each send.
 * The cluster's virtual clock runs until every send has settled.
 */
export async function produceValues(cluster: SimCluster, settings: ProducerSettings, values: readonly string[]): Promise<SendResult[]> {
  const { Kafka } = cluster.kafkajs;
  const kafka = new Kafka({ clientId: settings.clientId, brokers: ['localhost:9092'] });
  const producer = settings.transactionalId
    ? kafka.producer({ transactionalId: settings.transactionalId, idempotent: true, maxInFlightRequests: 1, retry: { retries: settings.retries } })
    : kafka.producer({ idempotent: settings.idempotent, retry: { retries: settings.retries } });
  const results: SendResult[] = [];
  let finished = false;
  const work = (async () => {
    await producer.connect();
    for (const value of values) {
      try {
        if (settings.transactionalId) {
          const transaction = await producer.transaction();
          await transaction.send({ topic: settings.topic, acks: -1, messages: [{ value }] });
          await transaction.commit();
        } else {
          await producer.send({ topic: settings.topic, acks: settings.acks, messages: [{ value }] });
        }
        // acks=0 resolves on the socket write: the producer was told nothing, so nothing was acknowledged.
        results.push({ value, acknowledged: settings.acks !== 0 });
      } catch (error) {
        const e = error as Error;
        results.push({ value, acknowledged: false, error: `${e.name}: ${e.message}` });
      }
    }
    await producer.disconnect();
  })().finally(() => { finished = true; });
  await runUntil(cluster, () => finished, hostYield);
  await work;
  await settle(cluster);
  return results;
}

/**
 * Lets the cluster finish what is in flight after the client is done — followers fetching the last
 * records, a crashed broker restarting — so a reader sees the settled log, not a moment mid-replication
 * (records above the high watermark are invisible to readers).
 */
export async function settle(cluster: SimCluster, forMs = 2_000): Promise<void> {
  await runUntil(cluster, () => false, hostYield, { maxVirtualMs: forMs });
}
