import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/grade.ts';
import { gradeReportSchema } from '../../src/schemas/grade-report.ts';

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
});
