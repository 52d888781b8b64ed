/**
 * The verdict a student reads after a failing Check (headline, guarantees × scenarios matrix, a
 * cell's diagnosis and replay) and the sequence diagram of a run, in the exercise, the delivery
 * simulator and a lesson's step-through — each driven through the real page.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

// A Check grades every scenario in the page's sandbox: give the tests room on a busy machine.
test.describe.configure({ timeout: 120_000 });

const source = (id: string, file: string) => readFileSync(new URL(`../../exercises/${id}/${file}`, import.meta.url), 'utf8');

async function checkFailing(page: Page, id: string, code: string): Promise<Locator> {
  await page.goto(`/exercises/${id}/`);
  const root = page.locator(`[data-exercise="${id}"]`);
  await expect(root).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.evaluate(([exerciseId, text]) => window.courseExercises![exerciseId!]!.setCode(text!), [id, code]);
  await root.getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = root.getByTestId('verdict');
  // A first Check compiles and grades every scenario: on a busy machine that takes a while.
  await expect(verdict).toHaveAttribute('data-passed', 'false', { timeout: 60_000 });
  return verdict;
}

/** The diagram's current step, as the figure reports it. */
const current = (diagram: Locator) => diagram.getAttribute('data-current').then(Number);

test('after a failing Check: one headline, a ✓/✗ matrix, and the first failure opened with its sequence diagram', async ({ page }) => {
  const id = 'orders-producer';
  const verdict = await checkFailing(page, id, source(id, 'wrong/acks-one.ts'));
  // Check brought the verdict into view below the sticky header, not under it.
  const header = await page.locator('.site-header').boundingBox();
  await expect.poll(async () => (await verdict.getByRole('heading', { name: 'Verdict' }).boundingBox())?.y ?? -1).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
  // What holds, then the one thing to fix first and how.
  await expect(verdict.locator('.verdict-headline .held')).toHaveText('Your code guarantees none of the 3 guarantees yet.');
  await expect(verdict.locator('.verdict-headline .first')).toContainText('Fix first:');
  await expect(verdict.locator('.verdict-headline .how')).toContainText('acks: -1');

  const matrix = verdict.getByTestId('verdict-matrix');
  await expect(matrix).toBeVisible();
  await expect(matrix.getByRole('columnheader')).toHaveText([/Scenario/, /at-most-once/, /at-least-once/, /exactly-once/]);
  // Every cell carries its guarantee, scenario and result, and shows it by symbol.
  const report = await page.evaluate((exerciseId) => window.courseExercises![exerciseId]!.check(), id);
  const runs = report.guarantees.flatMap((g) => g.runs.map((r) => ({ g: g.guarantee, r })));
  await expect(matrix.locator('td[data-guarantee]')).toHaveCount(runs.length);
  for (const { g, r } of runs) {
    const cell = matrix.locator(`td[data-guarantee="${g}"][data-scenario="${r.scenario}"]`);
    await expect(cell).toHaveAttribute('data-passed', String(r.passed));
    await expect(cell).toHaveText(r.passed ? '✓' : '✗');
  }
  // The same advice is listed once, however many cells share it.
  const causes = verdict.locator('.verdict-diagnoses li');
  const texts = await causes.allTextContents();
  expect(new Set(texts).size).toBe(texts.length);

  // The first failure is already open: its diagnosis, processed_orders and diagram.
  const opened = matrix.locator('button[aria-expanded="true"]');
  await expect(opened).toHaveCount(1);
  const detail = verdict.locator('[data-cell-detail]');
  await expect(detail).toContainText('processed_orders = ');
  const diagram = detail.getByTestId('sequence-diagram');
  await expect(diagram).toBeVisible();
  await expect(diagram.locator('.seq-lane-label')).toContainText(['broker 0', 'broker 1', 'broker 2']);
  await expect(diagram.locator('g.seq-step[data-shape="crash"]')).not.toHaveCount(0);
  // Opening another failing cell replaces the detail with that cell's run.
  const other = matrix.locator('td[data-passed="false"] button[aria-expanded="false"]').first();
  const scenario = await other.locator('xpath=..').getAttribute('data-scenario');
  await other.click();
  await expect(detail.getByRole('heading')).toContainText(scenario ?? '');
  await expect(detail.getByTestId('sequence-diagram')).toBeVisible();
  // The event list stays as the text alternative, with the fault marked in words.
  await detail.getByText(/^Replay .* as a list of events/).click();
  await expect(detail.getByRole('table').locator('tr[data-tone="fault"]').first()).toContainText('Fault: Injected fault');
  expect((await new AxeBuilder({ page }).include(`[data-exercise="${id}"]`).exclude('.monaco-editor').analyze()).violations).toEqual([]);
});

test('the four-step starter: the step checklist comes first, and its one repeated cause is listed once', async ({ page }) => {
  const id = 'orders-four-steps';
  const verdict = await checkFailing(page, id, source(id, 'starter.ts'));
  await expect(verdict.locator('.verdict-headline .first')).toContainText('Fix first — Create the orders');
  const checklist = verdict.locator('.verdict-steps li');
  await expect(checklist).toHaveCount(4);
  // The checklist is above the matrix.
  const [listTop, matrixTop] = await Promise.all([checklist.first().boundingBox(), verdict.getByTestId('verdict-matrix').boundingBox()]);
  expect(listTop!.y).toBeLessThan(matrixTop!.y);
  await expect(verdict.getByTestId('verdict-matrix').locator('td[data-passed="false"]')).toHaveCount(6);
  await expect(verdict.locator('.verdict-diagnoses li')).toHaveCount(1);
  // The stepper above the exercise shows each step's state and links to its instructions.
  const stepper = page.locator(`[data-exercise="${id}"] [data-stepper-step]`);
  await expect(stepper).toHaveCount(4);
  await expect(stepper.first()).toHaveAttribute('data-status', 'failed');
  await stepper.nth(2).getByRole('link').click();
  await expect(page).toHaveURL(/#exercise-orders-four-steps-step-simulate-sending$/);
});

/** Lesson 5's delivery simulator, run with order3's ack lost; resolves once it has drawn the run. */
async function simulateLostAck(page: Page): Promise<Locator> {
  await page.goto('/lessons/05-delivery-semantics/');
  const simulator = page.locator('[data-delivery-simulator]');
  await simulator.getByLabel('Network fault on order3').selectOption('lose-ack');
  await simulator.getByRole('button', { name: 'Run simulation' }).click();
  await expect(simulator).toHaveAttribute('data-state', 'done');
  return simulator;
}

test('the delivery simulator draws its run as a sequence diagram, stepped with the arrow keys', async ({ page }) => {
  const simulator = await simulateLostAck(page);
  const diagram = simulator.getByTestId('sequence-diagram');
  await expect(diagram).toBeVisible();
  // A dropped response and the retry that followed are drawn.
  await expect(diagram.locator('g.seq-step[data-shape="drop"]')).toHaveCount(1);
  await expect(diagram.locator('g.seq-step[data-kind], g.seq-step').filter({ hasText: 'retry' })).not.toHaveCount(0);
  const last = await current(diagram);
  expect(last).toBe(Number(await diagram.getAttribute('data-steps')) - 1);
  await diagram.locator('.seq-scroll').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await current(diagram)).toBe(last - 2);
  await expect(diagram.locator('g.seq-step[data-when="later"]')).toHaveCount(2);
  await page.keyboard.press('Home');
  expect(await current(diagram)).toBe(0);
  await page.keyboard.press('ArrowRight');
  expect(await current(diagram)).toBe(1);
  await expect(diagram.locator('[data-seq-now]')).toContainText(`Step 2 of ${last + 1}`);
  await diagram.getByRole('button', { name: 'Last', exact: true }).click();
  expect(await current(diagram)).toBe(last);
  // Play starts from the beginning and can be paused.
  await diagram.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(diagram.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await diagram.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(await current(diagram)).toBeLessThan(last);
  // The table of each record's fate is still there, for screen readers.
  await expect(simulator.locator('tr[data-record="order3"]')).toHaveAttribute('data-fate', 'duplicated');
});

test('lesson 4\'s step-through moves the highlight in its sequence diagram', async ({ page }) => {
  await page.goto('/lessons/04-at-least-once-step-by-step/');
  const steps = page.locator('[data-step-through]').first();
  const diagram = steps.getByTestId('sequence-diagram');
  await expect(diagram).toBeVisible();
  expect(await current(diagram)).toBe(-1);
  await steps.getByRole('button', { name: 'Next →' }).click();
  const first = await current(diagram);
  expect(first).toBeGreaterThanOrEqual(0);
  await steps.getByRole('button', { name: 'Next →' }).click();
  await steps.getByRole('button', { name: 'Next →' }).click();
  expect(await current(diagram)).toBeGreaterThan(first);
  await expect(diagram.locator('g.seq-step[data-when="now"]')).toHaveCount(1);
});

test('on a phone, the lane names stay at the top of a scrolled diagram, and the arrow keys still step', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const simulator = await simulateLostAck(page);
  const diagram = simulator.getByTestId('sequence-diagram');
  const frame = diagram.locator('.seq-scroll');
  const names = diagram.locator('.seq-names');
  await expect(names.locator('.seq-lane-label')).toContainText(['broker 0']);
  // Scroll the drawing down and sideways, as a reader of a long run does.
  await frame.evaluate((el) => el.scrollTo({ top: el.scrollHeight, left: el.scrollWidth }));
  expect(await frame.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const [strip, box] = await Promise.all([names.boundingBox(), frame.boundingBox()]);
  expect(Math.abs((strip?.y ?? -100) - (box?.y ?? 0))).toBeLessThanOrEqual(2);
  await frame.focus();
  const before = await current(diagram);
  await page.keyboard.press('ArrowLeft');
  expect(await current(diagram)).toBe(before - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});
