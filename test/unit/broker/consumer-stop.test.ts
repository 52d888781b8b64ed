/**
 * KafkaJS 2.2.4's stop/disconnect semantics (kafkajs issues #767, #601): stop() and disconnect() wait
 * for the eachMessage handler in flight, so awaiting either inside the handler deadlocks, while a
 * fire-and-forget call completes once the handler returns. A truth table over where and how the stop
 * is called, plus the drivers' deadlock verdict read from the trace.
 */
import { describe, expect, it } from 'vitest';
import type { SimCluster, TraceEvent } from '../../../src/broker/index.ts';
import { disconnectDeadlock } from '../../../src/runner/drivers/disconnect-deadlock.ts';
import { clusterWithOrders, drive, settle } from './harness.ts';

async function produce(c: SimCluster, vals: string[]): Promise<void> {
  // The shop is not the program under test: the plan's call-numbered crashes leave its process alone.
  const { Kafka } = c.kafkajsFor(c.spawnProcess('shop', { crashPoints: false }));
  const p = new Kafka({ clientId: 'shop', brokers: [] }).producer();
  await drive(c, async () => {
    await p.connect();
    for (const value of vals) await p.send({ topic: 'orders', messages: [{ value }] });
  });
  await settle(c, 50);
}

type StopCall = 'await disconnect inside' | 'await stop inside' | 'void disconnect inside' | 'disconnect from outside, mid-handler' | 'disconnect while idle';

interface Outcome {
  handled: string[];
  handlerReturned: boolean;
  stopResolved: boolean;
  kinds: string[];
  memberLeft: boolean;
  trace: readonly TraceEvent[];
}

/** One consumer on orders o1..o3; the stop happens as `how` says, on the second order. */
async function scenario(how: StopCall): Promise<Outcome> {
  const c = clusterWithOrders();
  await produce(c, ['o1', 'o2', 'o3']);
  const consumer = new c.kafkajs.Kafka({ clientId: 'app', brokers: [] }).consumer({ groupId: 'g' });
  const out = { handled: [] as string[], handlerReturned: false, stopResolved: false };
  const stop = (): Promise<void> => (how === 'await stop inside' ? consumer.stop() : consumer.disconnect()).then(() => {
    out.stopResolved = true;
  });
  await drive(c, async () => {
    await consumer.connect();
    await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const value = message.value?.toString() ?? '';
        out.handled.push(value);
        if (value !== 'o2') return;
        if (how === 'await disconnect inside' || how === 'await stop inside') await stop();
        else if (how === 'void disconnect inside') void stop();
        else if (how === 'disconnect from outside, mid-handler') {
          c.setTimer(10, () => void stop());
          await new Promise((resolve) => c.setTimer(100, () => resolve(null)));
        }
        out.handlerReturned = true;
      },
    });
  });
  await settle(c, 20_000);
  if (how === 'disconnect while idle') {
    await drive(c, stop);
  }
  const kinds = c.trace.filter((e) => e.kind === 'stop-wait' || e.kind === 'stop-resume').map((e) => e.kind);
  const memberLeft = c.trace.some((e) => e.kind === 'rebalance' && /left \((disconnected|stopped)\)/.test(e.detail ?? ''));
  return { ...out, kinds, memberLeft, trace: c.trace };
}

describe('stop and disconnect wait for the handler in flight (KafkaJS 2.2.4)', () => {
  const table: [StopCall, { handled: string[]; handlerReturned: boolean; stopResolved: boolean; kinds: string[]; memberLeft: boolean; deadlock: boolean }][] = [
    ['await disconnect inside', { handled: ['o1', 'o2'], handlerReturned: false, stopResolved: false, kinds: ['stop-wait'], memberLeft: false, deadlock: true }],
    ['await stop inside', { handled: ['o1', 'o2'], handlerReturned: false, stopResolved: false, kinds: ['stop-wait'], memberLeft: false, deadlock: true }],
    ['void disconnect inside', { handled: ['o1', 'o2'], handlerReturned: true, stopResolved: true, kinds: ['stop-wait', 'stop-resume'], memberLeft: true, deadlock: false }],
    ['disconnect from outside, mid-handler', { handled: ['o1', 'o2'], handlerReturned: true, stopResolved: true, kinds: ['stop-wait', 'stop-resume'], memberLeft: true, deadlock: false }],
    ['disconnect while idle', { handled: ['o1', 'o2', 'o3'], handlerReturned: true, stopResolved: true, kinds: [], memberLeft: true, deadlock: false }],
  ];
  for (const [how, want] of table) {
    it(`${how}: ${want.deadlock ? 'deadlocks, and the run reports it as a timeout naming the fix' : 'completes'}`, async () => {
      const got = await scenario(how);
      expect({ handled: got.handled, handlerReturned: got.handlerReturned, stopResolved: got.stopResolved, kinds: got.kinds, memberLeft: got.memberLeft }).toEqual({
        handled: want.handled,
        handlerReturned: want.handlerReturned,
        stopResolved: want.stopResolved,
        kinds: want.kinds,
        memberLeft: want.memberLeft,
      });
      const error = disconnectDeadlock(got.trace);
      expect(error !== undefined).toBe(want.deadlock);
      if (error) {
        expect(error.kind).toBe('timeout');
        expect(error.message).toContain('deadlock');
        expect(error.message).toContain('void consumer.disconnect()');
      }
    });
  }

  it('a stop still waiting in a crashed process is not reported as a deadlock', () => {
    const trace: TraceEvent[] = [
      { t: 1, kind: 'stop-wait', clientId: 'app-1', groupId: 'g', call: 'disconnect', detail: '' },
      { t: 2, kind: 'crash', clientId: 'app-1', groupId: 'g', detail: '' },
      { t: 3, kind: 'stop-wait', clientId: 'app-2', groupId: 'g', call: 'disconnect', detail: '' },
      { t: 4, kind: 'stop-resume', clientId: 'app-2', groupId: 'g', call: 'disconnect', detail: '' },
    ];
    expect(disconnectDeadlock(trace)).toBeUndefined();
    expect(disconnectDeadlock(trace.slice(0, 1))?.message).toContain("app-1's consumer");
  });

  it('a crash of its process takes the consumer out of its group at once, handler in flight or not', async () => {
    const c = clusterWithOrders({ faults: [{ fault: 'crash-process', call: 1, when: 'after' }] });
    await produce(c, ['o1']);
    const consumer = new c.kafkajs.Kafka({ clientId: 'app', brokers: [] }).consumer({ groupId: 'g' });
    await drive(c, async () => {
      await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        // The commit is the process's first call out: the planned crash strikes right after it.
        eachMessage: async ({ topic, partition }) => {
          await consumer.commitOffsets([{ topic, partition, offset: '1' }]);
          await new Promise<void>(() => {});
        },
      });
    });
    await settle(c, 1000);
    expect(c.trace.some((e) => e.kind === 'rebalance' && /left \(crashed\)/.test(e.detail ?? ''))).toBe(true);
    expect(c.trace.some((e) => e.kind === 'stop-wait')).toBe(false);
  });
});
