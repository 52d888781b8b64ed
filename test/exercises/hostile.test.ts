import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/grading/grade.ts';
import { loadExercise } from '../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../src/runner/engine.ts';
import { createNodeEngine } from '../../src/runner/node-engine.ts';
import { gradeReportSchema } from '../../src/schemas/grade-report.ts';

// Hostile submissions against the script exercise: each must fail (or time out) with a report,
// and the grader must stay usable for the next submission.
// Two engines, so no verdict depends on the machine's speed: a short limit for submissions meant to
// hit it, a generous one for the rest (on a busy machine those must not turn into timeouts).
const exercise = (await loadExercise('orders-four-steps'))!;
let limited: SandboxEngine;
let engine: SandboxEngine;
beforeAll(async () => {
  limited = await createNodeEngine({ timeLimitMs: 1500 });
  engine = await createNodeEngine({ timeLimitMs: 30_000 });
});
afterAll(() => {
  limited.close();
  engine.close();
});

const PREFIX = "const orders = ['order1', 'order2', 'order3'];\nconst delivery_guarantee: string = 'at-least-once';\n";

async function grade(source: string, on: SandboxEngine = engine) {
  return gradeReportSchema.parse(await gradeSubmission(exercise, source, on, 'hostile.ts'));
}

describe('hostile submissions', () => {
  // No duration is asserted (a busy machine may take longer): the test's own timeout catches a hang.
  it('stops an infinite loop as a timeout', async () => {
    const report = await grade(`${PREFIX}while (true) {}\n`, limited);
    expect(report.passed).toBe(false);
    const errors = report.guarantees.flatMap((g) => g.runs.map((r) => r.error?.kind));
    expect(errors.every((kind) => kind === 'timeout')).toBe(true);
    // The engine still works afterwards: it answers every run (each in time, or cut off by the short limit).
    const after = await grade(exercise.solution, limited);
    expect(after.error).toBeNull();
    for (const run of after.guarantees.flatMap((g) => g.runs)) expect(run.passed || run.error?.kind === 'timeout').toBe(true);
  });

  it.each([
    ['Array.prototype.push', 'Array.prototype.push = function () { return 0; };'],
    ['JSON.stringify', "JSON.stringify = () => '[]';"],
    ['Promise.prototype.then', 'Promise.prototype.then = function () { return this; };'],
    ['Object.prototype', '(Object.prototype as any).passed = true;'],
    ['a global the host uses', "(globalThis as any).__kxReport = () => {};"],
    ['the global Date', '(globalThis as any).Date = class {};'],
  ])('refuses to let it override %s', async (_what, tamper) => {
    const report = await grade(`${tamper}\n${exercise.solution}`);
    expect(report.passed).toBe(false);
    const first = report.guarantees[0]?.runs[0];
    expect(first?.error?.kind).toBe('runtime');
    expect(first?.error?.line).toBe(1);
  });

  it('cannot evaluate strings as code to reach the real global object', async () => {
    const report = await grade(`const g = Function('return this')();\n${exercise.solution}`);
    expect(report.passed).toBe(false);
    expect(report.guarantees[0]?.runs[0]?.error?.message).toMatch(/disabled/);
  });

  it('cannot shadow the observer to fake processed_orders', async () => {
    const report = await grade(`${PREFIX}function __kx_observe(_read: unknown) {}\nconst processed_orders = ['order1', 'order1', 'order2', 'order2', 'order3', 'order3'];\nconsole.log(processed_orders);\n`);
    expect(report.passed).toBe(false);
  });

  it('caps a console flood', async () => {
    const report = await gradeSubmission(exercise, `for (let i = 0; i < 100000; i++) console.log('spam', i);\n${exercise.solution}`, limited, 'flood.ts');
    expect(report.passed).toBe(false);
  });

  it('contains a memory bomb', async () => {
    const report = await grade(`${PREFIX}const hoard: string[][] = [];\nwhile (true) hoard.push(new Array(1_000_000).fill('x'));\n`, limited);
    expect(report.passed).toBe(false);
    const kind = report.guarantees[0]?.runs[0]?.error?.kind;
    expect(['runtime', 'timeout']).toContain(kind);
  });

  it('gives the same verdict for a thrown hostile object', async () => {
    const report = await grade(`${PREFIX}throw { get message(): string { throw new Error('no'); } };\n`);
    expect(report.passed).toBe(false);
    expect(report.guarantees[0]?.runs[0]?.error?.kind).toBe('runtime');
  });

  it('reports a compile error at its line and column, for every run', async () => {
    const report = await grade(`${PREFIX}const x = ;\n`);
    expect(report.error).toMatchObject({ kind: 'compile', line: 3, column: 11 });
    expect(report.guarantees.every((g) => g.runs.every((r) => !r.passed))).toBe(true);
  });

  it('refuses imports other than kafkajs at compile time', async () => {
    const report = await grade(`import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);\n${exercise.solution}`);
    expect(report.error?.kind).toBe('compile');
    expect(report.error?.line).toBe(1);
    expect(report.error?.message).toMatch(/kafkajs/);
  });

  it('maps a runtime error to the learner TypeScript line', async () => {
    const report = await grade(`${PREFIX}\n\nconst broken: any = null;\nbroken.push('x');\n`);
    expect(report.guarantees[0]?.runs[0]?.error).toMatchObject({ kind: 'runtime', line: 6 });
  });
});

// The step checks judge how the program is written from its syntax tree: text that only looks like the
// loop or the print (in a string, a template literal, a regular expression) must not pass steps 3 and 4.
describe('structure written as text', () => {
  const stepOf = (report: Awaited<ReturnType<typeof grade>>, id: string) => report.steps.find((step) => step.id === id);
  const FOR_EACH = "const processed_orders: string[] = [];\norders.forEach((order) => { processed_orders.push(order); processed_orders.push(order); });\nconsole.log(processed_orders);\n";
  const RIGHT_LOOP = 'const processed_orders: string[] = [];\nfor (const order of orders) { processed_orders.push(order); processed_orders.push(order); }\n';

  it.each([
    ['a template literal', 'const shown = `for (const order of orders) {}`;\nvoid shown;\n'],
    ['a regular expression', 'const pattern = /for (const order of orders)/;\nvoid pattern;\n'],
    ['a string built at run time', "const parts = ['for (const order', ' of orders)'].join('');\nvoid parts;\n"],
    ['an object key', "const table = { 'for (let i = 0; i < orders.length; i++) { const order = orders[i]; }': 1 };\nvoid table;\n"],
  ])('a loop inside %s does not pass simulate-sending', async (_where, decoy) => {
    const report = await grade(`${PREFIX}${decoy}${FOR_EACH}`);
    expect(stepOf(report, 'simulate-sending')?.passed).toBe(false);
    // The decoy is the only difference: the rest of the program is right.
    expect(stepOf(report, 'print-orders')?.passed).toBe(true);
  });

  it.each([
    ['a string literal', "console.log('order1, order1, order2, order2, order3, order3');\n"],
    ['a template literal without the list', 'console.log(`[ "order1", "order1", "order2", "order2", "order3", "order3" ]`);\n'],
    ['a copy of the list under another name', "const shown = ['order1', 'order1', 'order2', 'order2', 'order3', 'order3'];\nconsole.log(shown);\n"],
  ])('a print of %s does not pass print-orders', async (_what, print) => {
    const report = await grade(`${PREFIX}${RIGHT_LOOP}${print}`);
    expect(stepOf(report, 'simulate-sending')?.passed).toBe(true);
    expect(stepOf(report, 'print-orders')?.passed).toBe(false);
  });

  it('still accepts the list printed with a label, as JSON or joined', async () => {
    for (const print of ["console.log('processed:', processed_orders);", 'console.log(JSON.stringify(processed_orders));', "console.log(processed_orders.join(', '));"]) {
      const report = await grade(`${PREFIX}${RIGHT_LOOP}${print}\n`);
      expect(stepOf(report, 'print-orders')?.passed, print).toBe(true);
    }
  });
});
