/**
 * Submissions that try to exhaust the sandbox or the grader: endless loops in every place the harness
 * calls learner code, promises that never settle, deep recursion and promise chains, memory and string
 * bombs, and floods of output. Each must end with a well-formed failing report (a `timeout` or a
 * `runtime` error), and the engine must grade the next submission normally.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectNoPass, grade, runErrorKinds, useEngine, type ExerciseId } from './attack-kit.ts';

const engine = useEngine();

const producer = (body: string): string => `export async function sendOrders(kafka: any, orders: string[], guarantee: string): Promise<void> {\n${body}\n}\n`;

/** The orders-consumer solution with its eachMessage handler's body preceded by `body`. */
function consumerWithHandler(body: string): string {
  const solution = readFileSync('exercises/orders-consumer/solution.ts', 'utf8');
  const patched = solution.replace(/eachMessage:\s*async\s*\(([^)]*)\)\s*=>\s*\{/, (whole) => `${whole}\n${body}\n`);
  if (patched === solution) throw new Error('the consumer solution has no eachMessage handler to patch');
  return patched;
}

const ATTACKS: [string, ExerciseId, string, ('timeout' | 'runtime')[]][] = [
  ['while (true) at the top of the module', 'orders-producer', `while (true) {}\nexport async function sendOrders() {}\n`, ['timeout']],
  ['while (true) in sendOrders', 'orders-producer', producer('while (true) {}'), ['timeout']],
  ['while (true) in an eachMessage handler', 'orders-consumer', consumerWithHandler('while (true) {}'), ['timeout']],
  ['an await that never resolves', 'orders-producer', producer('await new Promise(() => {});'), ['timeout']],
  ['a busy-wait on virtual time', 'orders-producer', producer('const until = Date.now() + 1000; while (Date.now() < until) {}'), ['timeout']],
  ['a busy-wait on performance.now', 'orders-producer', producer('const until = performance.now() + 10; while (performance.now() < until) {}'), ['timeout']],
  ['an endless microtask loop', 'orders-producer', producer('for (;;) await null;'), ['timeout']],
  ['an endless chain of timers', 'orders-producer', producer('const again = (): void => { setTimeout(again, 0); }; again(); await new Promise(() => {});'), ['timeout']],
  ['setInterval at 0 ms', 'orders-producer', producer('setInterval(() => {}, 0); await new Promise(() => {});'), ['timeout']],
  ['infinite recursion', 'orders-producer', producer('const down = (n: number): number => down(n + 1) + 1; down(0);'), ['runtime']],
  ['infinite recursion through async functions', 'orders-producer', producer('const down = async (n: number): Promise<number> => (await down(n + 1)) + 1; await down(0);'), ['runtime', 'timeout']],
  ['a deep promise chain', 'orders-producer', producer('let p: Promise<unknown> = Promise.resolve(); for (let i = 0; i < 1e6; i++) p = p.then(() => i); await p;'), ['runtime', 'timeout']],
  ['a memory bomb', 'orders-producer', producer("const hoard: string[][] = []; while (true) hoard.push(new Array(1_000_000).fill('x'));"), ['runtime', 'timeout']],
  ['a giant string', 'orders-producer', producer("let s = 'x'; while (true) s = s + s;"), ['runtime', 'timeout']],
  ['a giant string.repeat', 'orders-producer', producer("const s = 'x'.repeat(2 ** 29); console.log(s.length);"), ['runtime', 'timeout']],
  ['catastrophic regular-expression backtracking', 'orders-producer', producer("/^(a+)+$/.test('a'.repeat(40) + 'b');"), ['runtime', 'timeout']],
  ['an error whose getters loop forever', 'orders-producer', producer('throw { get name(): string { while (true) {} }, message: "x" };'), ['runtime', 'timeout']],
  ['a thrown Proxy', 'orders-producer', producer("throw new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });"), ['runtime']],
  ['a returned thenable that never settles', 'orders-producer', `export function sendOrders() { return { then() {} }; }\n`, ['timeout']],
  ['a returned thenable whose then throws', 'orders-producer', `export function sendOrders() { return { get then() { throw new Error('no then'); } }; }\n`, ['runtime']],
  ['a script that loops in a timer', 'orders-four-steps', `const orders = ['order1', 'order2', 'order3'];\nconst delivery_guarantee: string = 'at-least-once';\nconst processed_orders: string[] = [];\nsetTimeout(() => { while (true) {} }, 10);\n`, ['timeout']],
];

describe('resource exhaustion', () => {
  it.each(ATTACKS)('contains %s with a verdict', async (_what, id, source, kinds) => {
    const report = await grade(engine(), id, source);
    expectNoPass(report);
    const seen = runErrorKinds(report);
    // The first run carries the error that stopped it; every kind reported is one of those expected.
    expect(seen[0] === undefined ? 'none' : seen[0]).toSatisfy((kind: string) => (kinds as string[]).includes(kind));
    for (const kind of seen) if (kind !== undefined) expect(['timeout', 'runtime']).toContain(kind);
  });

  it('caps a console flood of long lines', async () => {
    const report = await grade(engine(), 'orders-four-steps', `for (let i = 0; i < 1e5; i++) console.log('x'.repeat(10000));\n`);
    expectNoPass(report);
    expect(JSON.stringify(report).length).toBeLessThan(200_000);
  });

  it('keeps a giant error message and giant topic values out of the report', async () => {
    const big = await grade(engine(), 'orders-producer', producer("throw new Error('x'.repeat(5_000_000));"));
    expectNoPass(big);
    expect(JSON.stringify(big).length).toBeLessThan(200_000);
    const values = await grade(
      engine(),
      'orders-producer',
      producer("const p = kafka.producer(); await p.connect(); for (let i = 0; i < 40; i++) await p.send({ topic: 'orders', acks: -1, messages: [{ value: 'x'.repeat(1_000_000) + i }] });"),
    );
    expectNoPass(values);
    // Near the memory limit QuickJS may fail to free its runtime: the grade still ends with a verdict
    // (no 'sandbox' error), and the engine replaces its worker (the last test grades normally).
    expect(values.error).toBeNull();
  });

  it('still grades the solution normally after all of the above', async () => {
    for (const id of ['orders-producer', 'orders-consumer', 'orders-four-steps'] as const) {
      const report = await grade(engine(), id, readFileSync(`exercises/${id}/solution.ts`, 'utf8'));
      expect(report.passed, id).toBe(true);
    }
  });
});
