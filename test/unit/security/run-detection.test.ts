/**
 * Submissions that work out which graded run they are in and behave differently in it. The runs,
 * their seeds and their order ids are in the exercise's checks, which the page bundles; so a
 * submission can recognise a scenario by the order ids it is handed.
 */
import { describe, expect, it } from 'vitest';
import { exercise, expectNoPass, grade, useEngine } from './attack-kit.ts';

const engine = useEngine();

describe('detecting the graded run', () => {
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
