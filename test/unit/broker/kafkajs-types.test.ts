/**
 * The facade's types cannot drift: tsc checks kafkajs-compat.ts (facade ⇄ real kafkajs 2.2.4 types,
 * implementation ⇒ declarations), and checks kafkajs.d.ts alone, with no Node types, as the in-page
 * editor loads it, against typical learner code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUFFER_GLOBAL_DECLARATION } from '../../../src/broker/kafkajs/buffer-global.ts';

const root = resolve(import.meta.dirname, '../../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function typeCheck(project: string): string {
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: root, encoding: 'utf8' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

const LEARNER_CODE = `
import { Kafka, type EachMessagePayload, type RecordMetadata, KafkaJSProtocolError } from 'kafkajs';
const kafka = new Kafka({ clientId: 'shop', brokers: ['localhost:9092'] });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 5, initialRetryTime: 100 } });
export async function main(): Promise<void> {
  await producer.connect();
  const meta: RecordMetadata[] = await producer.send({ topic: 'orders', acks: -1, messages: [{ key: 'c1', value: Buffer.from('order1') }, { value: 'order2' }] });
  console.log(meta[0]?.baseOffset);
  const consumer = kafka.consumer({ groupId: 'billing', readUncommitted: false });
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }: EachMessagePayload) => {
      const id: string | undefined = message.value?.toString();
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
      console.log(id);
    },
  });
  const tx = await kafka.producer({ transactionalId: 't' }).transaction();
  await tx.sendOffsets({ consumerGroupId: 'billing', topics: [{ topic: 'orders', partitions: [{ partition: 0, offset: '1' }] }] });
  await tx.commit();
  try { await producer.send({ topic: 'orders', messages: [{ value: null }] }); }
  catch (e) { if (e instanceof KafkaJSProtocolError && e.type === 'NOT_ENOUGH_REPLICAS') console.log(e.retriable); }
  const removeCrash = consumer.on(consumer.events.CRASH, (event) => console.log(event.payload.error.message, event.payload.restart));
  consumer.on(consumer.events.GROUP_JOIN, ({ payload, timestamp }) => console.log(payload.memberAssignment, payload.isLeader, timestamp));
  consumer.on(consumer.events.COMMIT_OFFSETS, ({ payload }) => console.log(payload.topics[0]?.partitions[0]?.offset));
  producer.on(producer.events.CONNECT, (event) => console.log(event.type));
  removeCrash();
  await kafka.admin().createTopics({ topics: [{ topic: 'orders', numPartitions: 1, replicationFactor: 3, configEntries: [{ name: 'min.insync.replicas', value: '2' }] }] });
}
`;

describe('KafkaJS facade types', () => {
  it('are compatible with the real kafkajs types, and the implementation matches its declarations', () => {
    expect(typeCheck('test/unit/broker/kafkajs-compat.tsconfig.json')).toBe('');
  });
  it('kafkajs.d.ts type-checks learner code on its own, without Node types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafkajs-dts-'));
    writeFileSync(join(dir, 'buffer-global.d.ts'), BUFFER_GLOBAL_DECLARATION);
    writeFileSync(join(dir, 'learner.ts'), LEARNER_CODE);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [] },
        files: [join(root, 'src/broker/kafkajs/kafkajs.d.ts'), join(dir, 'buffer-global.d.ts'), join(dir, 'learner.ts')],
      }),
    );
    expect(typeCheck(join(dir, 'tsconfig.json'))).toBe('');
  });
});
