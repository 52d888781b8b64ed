/**
 * A student on the serverless deploy: the built Worker runs in wrangler's local workerd runtime (on
 * its own port, beside the static preview), and Check is graded by /api/grade, not in the page.
 * Builds the serverless target first when dist-serverless/ is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ensureServerlessBuild, startLocalWorker, type LocalWorker } from '../../src/deploy/local-worker.ts';

const id = 'orders-four-steps';
const solution = readFileSync(new URL(`../../exercises/${id}/solution.ts`, import.meta.url), 'utf8');
const wrong = readFileSync(new URL(`../../exercises/${id}/wrong/never-redelivers.ts`, import.meta.url), 'utf8');
const exercise = (page: Page) => page.locator(`[data-exercise="${id}"]`);

let worker: LocalWorker;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await ensureServerlessBuild();
  worker = await startLocalWorker({ port: Number(process.env['SERVERLESS_E2E_PORT'] ?? 8790) });
});

test.afterAll(async () => {
  await worker?.stop();
});

async function check(page: Page, source: string): Promise<void> {
  await page.evaluate(([exerciseId, code]) => window.courseExercises?.[exerciseId!]?.setCode(code!), [id, source]);
  const graded = page.waitForResponse((response) => response.url().endsWith('/api/grade') && response.request().method() === 'POST');
  await exercise(page).getByRole('button', { name: 'Check', exact: true }).click();
  expect((await graded).status()).toBe(200);
}

test('a student checks a right and a wrong solution, graded on the server', async ({ page }) => {
  await page.addInitScript(() => localStorage.clear());
  await page.goto(`${worker.url}/exercises/${id}/`);
  await expect(exercise(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const verdict = exercise(page).getByTestId('verdict');

  await check(page, solution);
  await expect(verdict).toHaveAttribute('data-passed', 'true');
  await expect(verdict).toContainText('checked on the server');

  await check(page, wrong);
  await expect(verdict).toHaveAttribute('data-passed', 'false');
  await expect(verdict).toContainText('checked on the server');
  await expect(verdict).toContainText('at-least-once');
});

test('every page runs under the deploy CSP without a violation', async ({ page }) => {
  const client = new URL('../../dist-serverless/client/', import.meta.url);
  const pages = readdirSync(client, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('index.html'))
    .map((path) => `/${path.replace(/index\.html$/, '')}`);
  expect(pages).toContain('/');
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  for (const path of pages) {
    await page.goto(`${worker.url}${path}`);
    await page.waitForLoadState('load');
  }
  expect(violations).toEqual([]);
});
