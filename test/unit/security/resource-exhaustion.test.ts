/**
 * Submissions that try to exhaust the sandbox or the grader: endless loops in every place the harness
 * calls learner code, promises that never settle, deep recursion and promise chains, memory and string
 * bombs, and floods of output. Each must end with a well-formed failing report (a `timeout` or a
 * `runtime` error), and the engine must grade the next submission normally.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTACK_TIME_LIMIT_MS, expectNoPass, grade, runErrorKinds, useEngine, type ExerciseId } from './attack-kit.ts';
import { timeoutMessage } from '../../../src/runner/engine.ts';

/**
 * Two engines, so that no verdict depends on how fast the machine is: attacks that may legitimately
 * end in a timeout run under a short limit; attacks that must end some other way (a stack overflow, a
 * busy-wait that ends) run under a generous one, so a busy machine cannot turn them into timeouts.
 */
const shortLimit = useEngine(ATTACK_TIME_LIMIT_MS);
const generousLimit = useEngine();

const producer = (body: string): string => `export async function sendOrders(kafka: any, orders: string[], guarantee: string): Promise<void> {\n${body}\n}\n`;

/** The orders-consumer solution with its eachMessage handler's body preceded by `body`. */
function consumerWithHandler(body: string): string {
  const solution = readFileSync('exercises/orders-consumer/solution.ts', 'utf8');
  const patched = solution.replace(/eachMessage:\s*async\s*\(([^)]*)\)\s*=>\s*\{/, (whole) => `${whole}\n${body}\n`);
  if (patched === solution) throw new Error('the consumer solution has no eachMessage handler to patch');
  return patched;
}

/** What the first run may end with: a timeout, a runtime error, or nothing (the program ended). */
type Outcome = 'timeout' | 'runtime' | 'none';

const ATTACKS: [string, ExerciseId, string, Outcome[]][] = [
  ['while (true) at the top of the module', 'orders-producer', `while (true) {}\nexport async function sendOrders() {}\n`, ['timeout']],
  ['while (true) in sendOrders', 'orders-producer', producer('while (true) {}'), ['timeout']],
  ['while (true) in an eachMessage handler', 'orders-consumer', consumerWithHandler('while (true) {}'), ['timeout']],
  ['an await that never resolves', 'orders-producer', producer('await new Promise(() => {});'), ['timeout']],
  // Each clock read moves the learner's clock on: a bounded busy-wait ends, as it does in Node.
  ['a busy-wait on Date.now', 'orders-producer', producer('const until = Date.now() + 1000; while (Date.now() < until) {}'), ['none']],
  ['a busy-wait on performance.now', 'orders-producer', producer('const until = performance.now() + 10; while (performance.now() < until) {}'), ['none']],
  ['a busy-wait on new Date()', 'orders-producer', producer('const until = new Date().getTime() + 50; while (new Date().getTime() < until) {}'), ['none']],
  ['a loop waiting for a callback', 'orders-producer', producer('let done = false; setTimeout(() => { done = true; }, 10); while (!done) {}'), ['timeout']],
  ['an endless microtask loop', 'orders-producer', producer('for (;;) await null;'), ['timeout']],
  ['an endless chain of timers', 'orders-producer', producer('const again = (): void => { setTimeout(again, 0); }; again(); await new Promise(() => {});'), ['timeout']],
  ['setInterval at 0 ms', 'orders-producer', producer('setInterval(() => {}, 0); await new Promise(() => {});'), ['timeout']],
  ['infinite recursion', 'orders-producer', producer('const down = (n: number): number => down(n + 1) + 1; down(0);'), ['runtime']],
  ['infinite recursion through async functions', 'orders-producer', producer('const down = async (n: number): Promise<number> => (await down(n + 1)) + 1; await down(0);'), ['runtime', 'timeout']],
  // May end, run out of memory or out of time, depending on the machine: each is contained.
  ['a deep promise chain', 'orders-producer', producer('let p: Promise<unknown> = Promise.resolve(); for (let i = 0; i < 1e6; i++) p = p.then(() => i); await p;'), ['runtime', 'timeout', 'none']],
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
    const engine = kinds.includes('timeout') ? shortLimit : generousLimit;
    const report = await grade(engine(), id, source);
    expectNoPass(report);
    const seen = runErrorKinds(report);
    // The first run carries the error that stopped it; every kind reported is one of those expected.
    expect(seen[0] === undefined ? 'none' : seen[0]).toSatisfy((kind: string) => (kinds as string[]).includes(kind));
    for (const kind of seen) if (kind !== undefined) expect(['timeout', 'runtime']).toContain(kind);
  });

  it('explains why a loop waiting for a callback never ends', async () => {
    const report = await grade(shortLimit(), 'orders-producer', producer('let done = false; setTimeout(() => { done = true; }, 10); while (!done) {}'));
    const first = report.guarantees[0]?.runs[0]?.error;
    expect(first?.kind).toBe('timeout');
    expect(first?.message).toContain(timeoutMessage(ATTACK_TIME_LIMIT_MS));
    expect(first?.message).toMatch(/one thing at a time/);
  });

  it('caps a console flood of long lines', async () => {
    const report = await grade(shortLimit(), 'orders-four-steps', `for (let i = 0; i < 1e5; i++) console.log('x'.repeat(10000));\n`);
    expectNoPass(report);
    expect(JSON.stringify(report).length).toBeLessThan(200_000);
  });

  it('keeps a giant error message and giant topic values out of the report', async () => {
    const big = await grade(generousLimit(), 'orders-producer', producer("throw new Error('x'.repeat(5_000_000));"));
    expectNoPass(big);
    expect(JSON.stringify(big).length).toBeLessThan(200_000);
    const values = await grade(
      shortLimit(),
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
      const solution = readFileSync(`exercises/${id}/solution.ts`, 'utf8');
      // The short-limit engine, which every attack that could hang went through, still answers every
      // run (on a busy machine a run may hit its short limit, so only a verdict is asked of it)...
      const afterAttacks = await grade(shortLimit(), id, solution);
      expect(afterAttacks.error, id).toBeNull();
      for (const kind of runErrorKinds(afterAttacks)) expect([undefined, 'timeout'], id).toContain(kind);
      // ...and the other one, used by the rest, passes it.
      expect((await grade(generousLimit(), id, solution)).passed, id).toBe(true);
    }
  });
});
