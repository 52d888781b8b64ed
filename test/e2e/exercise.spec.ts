import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { devices, expect, test, type Page } from '@playwright/test';
import { pushExerciseBelowTheFold } from '../../src/cli/exercise-below-the-fold.ts';

const id = 'orders-four-steps';
const solution = readFileSync(new URL(`../../exercises/${id}/solution.ts`, import.meta.url), 'utf8');
const exercise = (page: Page) => page.locator(`[data-exercise="${id}"]`);

/** Sets the code through the page's hook: typing into Monaco would auto-indent and auto-close. */
async function setCode(page: Page, source: string): Promise<void> {
  await page.evaluate(([exerciseId, code]) => window.courseExercises?.[exerciseId!]?.setCode(code!), [id, source]);
}

async function openReady(page: Page): Promise<void> {
  await page.goto(`/exercises/${id}/`);
  await expect(exercise(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

test.beforeEach(async ({ page }) => {
  // Every test starts from the starter, not from what an earlier test autosaved.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('kdc:test-started')) {
      localStorage.clear();
      sessionStorage.setItem('kdc:test-started', '1');
    }
  });
});

test('a student opens the exercise, runs the solution and sees it pass every check', async ({ page }) => {
  await openReady(page);
  await expect(exercise(page).locator('.monaco-editor')).toBeVisible();
  await expect(exercise(page).getByText('Progress 0 / 4 steps')).toBeVisible();
  await setCode(page, solution);
  await exercise(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(exercise(page).locator('[data-console]')).toContainText('order1');
  await expect(exercise(page)).toHaveAttribute('data-state', 'done');
  await exercise(page).getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = exercise(page).getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-passed', 'true');
  await expect(verdict).toContainText('exactly-once');
  await expect(verdict).toHaveAttribute('data-graded-by', 'browser');
  await expect(verdict).toContainText('checked in your browser');
  await expect(exercise(page).getByText('Progress 4 / 4 steps')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), `kdc:progress:exercise:${id}`)).toBe('passed');
});

test('the page carries a Content-Security-Policy and nothing the exercise does violates it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await openReady(page);
  const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' blob:/);
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  await expect(exercise(page).locator('.monaco-editor')).toBeVisible();
  await setCode(page, solution);
  await exercise(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(exercise(page).locator('[data-console]')).toContainText('order1');
  const report = await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.check(), id);
  expect(report.passed).toBe(true);
  expect(violations).toEqual([]);
});

test('Ctrl+Enter in the editor runs the program', async ({ page }) => {
  await openReady(page);
  await setCode(page, "const orders = ['order1'];\nconsole.log('ran with', orders.length);\n");
  await exercise(page).locator('.monaco-editor textarea').focus();
  await page.keyboard.press('Control+Enter');
  await expect(exercise(page).locator('[data-console]')).toContainText('ran with 1');
});

test('the hook resolves check() to the grade --json report', async ({ page }) => {
  await openReady(page);
  await setCode(page, solution);
  const report = await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.check(), id);
  expect(report).toMatchObject({ exercise: id, passed: true, error: null });
  expect(report.steps.map((s) => s.passed)).toEqual([true, true, true, true]);
  expect(report.guarantees.map((g) => g.guarantee)).toEqual(['at-most-once', 'at-least-once', 'exactly-once']);
});

test('the starter fails, and only then can the solution be shown beside the code', async ({ page }) => {
  await openReady(page);
  const showSolution = exercise(page).getByRole('button', { name: 'Show solution' });
  await expect(showSolution).toBeHidden();
  await exercise(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(exercise(page).getByTestId('verdict')).toHaveAttribute('data-passed', 'false');
  // The status line says so, and every step keeps its title, instructions and hint beside its result.
  await expect(exercise(page).getByRole('status').filter({ hasText: 'Check finished' })).toBeVisible();
  const steps = exercise(page).locator('[data-step]');
  await expect(steps).toHaveCount(4);
  for (const title of ['Create the orders', 'Choose the delivery guarantee', 'Simulate the delivery', 'Print the result']) {
    await expect(steps.filter({ hasText: title })).toHaveCount(1);
  }
  await expect(steps.first().getByText('Need a hint?')).toBeVisible();
  await showSolution.click();
  await expect(exercise(page).locator('[data-diff] .monaco-diff-editor')).toBeVisible();
  // The learner's code is untouched.
  expect(await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.getCode(), id)).toContain('// Step 1: create an array');
});

test('a syntax error is marked at its line and column', async ({ page }) => {
  await openReady(page);
  await setCode(page, "const orders = ['order1', 'order2';\n");
  await exercise(page).getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = exercise(page).getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-passed', 'false');
  await expect(verdict).toContainText(/Compile error — line 1, column \d+/);
  await expect(exercise(page).locator('.monaco-editor .squiggly-error').first()).toBeAttached();
});

test('a runtime error is reported at its line and column in the learner\'s file', async ({ page }) => {
  await openReady(page);
  // Line 1 is where the sandbox's module wrapper sits: its columns must still be the learner's.
  await setCode(page, 'const empty: any = null; console.log(empty.length);\nconst orders: string[] = [];\n');
  const report = await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.run(), id);
  expect(report.error).toMatchObject({ kind: 'runtime', line: 1, column: 44 });
  await expect(exercise(page).locator('[data-console]')).toContainText('Runtime error — line 1, column 44');
});

test('an infinite loop is stopped with a message and the exercise stays usable', async ({ page }) => {
  await openReady(page);
  await setCode(page, 'const orders = [];\nwhile (true) {}\n');
  await exercise(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(exercise(page).locator('[data-console]')).toContainText(/stopped/i, { timeout: 15_000 });
  await setCode(page, solution);
  await exercise(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(exercise(page).getByTestId('verdict')).toHaveAttribute('data-passed', 'true');
});

test('a reload keeps the code', async ({ page }) => {
  await openReady(page);
  await setCode(page, '// my work in progress\nconst orders = [];\n');
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `kdc:code:exercise:${id}`)).toContain('my work in progress');
  await page.reload();
  await expect(exercise(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  expect(await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.getCode(), id)).toContain('my work in progress');
});

test('nothing of Monaco or esbuild loads until the exercise comes near the viewport', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await pushExerciseBelowTheFold(page);
  await page.goto(`/exercises/${id}/`);
  await page.waitForLoadState('networkidle');
  const heavy = (path: string) => /editor\.api|ts\.worker|\.wasm$|browser-backend|sandbox\.worker/.test(path);
  expect(fetched.filter(heavy)).toEqual([]);
  await expect(exercise(page)).toHaveAttribute('data-state', 'loading');
  await exercise(page).scrollIntoViewIfNeeded();
  await expect(exercise(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  expect(fetched.some((path) => path.endsWith('.wasm'))).toBe(true);
  expect(fetched.some((path) => path.includes('editor.api'))).toBe(true);
});

test('Reset asks first, then restores the starter', async ({ page }) => {
  await openReady(page);
  await setCode(page, '// to be thrown away\n');
  page.once('dialog', (dialog) => void dialog.dismiss());
  await exercise(page).getByRole('button', { name: 'Reset' }).click();
  expect(await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.getCode(), id)).toBe('// to be thrown away\n');
  page.once('dialog', (dialog) => void dialog.accept());
  await exercise(page).getByRole('button', { name: 'Reset' }).click();
  expect(await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.getCode(), id)).toContain('// Step 1: create an array');
});

test('the exercise has no accessibility violations, before and after a Check', async ({ page }) => {
  await openReady(page);
  const scan = () => new AxeBuilder({ page }).include(`[data-exercise="${id}"]`).exclude('.monaco-editor').analyze();
  expect((await scan()).violations).toEqual([]);
  await exercise(page).getByRole('button', { name: 'Check', exact: true }).click();
  await expect(exercise(page).getByTestId('verdict')).toHaveAttribute('data-passed', 'false');
  expect((await scan()).violations).toEqual([]);
});

test('the editor knows the kafkajs API, and Run shows the cluster timeline', async ({ page }) => {
  const producer = 'orders-producer';
  await page.goto(`/exercises/${producer}/`);
  const root = page.locator(`[data-exercise="${producer}"]`);
  await expect(root).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const code = readFileSync(new URL(`../../exercises/${producer}/solution.ts`, import.meta.url), 'utf8');
  await page.evaluate(([exerciseId, source]) => window.courseExercises![exerciseId!]!.setCode(source!), [producer, code]);
  const report = await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.run(), producer);
  expect(report.error).toBeNull();
  expect(report.trace.length).toBeGreaterThan(0);
  await expect(root.locator('[data-timeline] tbody tr').first()).toBeVisible();
  await expect(root.getByRole('table', { name: 'What the cluster did during this run' }).getByRole('columnheader', { name: 'Producer' })).toBeVisible();
  // A misspelt facade method is a TypeScript diagnostic from the kafkajs declarations.
  await page.evaluate(([exerciseId, source]) => window.courseExercises![exerciseId!]!.setCode(source!), [
    producer,
    "import type { Kafka } from 'kafkajs';\nexport async function sendOrders(kafka: Kafka): Promise<void> {\n  kafka.producr();\n}\n",
  ]);
  const squiggle = root.locator('.monaco-editor .squiggly-error').first();
  await expect(squiggle).toBeAttached({ timeout: 20_000 });
  // Alt+F8 ("next problem") shows the first marker's message in the editor.
  await root.locator('.monaco-editor textarea').focus();
  await page.keyboard.press('Alt+F8');
  const problem = root.locator('.marker-widget');
  await expect(problem).toContainText("Property 'producr' does not exist on type 'Kafka'");
  await expect(problem).toContainText("Did you mean 'producer'?");
  await page.keyboard.press('Escape');
  // Completion offers the facade's methods after `kafka.`.
  await page.evaluate(([exerciseId, source]) => window.courseExercises![exerciseId!]!.setCode(source!), [
    producer,
    "import type { Kafka } from 'kafkajs';\nexport async function sendOrders(kafka: Kafka): Promise<void> {\n  kafka.\n}\n",
  ]);
  // The cursor goes to the end of line 3, right after `kafka.`.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Space');
  await expect(root.locator('.suggest-widget')).toContainText('producer', { timeout: 20_000 });
});

test('two exercises on one lesson page have regions with names of their own, under the lesson\'s headings', async ({ page }) => {
  await page.goto('/lessons/01-why-delivery-guarantees/');
  for (const label of ['Output', 'Verdict']) {
    const regions = page.getByRole('region', { name: new RegExp(`${label}$`) });
    await expect(regions).toHaveCount(2);
    const names = await regions.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-labelledby')));
    expect(new Set(names).size).toBe(2);
  }
  // "## Exercise …" is an h2 in the lesson, so each exercise's title is an h3.
  await expect(page.locator('[data-exercise] header h3')).toHaveCount(2);
  await expect(page.locator('[data-exercise] h2')).toHaveCount(0);
});

test.describe('on a touch device', () => {
  const { defaultBrowserType: _browser, ...pixel } = devices['Pixel 7'];
  test.use(pixel);

  test('the plain editor runs and checks without Monaco', async ({ page }) => {
    await page.goto(`/exercises/${id}/`);
    const editor = exercise(page).getByRole('textbox', { name: 'Your code' });
    await editor.fill(solution);
    await expect(exercise(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await expect(exercise(page).locator('.monaco-editor')).toHaveCount(0);
    await exercise(page).getByRole('button', { name: 'Check', exact: true }).click();
    // A limit, not a measurement: a first Check on a busy machine takes a while.
    await expect(exercise(page).getByTestId('verdict')).toHaveAttribute('data-passed', 'true', { timeout: 60_000 });
  });

  test('the compiler waits for the first touch of the exercise', async ({ page }) => {
    const wasm: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasm.push(request.url());
    });
    await page.goto(`/exercises/${id}/`);
    await expect(exercise(page).getByRole('button', { name: 'Check', exact: true })).toBeVisible();
    // Scrolled into view and left alone: still the page alone, no esbuild-wasm.
    await exercise(page).getByRole('button', { name: 'Check', exact: true }).scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 500))));
    await expect(exercise(page)).toHaveAttribute('data-state', 'loading');
    expect(wasm).toEqual([]);
    await exercise(page).getByRole('textbox', { name: 'Your code' }).tap();
    await expect(exercise(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    expect(wasm.length).toBeGreaterThan(0);
  });

  test('the Run timeline fits a 390 px phone without scrolling sideways', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const producer = 'orders-producer';
    await page.goto(`/exercises/${producer}/`);
    const root = page.locator(`[data-exercise="${producer}"]`);
    const code = readFileSync(new URL(`../../exercises/${producer}/solution.ts`, import.meta.url), 'utf8');
    await root.getByRole('textbox', { name: 'Your code' }).fill(code);
    await expect(root).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await root.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(root.locator('[data-timeline] tbody tr').first()).toBeVisible({ timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
