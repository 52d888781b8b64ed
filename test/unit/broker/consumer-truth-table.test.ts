/**
 * The consumer truth table (when offsets are committed) and transaction semantics: each pattern under
 * a consumer crash, driven through the KafkaJS facade with a restart the way the sandbox restarts
 * a learner's consumer program.
 */
import { describe, expect, it } from 'vitest';
import type { FaultPlan, SimCluster } from '../../../src/broker/index.ts';
import { clusterWithOrders, drive, settle, values } from './harness.ts';

type Pattern = 'commit-then-process' | 'process-then-commit' | 'auto-commit';

async function produce(c: SimCluster, vals: string[]): Promise<void> {
  const kafka = new c.kafkajs.Kafka({ clientId: 'shop', brokers: ['b0:9092'] });
  const p = kafka.producer();
  await drive(c, async () => {
    await p.connect();
    for (const v of vals) await p.send({ topic: 'orders', messages: [{ value: v }] });
  });
  await settle(c, 50);
}

/** Run a consumer program (restarted after a crash) until `processed` has `until` entries or time is up. */
async function consume(c: SimCluster, pattern: Pattern, processed: string[], until: number): Promise<string[]> {
  const crashes: string[] = [];
  const start = async (): Promise<void> => {
    // A restart is a new process: a new Kafka client (the crash killed the old one's whole process).
    const kafka = new c.kafkajs.Kafka({ clientId: 'billing', brokers: ['b0:9092'] });
    const consumer = kafka.consumer({ groupId: 'billing' });
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    await consumer.run({
      autoCommit: pattern === 'auto-commit',
      eachMessage: async ({ topic, partition, message }) => {
        const next = String(Number(message.offset) + 1);
        if (pattern === 'commit-then-process') await consumer.commitOffsets([{ topic, partition, offset: next }]);
        processed.push(message.value?.toString() ?? '');
        if (pattern === 'process-then-commit') await consumer.commitOffsets([{ topic, partition, offset: next }]);
      },
    });
  };
  c.onClientCrash((e) => {
    crashes.push(e.process);
    void start();
  });
  await drive(c, start);
  await drive(c, async () => {
    while (processed.length < until) await new Promise((r) => c.setTimer(50, () => r(null)));
  }, { maxVirtualMs: 20_000 });
  return crashes;
}

const orders = ['order1', 'order2', 'order3'];

describe('consumer crash', () => {
  const cases: [Pattern, FaultPlan, string[], string][] = [
    ['commit-then-process', [{ fault: 'crash-consumer-after-commit', on: { value: 'order2' } }], ['order1', 'order3'], 'loses order2 (at-most-once)'],
    ['commit-then-process', [{ fault: 'crash-consumer-before-commit', on: { value: 'order2' } }], ['order1', 'order2', 'order3'], 'neither loses nor duplicates'],
    ['process-then-commit', [{ fault: 'crash-consumer-before-commit', on: { value: 'order2' } }], ['order1', 'order2', 'order2', 'order3'], 'duplicates order2 (at-least-once)'],
    ['process-then-commit', [{ fault: 'crash-consumer-after-commit', on: { value: 'order2' } }], ['order1', 'order2', 'order3'], 'neither loses nor duplicates'],
    // KafkaJS auto-commits after the whole fetched batch: a crash before that commit redelivers all of it.
    ['auto-commit', [{ fault: 'crash-consumer-before-commit', on: { value: 'order2' } }], [...orders, ...orders], 'redelivers the uncommitted batch (KafkaJS eachMessage + autoCommit)'],
  ];
  for (const [pattern, plan, expected, outcome] of cases) {
    it(`${pattern}, ${plan[0]?.fault}: ${outcome}`, async () => {
      const c = clusterWithOrders({ faults: plan });
      await produce(c, orders);
      const processed: string[] = [];
      const crashes = await consume(c, pattern, processed, expected.length);
      await settle(c, 500);
      expect(crashes).toEqual(['billing']);
      expect(processed).toEqual(expected);
      expect(c.faultsHit().map((h) => h.values)).toEqual([['order2']]);
    });
  }
});

describe('offsets and groups', () => {
  it('a consumer resumes at the committed offset after a restart', async () => {
    const c = clusterWithOrders();
    await produce(c, orders);
    const kafka = new c.kafkajs.Kafka({ clientId: 'billing', brokers: ['b0:9092'] });
    const first = kafka.consumer({ groupId: 'g' });
    const seen: string[] = [];
    await drive(c, async () => {
      await first.subscribe({ topic: 'orders', fromBeginning: true });
      await first.run({ autoCommit: false, eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? '') });
    });
    await settle(c, 100);
    await drive(c, () => first.commitOffsets([{ topic: 'orders', partition: 0, offset: '2' }]));
    await drive(c, () => first.disconnect());
    const second = kafka.consumer({ groupId: 'g' });
    const again: string[] = [];
    await drive(c, async () => {
      await second.subscribe({ topic: 'orders', fromBeginning: true });
      await second.run({ eachMessage: async ({ message }) => void again.push(message.value?.toString() ?? '') });
    });
    await settle(c, 100);
    expect(seen).toEqual(orders);
    expect(again).toEqual(['order3']);
  });
  it('without a committed offset and fromBeginning false (auto.offset.reset=latest), earlier records are skipped', async () => {
    const c = clusterWithOrders();
    await produce(c, ['order1']);
    const kafka = new c.kafkajs.Kafka({ clientId: 'billing', brokers: ['b0:9092'] });
    const consumer = kafka.consumer({ groupId: 'late' });
    const seen: string[] = [];
    await drive(c, async () => {
      await consumer.subscribe({ topic: 'orders' });
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? '') });
    });
    await settle(c, 50);
    await produce(c, ['order2']);
    await settle(c, 100);
    expect(seen).toEqual(['order2']);
  });
  it('a second member joining triggers a rebalance that splits the partitions', async () => {
    const c = clusterWithOrders({ partitions: 2 });
    const kafka = new c.kafkajs.Kafka({ clientId: 'billing', brokers: ['b0:9092'] });
    const a = kafka.consumer({ groupId: 'g' });
    const b = kafka.consumer({ groupId: 'g' });
    const got = { a: new Set<number>(), b: new Set<number>() };
    await drive(c, async () => {
      await a.subscribe({ topic: 'orders', fromBeginning: true });
      await a.run({ eachMessage: async ({ partition }) => void got.a.add(partition) });
      await b.subscribe({ topic: 'orders', fromBeginning: true });
      await b.run({ eachMessage: async ({ partition }) => void got.b.add(partition) });
    });
    await settle(c, 50);
    const p = kafka.producer();
    await drive(c, async () => {
      await p.connect();
      await p.send({ topic: 'orders', messages: [{ value: 'x', partition: 0 }, { value: 'y', partition: 1 }] });
    });
    await settle(c, 100);
    expect(c.trace.filter((e) => e.kind === 'rebalance')).toHaveLength(2);
    expect([...got.a, ...got.b].sort()).toEqual([0, 1]);
    expect(got.a.size).toBe(1);
  });
});

describe('transactions', () => {
  async function transfer(c: SimCluster, commit: boolean): Promise<unknown> {
    const kafka = new c.kafkajs.Kafka({ clientId: 'shop', brokers: ['b0:9092'] });
    const p = kafka.producer({ transactionalId: 'shop-tx', maxInFlightRequests: 1 });
    const run = await drive(c, async () => {
      await p.connect();
      const tx = await p.transaction();
      await tx.send({ topic: 'orders', messages: [{ value: 'order1' }, { value: 'order2' }] });
      if (commit) await tx.commit();
      else await tx.abort();
    });
    await settle(c, 100);
    return run.error;
  }
  it('read_committed sees a committed transaction, and the marker occupies an offset', async () => {
    const c = clusterWithOrders();
    expect(await transfer(c, true)).toBeUndefined();
    expect(values(c)).toEqual(['order1', 'order2']);
    expect(c.trace.some((e) => e.kind === 'marker' && e.offset === 2)).toBe(true);
  });
  it('read_committed never sees an aborted transaction; read_uncommitted does', async () => {
    const c = clusterWithOrders();
    await transfer(c, false);
    expect(values(c, 'read_committed')).toEqual([]);
    expect(values(c, 'read_uncommitted')).toEqual(['order1', 'order2']);
  });
  it('a transactional producer sending outside a transaction is refused', async () => {
    const c = clusterWithOrders();
    const p = new c.kafkajs.Kafka({ clientId: 's', brokers: [] }).producer({ transactionalId: 't' });
    const run = await drive(c, async () => {
      await p.connect();
      await p.send({ topic: 'orders', messages: [{ value: 'x' }] });
    });
    expect((run.error as Error).name).toBe('KafkaJSNonRetriableError');
  });
  for (const fault of ['zombie-producer', 'transaction-timeout'] as const) {
    // Brokers rewrite PRODUCER_FENCED to INVALID_PRODUCER_EPOCH for the EndTxn version KafkaJS sends (KIP-588).
    it(`${fault}: the open transaction is aborted and the old instance's commit fails INVALID_PRODUCER_EPOCH`, async () => {
      const c = clusterWithOrders({ faults: [{ fault, on: { value: 'order2' } }] });
      const err = (await transfer(c, true)) as { name?: string; type?: string; code?: number; retriable?: boolean };
      expect(err?.name).toBe('KafkaJSProtocolError');
      expect(err?.type).toBe('INVALID_PRODUCER_EPOCH');
      expect(err?.code).toBe(47);
      expect(err?.retriable).toBe(false);
      expect(values(c)).toEqual([]);
      expect(values(c, 'read_uncommitted')).toEqual(['order1', 'order2']);
    });
  }
  it('a new instance with the same transactional.id fences the old one', async () => {
    const c = clusterWithOrders();
    const kafka = new c.kafkajs.Kafka({ clientId: 'shop', brokers: [] });
    const old = kafka.producer({ transactionalId: 'tx' });
    const run = await drive(c, async () => {
      await old.connect();
      const tx = await old.transaction();
      await tx.send({ topic: 'orders', messages: [{ value: 'order1' }] });
      const fresh = kafka.producer({ transactionalId: 'tx' });
      await fresh.connect();
      await tx.send({ topic: 'orders', messages: [{ value: 'order2' }] });
    });
    expect((run.error as { type?: string }).type).toBe('INVALID_PRODUCER_EPOCH');
    await settle(c, 100);
    expect(values(c)).toEqual([]);
  });
  // KIP-588: the produce path answers a fenced producer INVALID_PRODUCER_EPOCH (code 47), never PRODUCER_FENCED.
  const fencedCalls = [
    ['produce', (tx: { send(r: unknown): Promise<unknown> }) => tx.send({ topic: 'orders', messages: [{ value: 'order2' }] })],
    ['TxnOffsetCommit', (tx: { sendOffsets(o: unknown): Promise<void> }) => tx.sendOffsets({ consumerGroupId: 'g', topics: [{ topic: 'orders', partitions: [{ partition: 0, offset: '1' }] }] })],
    ['EndTxn', (tx: { commit(): Promise<void> }) => tx.commit()],
  ] as const;
  for (const [request, call] of fencedCalls) {
    it(`a fenced producer's ${request} request is answered INVALID_PRODUCER_EPOCH, traced as a fence`, async () => {
      const c = clusterWithOrders();
      const kafka = new c.kafkajs.Kafka({ clientId: 'shop', brokers: [] });
      const old = kafka.producer({ transactionalId: 'tx' });
      const run = await drive(c, async () => {
        await old.connect();
        const tx = await old.transaction();
        await tx.send({ topic: 'orders', messages: [{ value: 'order1' }] });
        await kafka.producer({ transactionalId: 'tx' }).connect();
        await (call as (t: typeof tx) => Promise<unknown>)(tx);
      });
      const err = run.error as { type?: string; code?: number; retriable?: boolean };
      expect([err.type, err.code, err.retriable]).toEqual(['INVALID_PRODUCER_EPOCH', 47, false]);
      expect(c.trace.some((e) => e.kind === 'fence' && e.error === 'INVALID_PRODUCER_EPOCH')).toBe(request !== 'TxnOffsetCommit');
      expect(c.trace.some((e) => 'error' in e && e.error === 'PRODUCER_FENCED')).toBe(false);
    });
  }
  it('transactional sendOffsets + read_committed, consumer crash before commit: the output has each order once', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'crash-consumer-before-commit', on: { value: 'order2' } }] });
    c.createTopic({ topic: 'invoices' });
    await produce(c, orders);
    let done = false;
    const start = async (): Promise<void> => {
      // Each (re)start is a new process with its own client.
      const kafka = new c.kafkajs.Kafka({ clientId: 'billing', brokers: [] });
      const producer = kafka.producer({ transactionalId: 'billing-tx', maxInFlightRequests: 1 });
      await producer.connect();
      const consumer = kafka.consumer({ groupId: 'billing' });
      await consumer.subscribe({ topic: 'orders', fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const tx = await producer.transaction();
          await tx.send({ topic: 'invoices', messages: [{ value: `invoice-${message.value?.toString()}` }] });
          await tx.sendOffsets({ consumerGroupId: 'billing', topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }] });
          await tx.commit();
          if (message.value?.toString() === 'order3') done = true;
        },
      });
    };
    c.onClientCrash(() => void start());
    await drive(c, start);
    await drive(c, async () => {
      while (!done) await new Promise((r) => c.setTimer(50, () => r(null)));
    }, { maxVirtualMs: 100_000 });
    await settle(c, 200);
    expect(c.faultsHit()).toHaveLength(1);
    expect(c.readTopic('invoices', { isolation: 'read_committed' }).map((r) => r.value)).toEqual(['invoice-order1', 'invoice-order2', 'invoice-order3']);
  });
});

describe('connection', () => {
  it('a producer that never connected refuses to send, with KafkaJS’s error', async () => {
    const c = clusterWithOrders();
    const p = new c.kafkajs.Kafka({ clientId: 's', brokers: [] }).producer();
    const run = await drive(c, () => p.send({ topic: 'orders', messages: [{ value: 'x' }] }));
    expect((run.error as Error).name).toBe('KafkaJSError');
    expect((run.error as Error).message).toBe('The producer is disconnected');
    expect(c.readTopic('orders', { isolation: 'read_uncommitted' })).toEqual([]);
  });
});
