/**
 * The facade's edge (src/broker/kafkajs/learner-input.ts): what learner code hands the cluster arrives
 * as fresh primitives, so a partition "0", an Array subclass or a hostile getter cannot change what the
 * cluster and its fault runtime decide, and nothing learner-made reaches the trace.
 */
import { describe, expect, it } from 'vitest';
import type { SimCluster } from '../../../src/broker/index.ts';
import { learnerCommitList, learnerError, learnerList, learnerMessage, learnerPartition } from '../../../src/broker/kafkajs/learner-input.ts';
import { clusterWithOrders, drive, settle } from './harness.ts';

const orders = ['order1', 'order2', 'order3'];

async function produce(c: SimCluster): Promise<void> {
  const producer = new c.kafkajs.Kafka({ clientId: 'shop', brokers: ['b0:9092'] }).producer();
  await drive(c, async () => {
    await producer.connect();
    for (const value of orders) await producer.send({ topic: 'orders', messages: [{ value }] });
  });
  await settle(c, 50);
}

/** An array whose own methods and species lie: "no planned crash here", "nothing to commit". */
class LyingList<T> extends Array<T> {
  override some(): boolean {
    return false;
  }
  override find(): undefined {
    return undefined;
  }
}
// `map` and `filter` on it build another LyingList (TypeScript will not type a species getter on a subclass).
Object.defineProperty(LyingList, Symbol.species, { get: () => LyingList });

type CommitShape = (topic: string, partition: number, offset: string) => unknown;

/** Process-then-commit with a crash planned before order2's commit; `shape` builds the commitOffsets argument. */
async function processThenCommit(shape: CommitShape): Promise<{ processed: string[]; crashes: string[] }> {
  const c = clusterWithOrders({ faults: [{ fault: 'crash-consumer-before-commit', on: { value: 'order2' } }] });
  await produce(c);
  const processed: string[] = [];
  const crashes: string[] = [];
  const start = async (): Promise<void> => {
    // A restart is a new process, so a new client: the crash killed the old one's whole process.
    const kafka = new c.kafkajs.Kafka({ clientId: 'billing', brokers: ['b0:9092'] });
    const consumer = kafka.consumer({ groupId: 'billing' });
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        processed.push(message.value?.toString() ?? '');
        await consumer.commitOffsets(shape(topic, partition, String(Number(message.offset) + 1)) as never);
      },
    });
  };
  c.onClientCrash((e) => {
    crashes.push(e.process);
    void start();
  });
  await drive(c, start);
  await drive(c, async () => {
    while (processed.length < 4) await new Promise((r) => c.setTimer(50, () => r(null)));
  }, { maxVirtualMs: 20_000 });
  return { processed, crashes };
}

describe('commitOffsets through the facade edge', () => {
  it.each<[string, CommitShape]>([
    ['a number partition', (topic, partition, offset) => [{ topic, partition, offset }]],
    ['the partition as the string "0"', (topic, partition, offset) => [{ topic, partition: String(partition), offset }]],
    ['an Array subclass whose some() and species lie', (topic, partition, offset) => LyingList.from([{ topic, partition: String(partition), offset }])],
    ['fields behind getters that change on every read', (topic, partition, offset) => {
      let reads = 0;
      return [{ topic, get partition() { return reads++ === 0 ? partition : 7; }, offset }];
    }],
  ])('the planned crash strikes with %s, so at-least-once redelivers order2', async (_what, shape) => {
    const { processed, crashes } = await processThenCommit(shape);
    expect(crashes).toEqual(['billing']);
    expect(processed).toEqual(['order1', 'order2', 'order2', 'order3']);
  });

  it('refuses what KafkaJS refuses: a partition that is not a number, a negative offset', async () => {
    const c = clusterWithOrders();
    const consumer = new c.kafkajs.Kafka({ clientId: 'billing', brokers: ['b0:9092'] }).consumer({ groupId: 'billing' });
    const bad = await drive(c, () => consumer.commitOffsets([{ topic: 'orders', partition: 'zero' as never, offset: '1' }]));
    expect((bad.error as Error).name).toBe('KafkaJSNonRetriableError');
    expect((bad.error as Error).message).toBe('Invalid partition, expected a number received zero');
    const negative = await drive(c, () => consumer.commitOffsets([{ topic: 'orders', partition: 0, offset: '-5' }]));
    expect((negative.error as Error).message).toBe('Offset must not be a negative number');
  });
});

describe('the copies the cluster keeps', () => {
  it('copies a list by index into a plain array, whatever its class', () => {
    const list = LyingList.from([{ topic: 'orders', partition: '0', offset: '3' }]);
    const copy = learnerCommitList(list);
    expect(Object.getPrototypeOf(copy)).toBe(Array.prototype);
    expect(copy).toEqual([{ topic: 'orders', partition: 0, offset: 3 }]);
    expect(learnerList([1, 2], 'numbers', (n) => n)).toEqual([1, 2]);
    expect(() => learnerList({ length: 1, 0: 'x' }, 'numbers', (n) => n)).toThrow(/expected an array/);
  });

  it('reads each message field once and keeps only text and numbers', () => {
    let valueReads = 0;
    const message = learnerMessage({
      get value() {
        valueReads++;
        return { toString: () => `order${valueReads}` };
      },
      partition: '0',
      headers: { source: ['a', { toString: () => 'b' }] },
    });
    expect(valueReads).toBe(1);
    expect(message).toEqual({ key: null, value: 'order1', partition: 0, headers: { source: ['a', 'b'] } });
    expect(learnerPartition(0)).toBe(0);
    expect(() => learnerPartition({ valueOf: () => 0 })).toThrow(/expected a number received an object/);
  });

  it('sends a message with its partition given as a string to that partition, as KafkaJS does', async () => {
    const c = clusterWithOrders({ partitions: 2 });
    const producer = new c.kafkajs.Kafka({ clientId: 'shop', brokers: ['b0:9092'] }).producer();
    const sent = await drive(c, async () => {
      await producer.connect();
      return producer.send({ topic: 'orders', messages: [{ key: 'k', value: 'order1', partition: '1' as never }] });
    });
    expect(sent.result?.[0]?.partition).toBe(1);
  });

  it('turns a thrown error with object name and message into strings in the trace', async () => {
    const c = clusterWithOrders();
    await produce(c);
    const consumer = new c.kafkajs.Kafka({ clientId: 'billing', brokers: ['b0:9092'] }).consumer({ groupId: 'billing' });
    const weird = new Error('x');
    Object.defineProperty(weird, 'name', { value: { toString: () => 'Forged' } });
    Object.defineProperty(weird, 'message', { value: { toString: () => { throw new Error('no'); } } });
    await drive(c, async () => {
      await consumer.subscribe({ topic: 'orders', fromBeginning: true });
      await consumer.run({ eachMessage: async () => { throw weird; } });
    });
    await settle(c, 100);
    const errors = c.trace.filter((e) => e.kind === 'error' && 'groupId' in e);
    expect(errors.length).toBeGreaterThan(0);
    for (const event of errors) {
      expect(typeof (event as { error: unknown }).error).toBe('string');
      expect(typeof (event as { detail: unknown }).detail).toBe('string');
    }
    // What the browser's postMessage would do with the trace.
    expect(() => structuredClone(c.trace)).not.toThrow();
  });

  it('describes a thrown value of any kind without letting it throw', () => {
    expect(learnerError(new TypeError('bad'))).toEqual({ name: 'TypeError', message: 'bad' });
    expect(learnerError({ toString: () => { throw new Error('no'); } })).toEqual({ name: 'Error', message: 'an object' });
    expect(learnerError(Symbol('s'))).toEqual({ name: 'Error', message: 's' });
  });
});
