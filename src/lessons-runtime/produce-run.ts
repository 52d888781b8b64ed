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
  /** KafkaJS `requestTimeout`: how long the producer waits for an answer before it retries. @default 30000 */
  requestTimeout?: number;
  /** Requests in flight at once. @default unlimited (KafkaJS's default) */
  maxInFlightRequests?: number;
  /**
   * Batch as a producer with `linger.ms` = this does when every value arrives at once (pasted or piped
   * input): it waits that long for more, then one request carries them all, and a retry resends them
   * all. 0: no lingering, so each value leaves in its own request at once, without waiting for the
   * previous answer (up to `maxInFlightRequests`), and a retry can land after later values. Absent: one
   * request per value, each awaited before the next (the console producer's `--sync`).
   */
  lingerMs?: number;
}

/**
 * Sends each value as its own record through the cluster's KafkaJS facade — one request per value, one
 * after the other (the console producer's `--sync`), or all in one batch when `lingerMs` is set — and
 * reports what the producer was told about each value. The virtual clock runs until every send settled.
 */
export async function produceValues(cluster: SimCluster, settings: ProducerSettings, values: readonly string[]): Promise<SendResult[]> {
  const { Kafka } = cluster.kafkajs;
  const kafka = new Kafka({ clientId: settings.clientId, brokers: ['localhost:9092'], ...(settings.requestTimeout === undefined ? {} : { requestTimeout: settings.requestTimeout }) });
  const producer = settings.transactionalId
    ? kafka.producer({ transactionalId: settings.transactionalId, idempotent: true, maxInFlightRequests: 1, retry: { retries: settings.retries } })
    : kafka.producer({ idempotent: settings.idempotent, retry: { retries: settings.retries }, ...(settings.maxInFlightRequests === undefined ? {} : { maxInFlightRequests: settings.maxInFlightRequests }) });
  const lingerMs = settings.transactionalId ? undefined : settings.lingerMs;
  // acks=0 resolves on the socket write: the producer was told nothing, so nothing was acknowledged.
  const told = (value: string, error?: unknown): SendResult =>
    error === undefined ? { value, acknowledged: settings.acks !== 0 } : { value, acknowledged: false, error: `${(error as Error).name}: ${(error as Error).message}` };
  const sendOne = async (value: string): Promise<SendResult> => {
    try {
      if (settings.transactionalId) {
        const transaction = await producer.transaction();
        await transaction.send({ topic: settings.topic, acks: -1, messages: [{ value }] });
        await transaction.commit();
      } else {
        await producer.send({ topic: settings.topic, acks: settings.acks, messages: [{ value }] });
      }
      return told(value);
    } catch (error) {
      return told(value, error);
    }
  };
  const results: SendResult[] = [];
  let finished = false;
  const work = (async () => {
    await producer.connect();
    if (lingerMs === undefined) {
      for (const value of values) results.push(await sendOne(value));
    } else if (lingerMs === 0) {
      results.push(...(await Promise.all(values.map(sendOne))));
    } else {
      await new Promise<void>((resolve) => cluster.setTimer(lingerMs, resolve));
      const batchError = await producer.send({ topic: settings.topic, acks: settings.acks, messages: values.map((value) => ({ value })) }).then(
        () => undefined,
        (error: unknown) => error ?? new Error('send failed'),
      );
      results.push(...values.map((value) => told(value, batchError)));
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
