/**
 * The cluster exercises graded in the page (the browser engine: a sandboxed Worker) give the same
 * verdicts, run for run, as the Node engine (QuickJS) — for every solution and every known-wrong file.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

interface RunLike {
  scenario: string;
  passed: boolean;
  processed_orders: string[] | null;
}
interface ReportLike {
  passed: boolean;
  guarantees: { guarantee: string; runs: RunLike[] }[];
}

const repo = new URL('../../', import.meta.url).pathname;

const CASES = ['orders-producer', 'orders-consumer', 'orders-transactions'].flatMap((id): [string, string][] => [
  [id, 'solution.ts'] as [string, string],
  ...readdirSync(`${repo}exercises/${id}/wrong`).filter((name) => name.endsWith('.ts')).sort().map((name): [string, string] => [id, `wrong/${name}`]),
]);

function verdicts(report: ReportLike): string[] {
  return report.guarantees.flatMap((g) => g.runs.map((r) => `${g.guarantee}/${r.scenario}: ${r.passed} ${JSON.stringify(r.processed_orders)}`));
}

function nodeReport(id: string, file: string): ReportLike {
  try {
    return JSON.parse(execFileSync('npm', ['run', '--silent', 'grade', '--', '--exercise', id, '--engine', 'node', '--json', `exercises/${id}/${file}`], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as ReportLike;
  } catch (failed) {
    // A failing submission exits 1 with its report on stdout.
    return JSON.parse(String((failed as { stdout?: unknown }).stdout)) as ReportLike;
  }
}

async function pageReport(page: Page, id: string, source: string): Promise<ReportLike> {
  await page.goto(`/exercises/${id}/`);
  await expect(page.locator(`[data-exercise="${id}"]`)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.evaluate(([exerciseId, code]) => window.courseExercises?.[exerciseId!]?.setCode(code!), [id, source]);
  return (await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.check(), id)) as unknown as ReportLike;
}

for (const [id, file] of CASES) {
  test(`${id}/${file}: the page and the Node engine agree on every run`, async ({ page }) => {
    // Two whole Checks (in the page, then through the grade CLI), each exploring every crash point.
    test.setTimeout(120_000);
    const source = readFileSync(`${repo}exercises/${id}/${file}`, 'utf8');
    const inPage = await pageReport(page, id, source);
    const inNode = nodeReport(id, file);
    expect(inPage.passed).toBe(file === 'solution.ts');
    expect(verdicts(inPage)).toEqual(verdicts(inNode));
  });
}
