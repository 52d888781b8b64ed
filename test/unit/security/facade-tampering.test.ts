/**
 * Attacks through the `kafkajs` module and the objects the harness hands to learner code: replacing
 * what the harness itself uses later (the module's Kafka class, a consumer's disconnect), keeping
 * state from one run to the next on a shared object, and reaching the cluster from a client.
 */
import { describe, expect, it } from 'vitest';
import { expectNoPass, grade, runErrorKinds, useEngine } from './attack-kit.ts';

const engine = useEngine();

/**
 * Intercepts the harness's own producer (the one that fills `orders` before the consumer starts) by
 * replacing the module's Kafka class, learns the run's order ids, and bills each once without ever
 * consuming: it would pass exactly-once under every consumer crash, since it never runs a consumer.
 */
const HIJACK_INTAKE = `
import * as kafkajs from 'kafkajs';
const learned: string[] = [];
const Real = (kafkajs as any).Kafka;
try {
  (require('kafkajs') as any).Kafka = function (config: any) {
    const real = new Real(config);
    return {
      producer: (c: any) => {
        const p = real.producer(c);
        return { connect: () => p.connect(), send: (r: any) => { for (const m of r.messages) learned.push(String(m.value)); return p.send(r); } };
      },
      consumer: (c: any) => real.consumer(c), admin: (c: any) => real.admin(c), logger: () => real.logger(),
    };
  };
} catch (e) {}
export async function consumeOrders(kafka: any, billing: any, guarantee: string) {
  for (const order of learned) await billing.charge(order, { idempotencyKey: order });
}
`;

describe('the kafkajs facade', () => {
  it('a learner cannot replace the Kafka class the harness uses to fill the orders topic', async () => {
    const report = await grade(engine(), 'orders-consumer', HIJACK_INTAKE);
    expectNoPass(report);
  });

  it('a learner cannot keep state from one run to the next on the module objects', async () => {
    // Counts runs on a shared object; from the second run on, a run that sees the mark fails loudly.
    const source = `
import { logLevel, Partitioners, CompressionTypes } from 'kafkajs';
export async function sendOrders(kafka: any, orders: string[], guarantee: string) {
  for (const shared of [logLevel, Partitioners, CompressionTypes, require('kafkajs')] as any[]) {
    if (shared.__seen === true) throw new Error('state survived from an earlier run');
    try { shared.__seen = true; } catch (e) {}
  }
}
`;
    const report = await grade(engine(), 'orders-producer', source);
    expectNoPass(report);
    const messages = report.guarantees.flatMap((g) => g.runs.map((r) => r.error?.message ?? ''));
    expect(messages.filter((m) => m.includes('survived'))).toEqual([]);
  });

  it('a learner cannot replace the partitioner the harness producers share', async () => {
    const source = `
import { Partitioners } from 'kafkajs';
try { (Partitioners as any).DefaultPartitioner = () => () => 7; } catch (e) {}
export async function consumeOrders(kafka: any, billing: any) {}
`;
    const report = await grade(engine(), 'orders-consumer', source);
    expectNoPass(report);
    expect(runErrorKinds(report).filter((kind) => kind === undefined || kind === 'runtime').length).toBe(runErrorKinds(report).length);
  });

  it("a learner cannot keep its crashed consumer in the group by replacing the harness's disconnect", async () => {
    // The wrong at-most-once consumer (commit before billing) with disconnect disabled: it must still fail.
    const wrong = (await import('node:fs')).readFileSync('exercises/orders-consumer/wrong/commit-before-processing.ts', 'utf8');
    const patched = wrong.replace(/kafka\.consumer\(([^)]*)\)/, '((c: any) => { try { c.disconnect = () => new Promise(() => {}); } catch (e) {} return c; })(kafka.consumer($1))');
    expect(patched).not.toBe(wrong);
    const report = await grade(engine(), 'orders-consumer', patched);
    expectNoPass(report);
  });

  it('a learner cannot reach the cluster through the client objects', async () => {
    // Walks every object reachable from the Kafka client and its producer, looking for the engine.
    const source = `
export async function sendOrders(kafka: any, orders: string[]) {
  const seen = new Set<any>(); const todo: any[] = [kafka, kafka.producer({}), kafka.consumer({ groupId: 'g' }), kafka.admin(), kafka.logger()];
  while (todo.length > 0) {
    const item = todo.pop();
    if (item === null || (typeof item !== 'object' && typeof item !== 'function') || seen.has(item)) continue;
    seen.add(item);
    for (const key of Reflect.ownKeys(item)) {
      if (typeof key === 'string' && /^(engine|cluster|append|readTopic|faults|partitions|topics|log)$/.test(key)) throw new Error('reached internals: ' + key);
      let value: any; try { value = (item as any)[key]; } catch (e) { continue; }
      todo.push(value);
    }
    todo.push(Object.getPrototypeOf(item));
  }
}
`;
    const report = await grade(engine(), 'orders-producer', source);
    expectNoPass(report);
    const messages = report.guarantees.flatMap((g) => g.runs.map((r) => r.error?.message ?? ''));
    expect(messages.filter((m) => m.includes('reached internals'))).toEqual([]);
  });
});
