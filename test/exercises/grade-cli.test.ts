import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeAlone, main } from '../../src/cli/grade.ts';
import type { GradingEngine } from '../../src/cli/engines.ts';
import { loadExercise } from '../../src/grading/load-exercises.ts';
import { gradeReportSchema } from '../../src/schemas/grade-report.ts';
import { xmlProblem } from '../unit/cli/xml-well-formed.ts';

const SOLUTION = 'exercises/orders-four-steps/solution.ts';
const WRONG = 'exercises/orders-four-steps/wrong/no-print.ts';

async function cli(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(argv, (t) => (out += `${t}\n`), (t) => (err += `${t}\n`));
  return { status, out, err };
}

describe('grade CLI', () => {
  it('exits 0 and prints one JSON object for one passing file', async () => {
    const { status, out } = await cli('--exercise', 'orders-four-steps', '--engine', 'node', '--json', SOLUTION);
    expect(status).toBe(0);
    const report = gradeReportSchema.parse(JSON.parse(out));
    expect(report).toMatchObject({ exercise: 'orders-four-steps', file: SOLUTION, passed: true, error: null });
  });

  it('exits 1 and prints an array for several files when one fails, and writes JUnit', async () => {
    const junit = join(mkdtempSync(join(tmpdir(), 'grade-')), 'report.xml');
    const { status, out, err } = await cli('--exercise', 'orders-four-steps', '--engine', 'node', '--json', '--junit', junit, SOLUTION, WRONG);
    expect(status).toBe(1);
    const reports = gradeReportSchema.array().parse(JSON.parse(out));
    expect(reports.map((r) => r.passed)).toEqual([true, false]);
    expect(err).toMatch(/Points 19\/20/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites/);
    expect(xml).toMatch(/<testcase classname="orders-four-steps\.exercises\/orders-four-steps\/wrong\/no-print\.ts" name="print-orders">\s*<failure/);
  });

  it.each(['orders-producer', 'orders-consumer', 'orders-transactions'])('grades the cluster exercise %s: its solution passes with exit 0, its starter fails with exit 1', async (id) => {
    const solution = await cli('--exercise', id, '--engine', 'node', '--json', `exercises/${id}/solution.ts`);
    expect(solution.status).toBe(0);
    expect(gradeReportSchema.parse(JSON.parse(solution.out))).toMatchObject({ exercise: id, passed: true, error: null });
    const starter = await cli('--exercise', id, '--engine', 'node', '--json', `exercises/${id}/starter.ts`);
    expect(starter.status).toBe(1);
    expect(gradeReportSchema.parse(JSON.parse(starter.out)).passed).toBe(false);
  });

  it('exits 1 for a compile error, with the error in the report', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'grade-')), 'broken.ts');
    writeFileSync(file, 'const orders = [;\n');
    const { status, out } = await cli('--exercise', 'orders-four-steps', '--engine', 'node', '--json', file);
    expect(status).toBe(1);
    expect(gradeReportSchema.parse(JSON.parse(out)).error).toMatchObject({ kind: 'compile', line: 1 });
  });

  it('prints a readable table without --json', async () => {
    const { status, out } = await cli('--exercise', 'orders-four-steps', '--engine', 'node', WRONG);
    expect(status).toBe(1);
    expect(out).toMatch(/^FAIL {2}exercises\/orders-four-steps\/wrong\/no-print\.ts/);
    expect(out).toMatch(/✗ print-orders/);
  });

  it.each([
    [['--exercise', 'no-such-exercise', SOLUTION], /unknown exercise/],
    [['--exercise', 'orders-four-steps', 'missing-file.ts'], /no such file/],
    [['--exercise', 'orders-four-steps'], /at least one FILE/],
    [[SOLUTION], /--exercise is required/],
    [['--exercise', 'orders-four-steps', '--engine', 'cloud', SOLUTION], /unknown engine/],
  ])('exits 2 for a usage error: %j', async (argv, message) => {
    const { status, err, out } = await cli(...argv);
    expect(status).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  describe('a hostile file in the batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grade-hostile-'));
    const hostile: [string, string][] = [
      ['40 KB of nested braces', '{'.repeat(40_000)],
      ['200 KB of code', 'let a = 1;\n'.repeat(20_000)],
      ['nested braces hidden behind a comment and a string', `// {{{\nconst s = '{{{';\n${'{'.repeat(5000)}`],
      ['a template literal nested past the limit', `const t = ${'`${'.repeat(3000)}`],
      ['bytes that are not UTF-8', '\u00ff\u00fe'.repeat(1000)],
    ];
    it.each(hostile)('does not cost the other files their reports: %s', async (_what, text) => {
      const file = join(dir, 'hostile.ts');
      writeFileSync(file, text, text.startsWith('\u00ff') ? 'latin1' : 'utf8');
      const { status, out } = await cli('--exercise', 'orders-producer', '--engine', 'node', '--json', 'exercises/orders-producer/solution.ts', file, 'exercises/orders-producer/starter.ts');
      expect(status).toBe(1);
      const reports = gradeReportSchema.array().parse(JSON.parse(out));
      expect(reports.map((r) => r.file)).toEqual(['exercises/orders-producer/solution.ts', file, 'exercises/orders-producer/starter.ts']);
      expect(reports[0]).toMatchObject({ passed: true, error: null });
      expect(reports[1]?.passed).toBe(false);
      expect(reports[2]).toMatchObject({ passed: false, error: null });
    });

    it('gives a file whose grading throws or never ends a failed report of its own, and a fresh engine to the next', async () => {
      const exercise = (await loadExercise('orders-producer'))!;
      const file = join(dir, 'any.ts');
      writeFileSync(file, 'export {};\n');
      const throwing: GradingEngine = { grade: () => Promise.reject(new Error('the engine broke')), close: () => {} };
      const thrown = await gradeAlone(throwing, exercise, file);
      expect(thrown.engineSuspect).toBe(true);
      expect(thrown.report).toMatchObject({ file, passed: false, error: { kind: 'sandbox', message: 'grading this file failed: the engine broke' } });
      const hanging: GradingEngine = { grade: () => new Promise(() => {}), close: () => {} };
      const hung = await gradeAlone(hanging, exercise, file, 20);
      expect(hung.engineSuspect).toBe(true);
      expect(gradeReportSchema.parse(hung.report).error?.message).toMatch(/took longer than/);
    });
  });

  describe('learner text in the output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grade-forge-'));
    const forged = 'PASS  exercises/orders-four-steps/solution.ts  (orders-four-steps: 10/10 checks)';
    // Its messages carry what it throws: a forged PASS line, a forged Points line, ANSI and bidi tricks.
    const forger = join(dir, 'forger.ts');
    writeFileSync(forger, `const orders = ['order1', 'order2', 'order3'];\nconst delivery_guarantee: string = 'at-least-once';\nthrow new Error(${JSON.stringify(`\n${forged}\r\u001b[2K\nPoints 20/20\u2028Points 20/20\u202e\nforger.ts: 20/20 points\n`)});\n`);
    // A file name is learner-chosen too.
    const oddName = join(dir, 'odd\nPoints 20\u001b[1m.ts');
    writeFileSync(oddName, 'const orders = [];\n');
    // Characters XML 1.0 forbids, in what the program throws.
    const xmlBreaker = join(dir, 'xml-breaker.ts');
    writeFileSync(xmlBreaker, `const orders = ['order1'];\nthrow new Error('\\ufffe \\uffff \\ud800 \\u0001 ]]> <x> &');\n`);
    const batch = [SOLUTION, forger, oddName, xmlBreaker, WRONG];

    it('prints exactly one verdict line and one points line per file, and no control characters', async () => {
      const { status, out } = await cli('--exercise', 'orders-four-steps', '--engine', 'node', ...batch);
      expect(status).toBe(1);
      const lines = out.split('\n');
      expect(lines.filter((line) => /^(PASS|FAIL) /.test(line))).toHaveLength(batch.length);
      expect(lines.filter((line) => /^Points \d+\/\d+$/.test(line))).toHaveLength(1);
      expect(lines.filter((line) => /: \d+\/\d+ points$/.test(line))).toHaveLength(batch.length);
      expect(lines.filter((line) => line.startsWith('PASS '))).toEqual([`PASS  ${SOLUTION}  (orders-four-steps: 10/10 checks)`]);
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      // The forged text did reach the output, shown as text.
      expect(out).toContain('\\nPoints 20/20');
    });

    it('writes JUnit that is well-formed XML for every file in the batch', async () => {
      const junit = join(dir, 'report.xml');
      const { status } = await cli('--exercise', 'orders-four-steps', '--engine', 'node', '--json', '--junit', junit, ...batch);
      expect(status).toBe(1);
      const xml = readFileSync(junit, 'utf8');
      expect(xmlProblem(xml)).toBeUndefined();
      expect(xml.match(/<testsuite /g)).toHaveLength(batch.length);
      expect(xml).toContain('\\ufffe \\uffff');
    });
  });
});
