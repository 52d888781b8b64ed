/**
 * KafkaJS instrumentation events on the simulated clients: `on(events.X, listener)` fires with
 * KafkaJS's `{ id, type, timestamp, payload }` for what the cluster does, returns a remover, refuses
 * unknown names, and a listener that throws breaks nothing.
 */
import { describe, expect, it } from 'vitest';
import type { SimCluster } from '../../../src/broker/index.ts';
import { CONSUMER_EVENTS, PRODUCER_EVENTS } from '../../../src/broker/kafkajs/instrumentation.ts';
import { clusterWithOrders, drive, settle } from './harness.ts';

interface Seen {
  type: string;
  id: string;
  timestamp: number;
  payload: unknown;
}

async function produce(c: SimCluster, vals: string[]): Promise<void> {
  const p = new c.kafkajs.Kafka({ clientId: 'shop', brokers: [] }).producer();
  await drive(c, async () => {
    await p.connect();
    for (const value of vals) await p.send({ topic: 'orders', messages: [{ value }] });
  });
  await settle(c, 50);
}

/** A consumer that processes o1..o2, commits each, then disconnects; every listed event is recorded. */
async function consumeAndRecord(names: (keyof typeof CONSUMER_EVENTS)[], extra?: (c: ReturnType<typeof consumerOf>) => void) {
  const c = clusterWithOrders();
  await produce(c, ['o1', 'o2']);
  const consumer = consumerOf(c);
  const seen: Seen[] = [];
  for (const name of names) consumer.on(consumer.events[name], (e) => seen.push(e as Seen));
  extra?.(consumer);
  const handled: string[] = [];
  await drive(c, async () => {
    await consumer.connect();
    await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        handled.push(message.value?.toString() ?? '');
        await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
      },
    });
  });
  await settle(c, 1000);
  await drive(c, () => consumer.disconnect());
  return { c, seen, handled };
}

const consumerOf = (c: SimCluster) => new c.kafkajs.Kafka({ clientId: 'app', brokers: [] }).consumer({ groupId: 'g' });

describe('consumer instrumentation events', () => {
  it('the event names are KafkaJS’s, and the shared objects are frozen', () => {
    expect(CONSUMER_EVENTS.CRASH).toBe('consumer.crash');
    expect(CONSUMER_EVENTS.GROUP_JOIN).toBe('consumer.group_join');
    expect(PRODUCER_EVENTS.CONNECT).toBe('producer.connect');
    expect(Object.isFrozen(CONSUMER_EVENTS)).toBe(true);
    expect(Object.isFrozen(PRODUCER_EVENTS)).toBe(true);
  });

  it('fires CONNECT, GROUP_JOIN, COMMIT_OFFSETS, STOP and DISCONNECT in that order, on the virtual clock', async () => {
    const { c, seen } = await consumeAndRecord(['CONNECT', 'GROUP_JOIN', 'COMMIT_OFFSETS', 'STOP', 'DISCONNECT']);
    expect(seen.map((e) => e.type)).toEqual(['consumer.connect', 'consumer.group_join', 'consumer.commit_offsets', 'consumer.commit_offsets', 'consumer.stop', 'consumer.disconnect']);
    const timestamps = seen.map((e) => e.timestamp);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(Math.max(...timestamps)).toBeLessThanOrEqual(c.now());
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
  });

  it('GROUP_JOIN and COMMIT_OFFSETS carry KafkaJS’s payloads', async () => {
    const { seen } = await consumeAndRecord(['GROUP_JOIN', 'COMMIT_OFFSETS']);
    const join = seen[0]?.payload as Record<string, unknown>;
    expect(join).toMatchObject({ groupId: 'g', isLeader: true, memberAssignment: { orders: [0] }, groupProtocol: 'RoundRobinAssigner' });
    expect(join.leaderId).toBe(join.memberId);
    expect(typeof join.duration).toBe('number');
    const commit = seen[2]?.payload as Record<string, unknown>;
    expect(commit).toMatchObject({ groupId: 'g', memberId: join.memberId, topics: [{ topic: 'orders', partitions: [{ partition: 0, offset: '2' }] }] });
    expect(typeof commit.groupGenerationId).toBe('number');
  });

  it('FETCH_START, FETCH, START_BATCH_PROCESS and END_BATCH_PROCESS describe the batch', async () => {
    const { seen } = await consumeAndRecord(['FETCH_START', 'FETCH', 'START_BATCH_PROCESS', 'END_BATCH_PROCESS']);
    const types = seen.map((e) => e.type);
    expect(types.slice(0, 4)).toEqual(['consumer.fetch_start', 'consumer.fetch', 'consumer.start_batch_process', 'consumer.end_batch_process']);
    expect(seen[1]?.payload).toMatchObject({ numberOfBatches: 1 });
    expect(seen[2]?.payload).toMatchObject({ topic: 'orders', partition: 0, batchSize: 2, firstOffset: '0', lastOffset: '1', highWatermark: '2', offsetLag: '0' });
    expect(seen[3]?.payload).toMatchObject({ batchSize: 2, duration: expect.any(Number) });
  });

  it('the remover stops delivery; an unknown event name is refused', async () => {
    let joins = 0;
    const { seen } = await consumeAndRecord(['COMMIT_OFFSETS'], (consumer) => {
      const remove = consumer.on(consumer.events.GROUP_JOIN, () => joins++);
      remove();
      expect(() => consumer.on('consumer.nope' as typeof consumer.events.CRASH, () => {})).toThrow(/Event name should be one of/);
    });
    expect(joins).toBe(0);
    expect(seen).toHaveLength(2);
  });

  it('a listener that throws (or rejects) breaks neither the consumer nor the other listeners', async () => {
    const { seen, handled } = await consumeAndRecord(['COMMIT_OFFSETS'], (consumer) => {
      consumer.on(consumer.events.COMMIT_OFFSETS, () => {
        throw new Error('listener bug');
      });
      consumer.on(consumer.events.GROUP_JOIN, async () => {
        throw new Error('async listener bug');
      });
    });
    expect(handled).toEqual(['o1', 'o2']);
    expect(seen).toHaveLength(2);
  });

  it('CRASH fires with KafkaJSNumberOfRetriesExceeded and restart: true once a failing handler used up its retries', async () => {
    const c = clusterWithOrders();
    await produce(c, ['o1']);
    const consumer = new c.kafkajs.Kafka({ clientId: 'app', brokers: [], retry: { retries: 2 } }).consumer({ groupId: 'g' });
    const crashes: { error: Error; groupId: string; restart: boolean }[] = [];
    consumer.on(consumer.events.CRASH, (e) => crashes.push(e.payload));
    let attempts = 0;
    await drive(c, async () => {
      await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
      await consumer.run({
        eachMessage: async () => {
          attempts++;
          throw new Error('billing is down');
        },
      });
    });
    await settle(c, 1000);
    expect(attempts).toBeGreaterThan(3);
    expect(crashes.length).toBeGreaterThan(0);
    expect(crashes[0]).toMatchObject({ groupId: 'g', restart: true });
    expect(crashes[0]?.error.name).toBe('KafkaJSNumberOfRetriesExceeded');
  });
});

describe('producer instrumentation events', () => {
  it('fires CONNECT and DISCONNECT', async () => {
    const c = clusterWithOrders();
    const producer = new c.kafkajs.Kafka({ clientId: 'shop', brokers: [] }).producer();
    const types: string[] = [];
    producer.on(producer.events.CONNECT, (e) => types.push(e.type));
    producer.on(producer.events.DISCONNECT, (e) => types.push(e.type));
    await drive(c, async () => {
      await producer.connect();
      await producer.disconnect();
    });
    expect(types).toEqual(['producer.connect', 'producer.disconnect']);
  });
});
