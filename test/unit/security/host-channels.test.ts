/**
 * Attacks on the channels between the harness and its host: the functions the QuickJS host installs
 * on the global object to receive observations and give time back, and the harness's own entry point.
 * A forged or replayed observation must never be graded as the learner's.
 */
import { describe, expect, it } from 'vitest';
import { expectNoPass, forgedObservationsJson, grade, useEngine } from './attack-kit.ts';

const engine = useEngine();

/** A producer submission that sends nothing: it must fail unless something fakes the topic. */
const producerCheat = (body: string): string => `export async function sendOrders(kafka: any, orders: string[], guarantee: string) {\n${body}\n}\n`;

describe('host channels', () => {
  it('a learner cannot report forged observations through the host report function', async () => {
    const forged = await forgedObservationsJson('orders-producer');
    const report = await grade(
      engine(),
      'orders-producer',
      producerCheat(`const g: any = globalThis; const send = g['__kx' + 'Report'];\nif (typeof send === 'function') for (const o of ${forged}) send(JSON.stringify(o));`),
    );
    expectNoPass(report);
    expect(report.guarantees.every((g) => !g.passed)).toBe(true);
  });

  it('a learner cannot call the harness entry point again to run code of its choosing', async () => {
    const solution = (await import('node:fs')).readFileSync('exercises/orders-producer/solution.ts', 'utf8');
    const compiled = await engine().compile(solution);
    if (!compiled.ok) throw new Error('solution does not compile');
    const { checks } = await (await import('./attack-kit.ts')).exercise('orders-producer');
    const request = JSON.stringify({ code: compiled.code, map: compiled.map, driver: 'producer', runs: checks.runs() });
    const report = await grade(
      engine(),
      'orders-producer',
      producerCheat(`const g: any = globalThis; const again = g['__kx' + 'Run'];\nif (typeof again === 'function') await again(${JSON.stringify(request)});`),
    );
    expectNoPass(report);
    expect(report.guarantees.every((g) => !g.passed)).toBe(true);
  });

  it('a learner cannot reach the host yield function to stall or spin the host', async () => {
    const report = await grade(
      engine(),
      'orders-producer',
      producerCheat(`const g: any = globalThis; const y = g['__kx' + 'Yield'];\nif (typeof y === 'function') for (let i = 0; i < 100000; i++) y();`),
    );
    expectNoPass(report);
  });

  it('no host function is left on the global object', async () => {
    const report = await grade(
      engine(),
      'orders-producer',
      producerCheat(`const names = Object.getOwnPropertyNames(globalThis).filter((n) => n.startsWith('__kx'));\nif (names.length > 0) throw new Error('host functions visible: ' + names.join(','));`),
    );
    const errors = report.guarantees.flatMap((g) => g.runs.map((r) => r.error?.message ?? ''));
    expect(errors.filter((m) => m.includes('host functions visible'))).toEqual([]);
  });
});
