import { describe, expect, it } from 'vitest';
import { judgeDelivery } from '../../../src/grading/judge-delivery.ts';
import { orderHistory } from '../../../src/grading/order-history.ts';
import type { RunObservation } from '../../../src/shared/sandbox-protocol.ts';
import type { Guarantee } from '../../../src/schemas/grade-report.ts';

const [A, B, C] = ['order-7f3', 'order-a12', 'order-c44'] as const;
const ORDERS = [A, B, C];

function run(guarantee: Guarantee, processed: string[], faultsHit: unknown[], trace: unknown[]): RunObservation {
  return { scenario: 's', seed: 1, guarantee, orders: ORDERS, processed_orders: processed, console: [], faultsHit, trace };
}
const send = (t: number, requestId: number, value: string, topic = 'orders') => ({ t, kind: 'send', requestId, topic, values: [value] });
const retry = (t: number, requestId: number, value: string) => ({ t, kind: 'retry', requestId, topic: 'orders', values: [value] });
const restart = { fault: 'restart-broker', t: 4, values: [] };
const leaderCrash = { fault: 'crash-leader-before-replication', t: 3, values: [B] };
const lostAck = { fault: 'lose-ack', t: 8, values: [B] };

describe('reading an order’s history from the trace', () => {
  it('counts the application’s produce requests, not the producer’s retries, and filters by topic', () => {
    const trace = [send(0, 1, A), retry(30, 1, A), send(40, 2, A), send(1, 9, A, 'elsewhere')];
    expect(orderHistory(A, trace, 'orders')).toEqual({ requests: 2, firstSentAt: 0, retried: true });
    expect(orderHistory(B, trace)).toEqual({ requests: 0, firstSentAt: undefined, retried: false });
  });

  it('ignores malformed events (the trace comes from the sandbox)', () => {
    expect(orderHistory(A, [null, 'send', { kind: 'send' }, { t: 'x', kind: 'send', values: [A] }])).toEqual({ requests: 0, firstSentAt: undefined, retried: false });
  });
});

describe('judging a cluster run with its trace', () => {
  it('does not let a broker restart excuse an order that was never sent', () => {
    const verdict = judgeDelivery(run('at-most-once', [A], [restart], [send(0, 1, A), { t: 4, kind: 'crash', broker: 0 }]));
    expect(verdict).toEqual({ passed: false, message: `at-most-once: ${B} never reached the orders topic though no fault hit it (it was never sent to the topic)` });
  });

  it('lets a leader crash explain the loss of an unreplicated order sent before the one that triggered it (acks=0)', () => {
    const verdict = judgeDelivery(run('at-most-once', [C], [leaderCrash], [send(0, 1, A), send(0, 2, B), send(5, 3, C)]));
    expect(verdict.passed).toBe(true);
    expect(judgeDelivery(run('at-least-once', [C], [leaderCrash], [send(0, 1, A), send(0, 2, B), send(5, 3, C)])).message).toBe(
      `at-least-once: ${A} lost when the leader crashed before the followers copied it at t=3 ms`,
    );
  });

  it('tells a retry after a lost ack from a second send by the application', () => {
    const retried = judgeDelivery(run('exactly-once', [A, B, B, C], [lostAck], [send(0, 1, A), send(2, 2, B), retry(30, 2, B), send(31, 3, C)]), { producesTo: 'orders' });
    expect(retried.message).toBe(`exactly-once: ${B} duplicated (2 copies) after the producer retried it when the ack was lost at t=8 ms`);
    const resent = judgeDelivery(run('exactly-once', [A, A, B, C], [], [send(0, 1, A), send(2, 2, A), send(4, 3, B), send(6, 4, C)]), { producesTo: 'orders' });
    expect(resent.message).toBe(`exactly-once: ${A} duplicated (2 copies) because the application produced it in 2 separate requests — idempotence only removes the producer's own retries`);
  });

  it('explains an order hidden by an aborted transaction', () => {
    const verdict = judgeDelivery(run('at-least-once', [], [], [send(2, 1, A), send(2, 1, B), send(2, 1, C), { t: 15, kind: 'abort' }]));
    expect(verdict.message).toBe(`at-least-once: ${A} lost (it was sent at t=2 ms, but its transaction was aborted at t=15 ms and read_committed readers never see aborted records)`);
  });
});

describe('at-most-once with several orders missing', () => {
  it('needs a fault for every missing order, not only the first', () => {
    // A was hit by the lost request; B was never sent at all.
    const lostRequest = { fault: 'lose-request', t: 0, values: [A] };
    const verdict = judgeDelivery(run('at-most-once', [C], [lostRequest], [send(0, 1, A), send(5, 3, C)]));
    expect(verdict).toEqual({ passed: false, message: `at-most-once: ${B} never reached the orders topic though no fault hit it (it was never sent to the topic)` });
  });

  it('names the fault behind an allowed loss', () => {
    const verdict = judgeDelivery(run('at-most-once', [A, C], [leaderCrash], [send(0, 1, A), send(2, 2, B), send(5, 3, C)]));
    expect(verdict).toEqual({ passed: true, message: `at-most-once: no order twice; ${B} lost when the leader crashed before the followers copied it at t=3 ms, which at-most-once allows` });
  });
});
