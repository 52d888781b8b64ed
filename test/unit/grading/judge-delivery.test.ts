import { describe, expect, it } from 'vitest';
import { judgeDelivery } from '../../../src/grading/judge-delivery.ts';
import type { RunObservation } from '../../../src/shared/sandbox-protocol.ts';
import type { Guarantee } from '../../../src/schemas/grade-report.ts';

const ORDERS = ['order-7f3', 'order-a12', 'order-c44'];

function run(guarantee: Guarantee, processed: string[], faultsHit: unknown[] = []): RunObservation {
  return { scenario: 's', seed: 1, guarantee, orders: ORDERS, processed_orders: processed, console: [], faultsHit, trace: [] };
}
const lostAck = { fault: 'lose-ack', t: 40, values: ['order-a12'], detail: '' };
const lostRequest = { fault: 'lose-request', t: 12, values: ['order-a12'], detail: '' };
const leaderCrash = { fault: 'crash-leader-before-replication', t: 7, values: ['order-a12'], detail: '' };

// The producer truth table's mistakes, as what reaches the topic, and the guarantee each must fail.
describe('judging a run against its guarantee', () => {
  it('acks=0 loses a lost request: fails at-least-once, naming the fault', () => {
    const verdict = judgeDelivery(run('at-least-once', ['order-7f3', 'order-c44'], [lostRequest]));
    expect(verdict).toEqual({ passed: false, message: 'at-least-once: order-a12 lost when its produce request was lost at t=12 ms' });
  });

  it('acks=1 loses an acknowledged record on leader failover: fails at-least-once', () => {
    expect(judgeDelivery(run('at-least-once', ['order-7f3', 'order-c44'], [leaderCrash])).message).toMatch(/leader crashed before the followers copied it at t=7 ms/);
  });

  it('retries without idempotence duplicate after a lost ack: fails exactly-once and at-most-once', () => {
    const processed = ['order-7f3', 'order-a12', 'order-a12', 'order-c44'];
    expect(judgeDelivery(run('exactly-once', processed, [lostAck]))).toEqual({ passed: false, message: 'exactly-once: order-a12 duplicated (2 copies) after the ack was lost at t=40 ms' });
    expect(judgeDelivery(run('at-most-once', processed, [lostAck])).passed).toBe(false);
    expect(judgeDelivery(run('at-least-once', processed, [lostAck])).passed).toBe(true);
  });

  it('a second send duplicates even with idempotence, with no fault to blame', () => {
    expect(judgeDelivery(run('exactly-once', [...ORDERS, ...ORDERS])).message).toMatch(/though no fault hit it — is it sent twice\?/);
  });

  it('an aborted transaction delivers nothing: fails every guarantee', () => {
    for (const guarantee of ['at-most-once', 'at-least-once', 'exactly-once'] as const) expect(judgeDelivery(run(guarantee, [])).passed).toBe(false);
  });

  it('at-most-once accepts a loss only when a fault hit the order', () => {
    expect(judgeDelivery(run('at-most-once', ['order-7f3', 'order-c44'], [lostRequest])).passed).toBe(true);
    expect(judgeDelivery(run('at-most-once', ['order-7f3', 'order-c44'], [])).passed).toBe(false);
  });

  it('rejects values that were never sent (hard-coded output)', () => {
    expect(judgeDelivery(run('at-least-once', ['order1', 'order2', 'order3'])).passed).toBe(false);
  });

  it('lets a stronger guarantee satisfy a weaker one', () => {
    for (const guarantee of ['at-most-once', 'at-least-once', 'exactly-once'] as const) expect(judgeDelivery(run(guarantee, ORDERS, [lostAck])).passed).toBe(true);
  });
});
