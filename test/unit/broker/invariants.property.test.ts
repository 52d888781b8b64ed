/**
 * The cluster's invariants, checked with fast-check over random workloads and fault plans: log offsets,
 * high watermark, acknowledged-record survival, idempotence, transaction atomicity, determinism.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/broker/engine.ts';
import { createKafkaJsModule } from '../../../src/broker/kafkajs/module.ts';
import { clusterClientPort } from '../../../src/broker/client-port.ts';
import type { Fault, FaultPlan } from '../../../src/broker/faults.ts';
import { runUntil, type SimCluster } from '../../../src/broker/index.ts';
import { yieldToHost } from './harness.ts';

/** A cluster whose engine the test can inspect (createCluster hides it). */
function open(seed: number, faults: FaultPlan, { yieldEveryStep = false } = {}) {
  const engine = new Engine({ seed, brokers: 3, faults, uncleanLeaderElection: false });
  const kafkajs = createKafkaJsModule(clusterClientPort(engine));
  let steps = 0;
  const cluster = {
    now: () => engine.now(),
    nextEventAt: () => engine.clock.nextAt(),
    step: () => (steps++, engine.clock.step()),
    // Counting every step as a call out makes runUntil yield after each one, as it did before it skipped quiet steps.
    outsideCalls: () => (yieldEveryStep ? steps : engine.outsideCalls()),
  } as unknown as SimCluster;
  return { engine, kafkajs, cluster };
}

const valueFault = (n: number) =>
  fc.record({
    fault: fc.constantFrom<Fault['fault']>('lose-request', 'lose-ack', 'request-timeout', 'crash-leader-before-replication', 'shrink-isr'),
    v: fc.integer({ min: 0, max: n - 1 }),
  });

const workload = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  count: fc.integer({ min: 1, max: 8 }),
  partitions: fc.integer({ min: 1, max: 2 }),
  acks: fc.constantFrom(-1, 1, 0),
  idempotent: fc.boolean(),
  concurrent: fc.boolean(),
  retries: fc.constantFrom(0, 5),
  faults: fc.array(valueFault(8), { maxLength: 3 }),
  restart: fc.option(fc.record({ broker: fc.integer({ min: 0, max: 2 }), at: fc.integer({ min: 0, max: 20 }) }), { nil: undefined }),
});

type Workload = typeof workload extends fc.Arbitrary<infer T> ? T : never;

function planOf(w: Workload): FaultPlan {
  const plan: Fault[] = w.faults.map((f) => ({ fault: f.fault, on: { value: `o${f.v}` } }) as Fault);
  if (w.restart) plan.push({ fault: 'restart-broker', broker: w.restart.broker, at: w.restart.at, downForMs: 30 });
  return plan;
}

async function runWorkload(w: Workload, options: { yieldEveryStep?: boolean } = {}) {
  const acks = w.idempotent ? -1 : w.acks;
  const { engine, kafkajs, cluster } = open(w.seed, planOf(w), options);
  engine.createTopic({ topic: 'orders', numPartitions: w.partitions, replicationFactor: 3, minInsyncReplicas: 2 });
  const kafka = new kafkajs.Kafka({ clientId: 'p', brokers: [], requestTimeout: 1000 });
  const producer = kafka.producer({ idempotent: w.idempotent, retry: { retries: w.idempotent ? 50 : w.retries, initialRetryTime: 50 } });
  const acked: string[] = [];
  const delivered: { value: string; offset: number; partition: number }[] = [];
  let finished = false;
  const sendOne = async (i: number): Promise<void> => {
    const value = `o${i}`;
    try {
      await producer.send({ topic: 'orders', acks, messages: [{ key: `k${i % 3}`, value }] });
      acked.push(value);
    } catch {
      /* an error is a legitimate outcome; invariants say what may follow */
    }
  };
  void (async () => {
    await producer.connect();
    const ids = Array.from({ length: w.count }, (_, i) => i);
    if (w.concurrent) await Promise.all(ids.map(sendOne));
    else for (const i of ids) await sendOne(i);
    finished = true;
  })();
  const consumer = kafka.consumer({ groupId: 'g' });
  void (async () => {
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ partition, message }) => void delivered.push({ value: message.value?.toString() ?? '', offset: Number(message.offset), partition }) });
  })();
  await runUntil(cluster, () => finished, yieldToHost, { maxVirtualMs: 200_000 });
  await runUntil(cluster, () => false, yieldToHost, { maxVirtualMs: 2_000 });
  return { engine, acked, delivered, acks };
}

describe('cluster invariants (property-based)', () => {
  it('offsets, high watermark, acknowledged survival, idempotence, reads below the HW', async () => {
    await fc.assert(
      fc.asyncProperty(workload, async (w) => {
        const { engine, acked, delivered, acks } = await runWorkload(w);
        const parts = engine.topics.get('orders') ?? [];
        const all = engine.readTopic('orders', 'read_uncommitted');
        for (const part of parts) {
          // 1. Every replica's log is contiguous with strictly increasing offsets.
          for (const log of part.logs.values()) {
            let expected = 0;
            for (const b of log.batches) {
              expect(b.baseOffset).toBe(expected);
              expected = b.baseOffset + b.count;
            }
            expect(log.leo).toBe(expected);
          }
          // 2. HW ≤ the log end of every in-sync replica.
          for (const b of part.isr) if (engine.alive[b]) expect(part.hw).toBeLessThanOrEqual(part.log(b).leo);
          // 3. What consumers were given is still there: nothing was read above the HW.
          const here = all.filter((r) => r.partition === part.index);
          for (const d of delivered.filter((x) => x.partition === part.index)) {
            expect(here.find((r) => r.offset === d.offset)?.value).toBe(d.value);
          }
        }
        const final = all.map((r) => r.value);
        // 5. acks=all-acknowledged records survive (unclean election off, an ISR member always lives).
        if (acks === -1) for (const v of acked) expect(final).toContain(v);
        // 6. The idempotent producer never duplicates within a session.
        if (w.idempotent) expect(new Set(final).size).toBe(final.length);
        // 7. Without retries-with-concurrency, per-partition order is send order for acknowledged records.
        if (w.idempotent || !w.concurrent) {
          for (const part of parts) {
            const seq = all.filter((r) => r.partition === part.index).map((r) => Number(r.value?.slice(1)));
            const firsts = seq.filter((v, i) => seq.indexOf(v) === i);
            expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('same seed and same client code give the identical trace', async () => {
    await fc.assert(
      fc.asyncProperty(workload, async (w) => {
        const a = await runWorkload(w);
        const b = await runWorkload(w);
        expect(JSON.stringify(b.engine.trace)).toBe(JSON.stringify(a.engine.trace));
      }),
      { numRuns: 15 },
    );
  });

  it('yielding to the host only after steps that called out gives the trace of yielding after every step', async () => {
    await fc.assert(
      fc.asyncProperty(workload, async (w) => {
        const everyStep = await runWorkload(w, { yieldEveryStep: true });
        const afterCallsOut = await runWorkload(w);
        expect(JSON.stringify(afterCallsOut.engine.trace)).toBe(JSON.stringify(everyStep.engine.trace));
        expect(afterCallsOut.delivered).toEqual(everyStep.delivered);
      }),
      { numRuns: 40 },
    );
  });

  it('read_committed sees whole committed transactions only; fenced producers cannot commit', async () => {
    const txArb = fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      txns: fc.array(fc.record({ size: fc.integer({ min: 1, max: 3 }), commit: fc.boolean() }), { minLength: 1, maxLength: 4 }),
      fault: fc.option(fc.record({ fault: fc.constantFrom<Fault['fault']>('zombie-producer', 'transaction-timeout', 'crash-leader-before-replication', 'lose-ack'), v: fc.integer({ min: 0, max: 5 }) }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(txArb, async (t) => {
        const plan: FaultPlan = t.fault ? [{ fault: t.fault.fault, on: { value: `t${t.fault.v}` } } as Fault] : [];
        const { engine, kafkajs, cluster } = open(t.seed, plan);
        engine.createTopic({ topic: 'orders', numPartitions: 2 });
        const producer = new kafkajs.Kafka({ clientId: 'tx', brokers: [] }).producer({ transactionalId: 'tx', maxInFlightRequests: 1 });
        const committed: string[][] = [];
        const other: string[][] = [];
        let fenced = false;
        let finished = false;
        let n = 0;
        void (async () => {
          await producer.connect();
          for (const spec of t.txns) {
            const vals = Array.from({ length: spec.size }, () => `t${n++}`);
            try {
              const tx = await producer.transaction();
              await tx.send({ topic: 'orders', messages: vals.map((value, i) => ({ value, partition: i % 2 })) });
              if (spec.commit) await tx.commit();
              else await tx.abort();
              (spec.commit ? committed : other).push(vals);
            } catch (e) {
              other.push(vals);
              if ((e as { type?: string }).type === 'INVALID_PRODUCER_EPOCH') fenced = true;
              break;
            }
          }
          finished = true;
        })();
        await runUntil(cluster, () => finished, yieldToHost, { maxVirtualMs: 300_000 });
        await runUntil(cluster, () => false, yieldToHost, { maxVirtualMs: 500 });
        const visible = new Set(engine.readTopic('orders', 'read_committed').map((r) => r.value));
        for (const vals of committed) for (const v of vals) expect(visible.has(v)).toBe(true);
        for (const vals of other) for (const v of vals) expect(visible.has(v)).toBe(false);
        if (t.fault?.fault === 'zombie-producer' || t.fault?.fault === 'transaction-timeout') {
          if (engine.faultsHit().length > 0) expect(fenced).toBe(true);
        }
        // Control markers occupy offsets but are never delivered.
        const markers = engine.trace.filter((e) => e.kind === 'marker').length;
        const data = engine.readTopic('orders', 'read_uncommitted').length;
        const ends = (engine.topics.get('orders') ?? []).reduce((s, p) => s + (p.leaderLog()?.leo ?? 0), 0);
        expect(data + markers).toBe(ends);
      }),
      { numRuns: 60 },
    );
  });
});
