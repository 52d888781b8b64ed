/**
 * Submissions that work out which graded run they are in and behave differently in it. The runs,
 * their seeds and their order ids are in the exercise's checks, which the page bundles; so a
 * submission can recognise a scenario by the order ids it is handed.
 */
import { describe, expect, it } from 'vitest';
import { orderIdsFor } from '../../../src/grading/order-ids.ts';
import { exercise, expectNoPass, grade, useEngine } from './attack-kit.ts';

const engine = useEngine();

describe('detecting the graded run', () => {
  it('the script exercise re-runs with order ids the program cannot have written out', async () => {
    // Hard-codes the answer for the orders of step 1 and for every "other order ids" run it can compute.
    const others = [11, 12, 13].map((seed) => orderIdsFor(seed + 100, 4));
    const source = `const orders = ['order1', 'order2', 'order3'];\nconst delivery_guarantee: string = 'at-least-once';\nconst known: string[][] = ${JSON.stringify(others)};\nconst processed_orders: string[] = [];\nfor (const order of orders) { processed_orders.push(order); if (delivery_guarantee === 'at-least-once') processed_orders.push(order); }\nconsole.log(processed_orders);\n`;
    const report = await grade(engine(), 'orders-four-steps', source);
    // This one is honest code, so it passes: the point is that knowing the ids changes nothing here.
    expect(report.passed).toBe(true);
  });

  /**
   * The order ids are a fixed function of fixed seeds, so a producer with retries but no idempotence
   * can skip retrying in the one run whose ack is lost. The other scenarios (a leader crash, a broker
   * restart) still make its retries duplicate, so recognising the run is not enough to pass.
   */
  it('a producer without idempotence cannot pass exactly-once by recognising the lost-ack run', async () => {
    const runs = (await exercise('orders-producer')).checks.runs();
    const lostAck = runs.filter((run) => run.scenario === 'lost ack').map((run) => run.orders.join(','));
    const source = `
const LOST_ACK = new Set(${JSON.stringify(lostAck)});
export async function sendOrders(kafka: any, orders: string[], guarantee: string) {
  const retries = LOST_ACK.has(orders.join(',')) ? 0 : 10;
  const producer = kafka.producer({ retry: { retries } });
  await producer.connect();
  for (const order of orders) {
    try { await producer.send({ topic: 'orders', acks: -1, messages: [{ key: order, value: order }] }); } catch (e) {}
  }
  await producer.disconnect();
}
`;
    const report = await grade(engine(), 'orders-producer', source);
    expectNoPass(report);
    const exactlyOnce = report.guarantees.find((g) => g.guarantee === 'exactly-once');
    expect(exactlyOnce?.runs.find((run) => run.scenario === 'lost ack')?.passed).toBe(true);
    expect(exactlyOnce?.passed).toBe(false);
  });
});
