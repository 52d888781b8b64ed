import type { SimCluster } from '../broker/types.ts';
import { runUntil } from '../broker/index.ts';
import type { SendResult } from './delivery-totals.ts';

/** How a lesson's producer is configured, in KafkaJS terms. */
export interface ProducerSettings {
  clientId: string;
  topic: string;
  /** 0, 1 or -1 (all). */
  acks: 0 | 1 | -1;
  retries: number;
  idempotent: boolean;
}

/**
 * Sends each value as its own record, one after the other (like the console producer in sync mode),
 * through the cluster's KafkaJS facade, and reports what the producer was told about each send.
 * The cluster's virtual clock runs until every send has settled.
 */
export async function produceValues(cluster: SimCluster, settings: ProducerSettings, values: readonly string[]): Promise<SendResult[]> {
  const { Kafka } = cluster.kafkajs;
  const kafka = new Kafka({ clientId: settings.clientId, brokers: ['localhost:9092'] });
  const producer = kafka.producer({ idempotent: settings.idempotent, retry: { retries: settings.retries } });
  const results: SendResult[] = [];
  const work = (async () => {
    await producer.connect();
    for (const value of values) {
      try {
        await producer.send({ topic: settings.topic, acks: settings.acks, messages: [{ value }] });
        // acks=0 resolves on the socket write: the producer was told nothing, so nothing was acknowledged.
        results.push({ value, acknowledged: settings.acks !== 0 });
      } catch (error) {
        const e = error as Error;
        results.push({ value, acknowledged: false, error: `${e.name}: ${e.message}` });
      }
    }
    await producer.disconnect();
  })();
  await runUntil(cluster, work);
  await work;
  return results;
}
