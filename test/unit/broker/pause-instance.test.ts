/**
 * The 'pause-instance' fault: the real zombie. An instance of a consume–transform–produce program
 * freezes mid-transaction past its session timeout, a replacement takes its partition and reprocesses
 * the order, then the frozen one wakes up and tries to commit. A transactional.id shared by both
 * instances fences it; one id per instance does not, and the order is committed twice.
 */
import { describe, expect, it } from 'vitest';
import { runUntil, validateFaultPlan, type SimCluster } from '../../../src/broker/index.ts';
import { clusterWithOrders, settle, yieldToHost } from './harness.ts';

const ORDERS = ['o1', 'o2', 'o3'];

interface Instance {
  /** The error types the instance's transactions failed with. */
  errors: string[];
  /** Virtual time of each of those errors. */
  errorsAt: number[];
}

async function seedOrders(cluster: SimCluster): Promise<void> {
  cluster.createTopic({ topic: 'processed_orders', numPartitions: 1, replicationFactor: 3, minInsyncReplicas: 2 });
  const producer = new cluster.kafkajs.Kafka({ clientId: 'shop', brokers: ['b0:9092'] }).producer({ idempotent: true });
  let done = false;
  void producer
    .connect()
    .then(() => producer.send({ topic: 'orders', messages: ORDERS.map((value) => ({ value })) }))
    .then(() => {
      done = true;
    });
  await runUntil(cluster, () => done, yieldToHost, { maxVirtualMs: 10_000 });
}

/** One instance of the program (as the exercise's solution writes it), client id `proc-<n>`. */
function startInstance(cluster: SimCluster, n: number, transactionalId: string): Instance {
  const instance: Instance = { errors: [], errorsAt: [] };
  const kafka = new cluster.kafkajs.Kafka({ clientId: `proc-${n}`, brokers: ['b0:9092'] });
  const consumer = kafka.consumer({ groupId: 'processor' });
  const producer = kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
  void (async () => {
    await Promise.all([consumer.connect(), producer.connect()]);
    await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const transaction = await producer.transaction();
        try {
          await transaction.send({ topic: 'processed_orders', messages: [{ value: message.value }] });
          await transaction.sendOffsets({ consumerGroupId: 'processor', topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }] });
          await transaction.commit();
        } catch (error) {
          const type = (error as { type?: string }).type ?? 'unknown';
          instance.errors.push(type);
          instance.errorsAt.push(cluster.now());
          if (type === 'PRODUCER_FENCED' || type === 'INVALID_PRODUCER_EPOCH') {
            // Not awaited: in KafkaJS disconnect() waits for this handler to return.
            void consumer.disconnect();
            return;
          }
          throw error;
        }
      },
    });
  })();
  return instance;
}

/** Instance 1 runs until the pause hits it; instance 2 starts then (a supervisor's replacement). */
async function zombieRun(forMs: number, ids: [string, string]): Promise<{ cluster: SimCluster; first: Instance; second: Instance }> {
  const cluster = clusterWithOrders({ faults: [{ fault: 'pause-instance', on: { topic: 'processed_orders', value: 'o2' }, forMs }] });
  await seedOrders(cluster);
  const first = startInstance(cluster, 1, ids[0]);
  await runUntil(cluster, () => cluster.faultsHit().length > 0, yieldToHost, { maxVirtualMs: 10_000 });
  const second = startInstance(cluster, 2, ids[1]);
  await settle(cluster, 100_000);
  return { cluster, first, second };
}

const processed = (cluster: SimCluster): (string | null)[] => cluster.readTopic('processed_orders', { isolation: 'read_committed' }).map((r) => r.value);

describe('pause-instance: a frozen instance wakes up as a zombie', () => {
  it('validates forMs and is listed among the fault kinds', () => {
    expect(validateFaultPlan([{ fault: 'pause-instance', on: { value: 'o2' }, forMs: 40_000 }]).ok).toBe(true);
    const r = validateFaultPlan([{ fault: 'pause-instance', on: { value: 'o2' }, forMs: -1 }, { fault: 'pause-instance', forMs: 5 }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(['faults[0].forMs must be a number ≥ 0', "faults[1].on is required: which record it hits, e.g. { value: 'order2' }"]);
  });

  it('with a stable transactional.id the replacement fences the zombie: every order exactly once', async () => {
    const { cluster, first, second } = await zombieRun(40_000, ['processor', 'processor']);
    expect(processed(cluster)).toEqual(ORDERS);
    expect(first.errors).toEqual(['INVALID_PRODUCER_EPOCH']);
    expect(second.errors).toEqual([]);
    // The partition moved because the frozen member missed its session timeout, not because it left.
    expect(cluster.trace.some((e) => e.kind === 'rebalance' && /proc-1-\d+ left \(session timeout/.test(e.detail ?? ''))).toBe(true);
    // Its open transaction (holding o2) was aborted when the replacement called initTransactions.
    expect(cluster.trace.some((e) => e.kind === 'abort' && e.transactionalId === 'processor')).toBe(true);
  });

  it('with a transactional.id per instance nothing fences the zombie: o2 is committed twice', async () => {
    const { cluster, first } = await zombieRun(40_000, ['processor-1', 'processor-2']);
    expect(first.errors).toEqual([]);
    expect(processed(cluster).filter((v) => v === 'o2')).toHaveLength(2);
  });

  it('holds every response due to the frozen process until it wakes', async () => {
    const { cluster, first } = await zombieRun(40_000, ['processor', 'processor']);
    const hit = cluster.faultsHit()[0];
    expect(hit?.fault).toBe('pause-instance');
    // The zombie learns it was fenced only after its 40 s pause, though the epoch moved ~30 s earlier.
    expect(first.errorsAt[0]).toBeGreaterThanOrEqual((hit?.t ?? 0) + 40_000);
    expect(cluster.trace.some((e) => e.kind === 'fault' && e.clientId === 'proc-1' && /wakes up/.test(e.detail ?? ''))).toBe(true);
  });

  it('a pause shorter than the session timeout keeps the partition: no rebalance, no duplicate', async () => {
    const cluster = clusterWithOrders({ faults: [{ fault: 'pause-instance', on: { topic: 'processed_orders', value: 'o2' }, forMs: 10_000 }] });
    await seedOrders(cluster);
    const only = startInstance(cluster, 1, 'processor');
    await settle(cluster, 60_000);
    expect(processed(cluster)).toEqual(ORDERS);
    expect(only.errors).toEqual([]);
    expect(cluster.trace.filter((e) => e.kind === 'rebalance')).toHaveLength(1);
  });
});
