/**
 * The producer truth table (acks × retries × idempotence under each fault): one named scenario per row
 * and fault column.
 * Baseline: RF 3, min.insync.replicas 2, unclean election off.
 */
import { describe, expect, it } from 'vitest';
import type { FaultPlan, SimCluster } from '../../../src/broker/index.ts';
import { clusterWithOrders, drive, settle, values } from './harness.ts';

type ProducerOpts = { idempotent?: boolean; maxInFlightRequests?: number; retry?: { retries: number; initialRetryTime?: number } };

/** Send each value with its own send() — sequentially, or all at once when `concurrent`. */
async function sendAll(cluster: SimCluster, vals: string[], acks: number, opts: ProducerOpts, concurrent = false) {
  const kafka = new cluster.kafkajs.Kafka({ clientId: 'shop', brokers: ['b0:9092'] });
  const producer = kafka.producer(opts);
  const errors: string[] = [];
  const one = (v: string) =>
    producer.send({ topic: 'orders', acks, messages: [{ value: v }] }).then(
      () => undefined,
      (e: Error & { type?: string }) => {
        errors.push(`${v}:${e.type ?? e.name}`);
      },
    );
  const run = await drive(cluster, async () => {
    await producer.connect();
    if (concurrent) await Promise.all(vals.map(one));
    else for (const v of vals) await one(v);
  });
  expect(run.status).toBe('done');
  await settle(cluster, 2000);
  return { errors, log: values(cluster, 'read_uncommitted') };
}

const orders = ['order1', 'order2', 'order3'];
const noRetry = { retry: { retries: 0 } };

describe('acks=0', () => {
  it('acks=0, request lost: the record is lost silently', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'lose-request', on: { value: 'order2' } }] });
    const r = await sendAll(c, orders, 0, {});
    expect(r.errors).toEqual([]);
    expect(r.log).toEqual(['order1', 'order3']);
  });
  it('acks=0, leader crash before replication loses the record', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'crash-leader-before-replication', on: { value: 'order2' } }] });
    const r = await sendAll(c, orders, 0, {});
    expect(r.errors).toEqual([]);
    expect(r.log).not.toContain('order2');
  });
});

describe('acks=1, retries=0', () => {
  it('acks=1, retries=0, request lost: an error surfaces and nothing is written', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'lose-request', on: { value: 'order2' } }] });
    const r = await sendAll(c, orders, 1, noRetry);
    expect(r.errors).toEqual(['order2:KafkaJSNumberOfRetriesExceeded']);
    expect(r.log).toEqual(['order1', 'order3']);
  });
  it('acks=1, retries=0, ack lost: an error surfaces although the record is in the log', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'lose-ack', on: { value: 'order2' } }] });
    const r = await sendAll(c, orders, 1, noRetry);
    expect(r.errors).toEqual(['order2:KafkaJSNumberOfRetriesExceeded']);
    expect(r.log).toEqual(orders);
  });
  it('acks=1, leader crash before replication loses an acknowledged record', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'crash-leader-before-replication', on: { value: 'order2' } }] });
    const r = await sendAll(c, orders, 1, noRetry);
    expect(r.errors).toEqual([]);
    expect(r.log).toEqual(['order1', 'order3']);
    expect(c.trace.some((e) => e.kind === 'truncate')).toBe(true);
  });
});

describe('acks=1, retries>0, not idempotent, in-flight>1', () => {
  it('request lost: concurrent sends reorder', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'lose-request', on: { value: 'order1' } }] });
    const r = await sendAll(c, orders, 1, {}, true);
    expect(r.errors).toEqual([]);
    expect(r.log).toEqual(['order2', 'order3', 'order1']);
  });
  it('ack lost: the retry duplicates', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'lose-ack', on: { value: 'order2' } }] });
    const r = await sendAll(c, orders, 1, {});
    expect(r.log).toEqual(['order1', 'order2', 'order2', 'order3']);
  });
  it('request timeout with concurrent sends: duplicate and reorder', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'request-timeout', on: { value: 'order1' } }] });
    const r = await sendAll(c, orders, 1, {}, true);
    expect(r.log.filter((v) => v === 'order1')).toHaveLength(2);
    expect(r.log.indexOf('order2')).toBeLessThan(r.log.lastIndexOf('order1'));
  });
});

describe('acks=all, retries=0', () => {
  it('acks=all, retries=0, leader crash before replication: an error, no acknowledged loss', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'crash-leader-before-replication', on: { value: 'order2' } }] });
    const r = await sendAll(c, orders, -1, noRetry);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^order2:/);
    expect(r.log).toEqual(['order1', 'order3']);
  });
  it('acks=all, retries=0, ISR below min.insync.replicas: NOT_ENOUGH_REPLICAS', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'shrink-isr', topic: 'orders', at: 0, forMs: 10_000 }] });
    const r = await sendAll(c, ['order1'], -1, noRetry);
    expect(r.errors).toEqual(['order1:KafkaJSNumberOfRetriesExceeded']);
    expect(c.trace.some((e) => e.kind === 'error' && e.error === 'NOT_ENOUGH_REPLICAS')).toBe(true);
    expect(r.log).toEqual([]);
  });
});

describe('acks=all, retries>0, not idempotent', () => {
  it('ack lost: the retry duplicates', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'lose-ack', on: { value: 'order2' } }] });
    const r = await sendAll(c, orders, -1, {});
    expect(r.log).toEqual(['order1', 'order2', 'order2', 'order3']);
  });
  it('leader crash before replication: the retry appends it once, nothing lost', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'crash-leader-before-replication', on: { value: 'order2' } }] });
    const r = await sendAll(c, orders, -1, {});
    expect(r.errors).toEqual([]);
    expect(r.log).toEqual(orders);
  });
  it('ISR shrinks after append: NOT_ENOUGH_REPLICAS_AFTER_APPEND, and the retry duplicates', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'shrink-isr', on: { value: 'order2' }, forMs: 200 }] });
    const r = await sendAll(c, orders, -1, {});
    expect(c.trace.some((e) => e.kind === 'error' && e.error === 'NOT_ENOUGH_REPLICAS_AFTER_APPEND')).toBe(true);
    expect(r.log).toEqual(['order1', 'order2', 'order2', 'order3']);
  });
});

describe('idempotent producer', () => {
  const idem = { idempotent: true };
  for (const [name, plan] of [
    ['ack lost', [{ fault: 'lose-ack', on: { value: 'order2' } }]],
    ['request timeout', [{ fault: 'request-timeout', on: { value: 'order2' } }]],
    ['leader crash before replication', [{ fault: 'crash-leader-before-replication', on: { value: 'order2' } }]],
    ['ISR shrink after append', [{ fault: 'shrink-isr', on: { value: 'order2' }, forMs: 200 }]],
  ] as [string, FaultPlan][]) {
    it(`idempotent, ${name}: no duplicate, no loss, order kept`, async () => {
      const c = clusterWithOrders({ faults: plan });
      const r = await sendAll(c, orders, -1, idem);
      expect(r.errors).toEqual([]);
      expect(r.log).toEqual(orders);
    });
  }
  it('idempotent, ack lost: the broker answers the retried batch with its original offset', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'lose-ack', on: { value: 'order2' } }] });
    await sendAll(c, orders, -1, idem);
    const dedupe = c.trace.find((e) => e.kind === 'dedupe');
    expect(dedupe?.offset).toBe(1);
  });
  it('idempotent producer with acks other than -1 is refused', async () => {
    const c = clusterWithOrders();
    const r = await sendAll(c, ['order1'], 1, idem);
    expect(r.errors).toEqual(['order1:KafkaJSNonRetriableError']);
  });
  it('idempotent, producer restart: a resend after restart duplicates (new producer id)', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'restart-producer', on: { value: 'order2' } }] });
    const crashes: string[] = [];
    c.onClientCrash((e) => crashes.push(e.process));
    const kafka = new c.kafkajs.Kafka({ clientId: 'shop', brokers: ['b0:9092'] });
    const first = kafka.producer(idem);
    await drive(c, async () => {
      await first.connect();
      await first.send({ topic: 'orders', messages: [{ value: 'order1' }] });
      await first.send({ topic: 'orders', messages: [{ value: 'order2' }] });
    }, { maxVirtualMs: 5000 });
    expect(crashes).toEqual(['shop']);
    // The restarted program (a new process, so a new client) does not know order2 was written, and resends it.
    const second = new c.kafkajs.Kafka({ clientId: 'shop', brokers: ['b0:9092'] }).producer(idem);
    await drive(c, async () => {
      await second.connect();
      await second.send({ topic: 'orders', messages: [{ value: 'order2' }, { value: 'order3' }] });
    });
    await settle(c, 100);
    expect(values(c)).toEqual(['order1', 'order2', 'order2', 'order3']);
  });
});

describe('unclean leader election', () => {
  // The follower falls out of the ISR (min.insync.replicas 1 lets the leader acknowledge alone), then
  // the leader dies for 5 s while the record exists only on it.
  const plan: FaultPlan = [
    { fault: 'shrink-isr', topic: 'orders', at: 0, forMs: 1000 },
    { fault: 'restart-broker', broker: 0, at: 100, downForMs: 5000 },
  ];
  it('unclean election on: an out-of-sync replica leads and an acks=all-acknowledged record is lost', async () => {
    const c = clusterWithOrders({ uncleanLeaderElection: true, minIsr: 1, rf: 2, brokers: 2, faults: plan });
    const r = await sendAll(c, ['order1'], -1, {});
    expect(r.errors).toEqual([]);
    await settle(c, 10_000);
    expect(values(c)).toEqual([]);
    expect(c.trace.some((e) => e.kind === 'elect' && e.detail?.startsWith('unclean'))).toBe(true);
  });
  it('unclean election off: the partition waits offline for its last in-sync replica, nothing lost', async () => {
    const c = clusterWithOrders({ minIsr: 1, rf: 2, brokers: 2, faults: plan });
    await sendAll(c, ['order1'], -1, {});
    await settle(c, 10_000);
    expect(values(c)).toEqual(['order1']);
  });
});
