/**
 * In KafkaJS, `consumer.seek()` called right after `consumer.run()` decides where the partition is read
 * from — it is how a consumer that stores its offsets outside Kafka resumes — even though the partition
 * is only assigned once the group has formed.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, runUntil } from '../../../src/broker/index.ts';

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('consumer.seek after run', () => {
  it('starts reading at the offset sought, as KafkaJS does', async () => {
    const cluster = createCluster({ seed: 1 });
    cluster.createTopic({ topic: 'orders', numPartitions: 1, replicationFactor: 3, minInsyncReplicas: 2 });
    const kafka = new cluster.kafkajs.Kafka({ clientId: 'seek-test', brokers: ['broker-0:9092'] });
    const producer = kafka.producer({ idempotent: true });
    let sent = false;
    void producer.connect().then(() => producer.send({ topic: 'orders', messages: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] })).then(() => (sent = true));
    await runUntil(cluster, () => sent, yieldToHost);
    const consumer = kafka.consumer({ groupId: 'billing' });
    const offsets: string[] = [];
    await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void offsets.push(message.offset) });
    consumer.seek({ topic: 'orders', partition: 0, offset: '2' });
    await runUntil(cluster, () => false, yieldToHost, { maxVirtualMs: 10_000 });
    expect(offsets).toEqual(['2']);
  });
});
