/**
 * Fills the `orders` topic before a consumer-side exercise starts, the way an upstream service would:
 * with an idempotent producer, one record per order keyed by its id, all acknowledged by the full ISR.
 */
import { runUntil, type SimCluster } from '../../broker/index.ts';
import { BROKER_ADDRESSES } from './cluster-setup.ts';

interface IntakeProducer {
  connect(): Promise<void>;
  send(record: { topic: string; acks: number; messages: { key: string; value: string }[] }): Promise<unknown>;
}

/** Produces `orders` to `topic` and runs the cluster until they are acknowledged. */
export async function produceOrders(cluster: SimCluster, orders: readonly string[], yieldToHost: () => Promise<void>, topic = 'orders'): Promise<void> {
  // The upstream service is not the learner's program: the plan's crash points leave it alone.
  const { Kafka } = cluster.kafkajsFor(cluster.spawnProcess('order-intake', { crashPoints: false }));
  const kafka = new Kafka({ clientId: 'order-intake', brokers: BROKER_ADDRESSES });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 }) as unknown as IntakeProducer;
  let settled = false;
  let failure: unknown;
  const sending = async (): Promise<void> => {
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: orders.map((order) => ({ key: order, value: order })) });
  };
  sending().then(
    () => (settled = true),
    (thrown: unknown) => {
      settled = true;
      failure = thrown;
    },
  );
  await runUntil(cluster, () => settled, yieldToHost, { maxVirtualMs: 60_000 });
  if (!settled || failure !== undefined) throw new Error(`the harness could not fill topic ${topic}: ${failure instanceof Error ? failure.message : 'no acknowledgement'}`);
}
