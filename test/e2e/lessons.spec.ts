import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const lessons = [
  { path: '/lessons/01-why-delivery-guarantees/', title: 'Why delivery guarantees affect correctness — in action' },
  { path: '/lessons/02-visual-breakdown/', title: 'visual breakdown' },
  { path: '/lessons/03-the-commands/', title: 'Why it works — the commands' },
  { path: '/lessons/04-at-least-once-step-by-step/', title: 'At-least-once delivery, step by step' },
  { path: '/lessons/05-delivery-semantics/', title: 'Delivery semantics and reliability' },
];

for (const lesson of lessons) {
  test(`renders: ${lesson.path}`, async ({ page }) => {
    await page.goto(lesson.path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(lesson.title);
    await expect(page.locator('article h2').first()).toBeVisible();
  });
}

/** Answers each question wrong (when it can), then right, checking the feedback each time. */
async function answerQuiz(quiz: Locator): Promise<void> {
  const correct = ((await quiz.getAttribute('data-correct')) ?? '').split(',').map(Number);
  const questions = quiz.locator('fieldset[data-question]');
  for (let q = 0; q < correct.length; q++) {
    const question = questions.nth(q);
    const right = correct[q] ?? 0;
    const wrong = right === 0 ? 1 : 0;
    const feedback = question.locator('[data-feedback]');
    await question.getByRole('radio').nth(wrong).check();
    await expect(feedback).toHaveAttribute('data-verdict', 'wrong');
    await expect(feedback).toContainText('Not quite.');
    await question.getByRole('radio').nth(right).check();
    await expect(feedback).toHaveAttribute('data-verdict', 'correct');
    await expect(feedback).toContainText('Correct.');
  }
}

for (const lesson of lessons) {
  test(`every quiz gives feedback and remembers it: ${lesson.path}`, async ({ page }) => {
    await page.goto(lesson.path);
    const quizzes = page.locator('[data-quiz]');
    const count = await quizzes.count();
    test.skip(count === 0, 'this lesson has no quiz');
    for (let i = 0; i < count; i++) await answerQuiz(quizzes.nth(i));
    await page.reload();
    for (let i = 0; i < count; i++) {
      const quiz = quizzes.nth(i);
      await expect(quiz.locator('[data-quiz-score]')).toContainText('quiz done');
      const correct = ((await quiz.getAttribute('data-correct')) ?? '').split(',').map(Number);
      for (let q = 0; q < correct.length; q++) {
        const question = quiz.locator('fieldset[data-question]').nth(q);
        await expect(question.getByRole('radio').nth(correct[q] ?? 0)).toBeChecked();
        await expect(question.locator('[data-feedback]')).toContainText('Correct.');
      }
      const id = await quiz.getAttribute('data-quiz');
      expect(await page.evaluate((key) => localStorage.getItem(key), `kdc:progress:quiz:${id}`)).toBe('done');
    }
  });
}

test('a quiz hint opens from "Need a hint?"', async ({ page }) => {
  await page.goto(lessons[1]?.path ?? '');
  const hint = page.locator('[data-quiz] details').first();
  await hint.getByText('Need a hint?').click();
  await expect(hint.locator('p')).toBeVisible();
});

/** What the tracker should show at a position, from the component's own timeline data. */
async function expectTracker(stepThrough: Locator, position: number): Promise<void> {
  const timeline = JSON.parse((await stepThrough.getAttribute('data-timeline')) ?? '[]') as Record<string, string>[];
  const values = timeline[position] ?? {};
  for (const [name, value] of Object.entries(values)) {
    await expect(stepThrough.locator(`[data-var="${name}"]`)).toHaveText(value);
  }
  if (position === 0) await expect(stepThrough.locator('tr[aria-current="step"]')).toHaveCount(0);
  else await expect(stepThrough.locator('tr[aria-current="step"]')).toHaveAttribute('data-step-row', String(position));
}

for (const path of [lessons[1]?.path ?? '', lessons[3]?.path ?? '', lessons[4]?.path ?? '']) {
  test(`the step-through moves both ways by button and keyboard, and the tracker follows: ${path}`, async ({ page }) => {
    await page.goto(path);
    const stepThrough = page.locator('[data-step-through]').first();
    const count = Number(await stepThrough.getAttribute('data-count'));
    expect(count).toBeGreaterThanOrEqual(4);
    await expectTracker(stepThrough, 0);
    const next = stepThrough.getByRole('button', { name: 'Next →' });
    const previous = stepThrough.getByRole('button', { name: '← Previous' });
    await expect(previous).toBeDisabled();
    await next.click();
    await expectTracker(stepThrough, 1);
    await next.click();
    await expectTracker(stepThrough, 2);
    await previous.click();
    await expectTracker(stepThrough, 1);
    const keys = stepThrough.locator('[data-step-keys]');
    await keys.focus();
    await keys.press('ArrowRight');
    await expectTracker(stepThrough, 2);
    await keys.press('ArrowDown');
    await expectTracker(stepThrough, 3);
    await keys.press('ArrowLeft');
    await expectTracker(stepThrough, 2);
    await keys.press('End');
    await expectTracker(stepThrough, count);
    await expect(next).toBeDisabled();
    await keys.press('Home');
    await expectTracker(stepThrough, 0);
  });
}

test('lesson 04 steps through the seed\'s eight steps: the crash at step 4 commits nothing, step 8 commits', async ({ page }) => {
  await page.goto(lessons[3]?.path ?? '');
  const stepThrough = page.locator('[data-step-through]').first();
  await expect(stepThrough).toHaveAttribute('data-count', '8');
  await expect(stepThrough.locator('tr[data-step-row="4"]')).toContainText('crashes before committing');
  const next = stepThrough.getByRole('button', { name: 'Next →' });
  for (let i = 0; i < 4; i++) await next.click();
  await expect(stepThrough.locator('[data-var="message_state"]')).toHaveText('processed, not committed');
  await expect(stepThrough.locator('[data-var="offset_committed"]')).toHaveText('none');
  for (let i = 0; i < 4; i++) await next.click();
  await expect(stepThrough.locator('[data-var="offset_committed"]')).toHaveText(/^1 /);
});

test('lesson 05: the idempotence step-through keeps the log unchanged when the retried batch is deduplicated', async ({ page }) => {
  await page.goto(lessons[4]?.path ?? '');
  const stepThrough = page.locator('[data-idempotence-timeline] [data-step-through]');
  const rows = stepThrough.locator('tr[data-step-row]');
  const kinds = await rows.locator('td:nth-of-type(2)').allTextContents();
  const dedupe = kinds.indexOf('dedupe') + 1;
  expect(dedupe).toBeGreaterThan(1);
  const keys = stepThrough.locator('[data-step-keys]');
  await keys.focus();
  for (let i = 0; i < dedupe - 1; i++) await keys.press('ArrowRight');
  const before = await stepThrough.locator('[data-var="log"]').textContent();
  await keys.press('ArrowRight');
  await expect(stepThrough.locator('tr[aria-current="step"]')).toContainText('no append');
  await expect(stepThrough.locator('[data-var="log"]')).toHaveText(before ?? '');
  await expect(stepThrough.locator('[data-var="log"]')).toHaveAttribute('data-changed', 'false');
});

test('a flow diagram follows one path at a time, by mouse and keyboard', async ({ page }) => {
  await page.goto(lessons[1]?.path ?? '');
  const flow = page.locator('[data-flow]').first();
  const group = flow.getByRole('group', { name: /Follow a path/ });
  await expect(group.getByRole('button')).toHaveCount(4);
  await group.getByRole('button', { name: 'At-least-once' }).click();
  await expect(flow.locator('[data-flow-readout]')).toHaveText(/At-least-once → May be duplicated → Message consumed/);
  await expect(flow.locator('[data-node].off-path')).toHaveCount(4);
  await expect(group.getByRole('button', { name: 'At-least-once' })).toHaveAttribute('aria-pressed', 'true');
  await group.getByRole('button', { name: 'Exactly-once' }).focus();
  await page.keyboard.press('Enter');
  await expect(flow.locator('[data-flow-readout]')).toContainText('Exactly-once → Once');
  await group.getByRole('button', { name: 'Whole flow' }).focus();
  await page.keyboard.press('Space');
  await expect(flow.locator('.off-path')).toHaveCount(0);
  await expect(flow.locator('[data-flow-readout]')).toHaveText('');
});

test('on a phone, a step-through shows each step as a card that fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(lessons[3]?.path ?? '');
  const stepThrough = page.locator('[data-step-through]').first();
  const row = stepThrough.locator('tr[data-step-row="4"]');
  expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
  const box = await row.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  await expect(row.locator('td').first()).toBeVisible();
  const next = stepThrough.getByRole('button', { name: 'Next →' });
  for (let i = 0; i < 4; i++) await next.click();
  await expect(row).toHaveAttribute('aria-current', 'step');
  await expect(row).toBeInViewport();
});

test('the tabs switch with the mouse and the arrow keys', async ({ page }) => {
  await page.goto(lessons[4]?.path ?? '');
  const tablist = page.getByRole('tablist', { name: 'Code examples' });
  const tabs = tablist.getByRole('tab');
  await expect(tabs).toHaveCount(3);
  await expect(page.getByRole('tabpanel')).toContainText('producer.transaction()');
  await tabs.nth(1).click();
  await expect(page.getByRole('tabpanel')).toContainText('sendOffsetsToTransaction');
  await tabs.nth(1).press('ArrowRight');
  await expect(tabs.nth(2)).toBeFocused();
  await expect(page.getByRole('tabpanel')).toContainText('InitTransactions');
  await tabs.nth(2).press('ArrowRight');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
});

async function runConsole(page: Page, line: string): Promise<void> {
  const console = page.locator('[data-kafka-console]');
  await console.getByRole('textbox', { name: 'Command line' }).fill(line);
  await console.getByRole('button', { name: 'Run command' }).click();
  await expect(console).toHaveAttribute('data-state', 'idle');
}

const base = '--bootstrap-server localhost:9092 --topic example-topic';
const consumerLine = `kafka-console-consumer ${base} --from-beginning --max-messages 5`;

async function consoleOutput(page: Page): Promise<string[]> {
  return page.locator('[data-console-output] p').allTextContents();
}

test('the console: acks=all then the consumer prints the five messages the lesson shows', async ({ page }) => {
  await page.goto(lessons[2]?.path ?? '');
  await runConsole(page, `kafka-console-producer ${base} --sync --producer-property acks=all`);
  await runConsole(page, consumerLine);
  const out = await consoleOutput(page);
  const afterConsumer = out.slice(out.findIndex((l) => l.startsWith('$ kafka-console-consumer')) + 1);
  expect(afterConsumer).toEqual(['message1', 'message2', 'message3', 'message4', 'message5', 'Processed a total of 5 messages']);
});

test('the console: acks=0 with a dropped request loses message3 silently', async ({ page }) => {
  await page.goto(lessons[2]?.path ?? '');
  await page.locator('[data-console-fault]').selectOption('lose-request');
  await runConsole(page, `kafka-console-producer ${base} --sync --producer-property acks=0`);
  const produced = await consoleOutput(page);
  expect(produced.filter((l) => l.startsWith('ERROR'))).toEqual([]);
  await runConsole(page, consumerLine);
  const out = await consoleOutput(page);
  const afterConsumer = out.slice(out.findIndex((l) => l.startsWith('$ kafka-console-consumer')) + 1);
  expect(afterConsumer.filter((l) => l.startsWith('message'))).toEqual(['message1', 'message2', 'message4', 'message5']);
  expect(afterConsumer).toContain('Processed a total of 4 messages');
});

test('the console: acks=1 with a lost ack duplicates message3; acks=all does not', async ({ page }) => {
  await page.goto(lessons[2]?.path ?? '');
  await page.locator('[data-console-fault]').selectOption('lose-ack');
  await runConsole(page, `kafka-console-producer ${base} --sync --producer-property acks=1`);
  await runConsole(page, consumerLine);
  let out = await consoleOutput(page);
  expect(out.slice(out.findIndex((l) => l.startsWith('$ kafka-console-consumer')) + 1).filter((l) => l.startsWith('message'))).toEqual([
    'message1', 'message2', 'message3', 'message3', 'message4',
  ]);
  await page.getByRole('button', { name: 'Reset topic' }).click();
  await page.locator('[data-console-fault]').selectOption('none');
  await page.locator('[data-console-fault]').selectOption('lose-ack');
  await runConsole(page, `kafka-console-producer ${base} --sync --producer-property acks=all`);
  await runConsole(page, consumerLine);
  out = await consoleOutput(page);
  const last = out.slice(out.findLastIndex((l) => l.startsWith('$ kafka-console-consumer')) + 1);
  expect(last.filter((l) => l.startsWith('message'))).toEqual(['message1', 'message2', 'message3', 'message4', 'message5']);
});

test('the console: acks=1 and a leader crash before replication lose an acknowledged message', async ({ page }) => {
  await page.goto(lessons[2]?.path ?? '');
  await page.locator('[data-console-fault]').selectOption('crash-leader-before-replication');
  await runConsole(page, `kafka-console-producer ${base} --sync --producer-property acks=1`);
  await runConsole(page, consumerLine);
  const out = await consoleOutput(page);
  expect(out.slice(out.findIndex((l) => l.startsWith('$ kafka-console-consumer')) + 1).filter((l) => l.startsWith('message'))).toEqual([
    'message1', 'message2', 'message4', 'message5',
  ]);
});

test('each command of lesson 03 runs in the console from its own button', async ({ page }) => {
  await page.goto(lessons[2]?.path ?? '');
  const runs = page.getByRole('button', { name: '▶ Run in the console below' });
  await expect(runs).toHaveCount(5);
  const console = page.locator('[data-kafka-console]');
  await runs.nth(2).click(); // acks=all
  await expect(console.locator('[data-console-output] p.echo').first()).toContainText('acks=all');
  await expect(console).toHaveAttribute('data-state', 'idle');
  await runs.nth(3).click(); // the consumer
  await expect(console.locator('[data-console-output] p.stderr').last()).toHaveText('Processed a total of 5 messages');
  await expect(console.locator('[data-console-output]')).toBeFocused();
  await runs.nth(4).click(); // the removed --broker-list
  await expect(console.locator('[data-console-output] p.stderr').last()).toContainText('--bootstrap-server');
});

test('the console answers --broker-list with the Kafka 4 error', async ({ page }) => {
  await page.goto(lessons[2]?.path ?? '');
  await runConsole(page, 'kafka-console-producer --broker-list localhost:9092 --topic example-topic');
  await expect(page.locator('[data-console-output] p.stderr').first()).toHaveText('broker-list is not a recognized option');
});

test('predict, then run: acks=1 and a leader crash', async ({ page }) => {
  await page.goto(lessons[2]?.path ?? '');
  const predict = page.locator('[data-predict="acks1-leader-crash"]');
  const run = predict.getByRole('button', { name: 'Run it' });
  await expect(run).toBeDisabled();
  await predict.getByRole('radio').nth(1).check();
  await run.click();
  await expect(predict.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'correct');
  await expect(predict.locator('pre')).toContainText('Processed a total of 4 messages');
});

async function simulate(page: Page, settings: { acks: string; retries: string; idempotent: boolean; fault: string }): Promise<Locator> {
  const simulator = page.locator('[data-delivery-simulator]');
  await simulator.getByLabel('acks').selectOption(settings.acks);
  await simulator.getByLabel('Retries').selectOption(settings.retries);
  await simulator.getByLabel('Idempotent producer').setChecked(settings.idempotent);
  await simulator.getByLabel('Network fault on order3').selectOption(settings.fault);
  await simulator.getByRole('button', { name: 'Run simulation' }).click();
  await expect(simulator).toHaveAttribute('data-state', 'done');
  return simulator;
}

test('the simulator shows a loss for acks=0 with a dropped request', async ({ page }) => {
  await page.goto(lessons[4]?.path ?? '');
  const simulator = await simulate(page, { acks: '0', retries: '5', idempotent: false, fault: 'lose-request' });
  await expect(simulator.locator('[data-total="lost"] dd')).toHaveText('1');
  await expect(simulator.locator('[data-total="duplicated"] dd')).toHaveText('0');
  await expect(simulator.locator('tr[data-record="order3"]')).toHaveAttribute('data-fate', 'lost');
});

test('the simulator shows a duplicate for retries without idempotence after a lost ack, and none with it', async ({ page }) => {
  await page.goto(lessons[4]?.path ?? '');
  let simulator = await simulate(page, { acks: 'all', retries: '5', idempotent: false, fault: 'lose-ack' });
  await expect(simulator.locator('[data-total="duplicated"] dd')).toHaveText('1');
  await expect(simulator.locator('tr[data-record="order3"]')).toHaveAttribute('data-fate', 'duplicated');
  simulator = await simulate(page, { acks: 'all', retries: '5', idempotent: true, fault: 'lose-ack' });
  await expect(simulator.locator('[data-total="duplicated"] dd')).toHaveText('0');
  await expect(simulator.locator('[data-total="stored"] dd')).toHaveText('5');
});

test('a row of the acks list runs in the simulator: acks=1 and a leader crash lose an acknowledged order', async ({ page }) => {
  await page.goto(lessons[4]?.path ?? '');
  const presets = page.getByRole('group', { name: 'Run an acks setting in the simulator' });
  await presets.getByRole('button', { name: 'acks=1, leader crash' }).click();
  const simulator = page.locator('[data-delivery-simulator]');
  await expect(simulator).toHaveAttribute('data-state', 'done');
  await expect(simulator.getByLabel('acks')).toHaveValue('1');
  await expect(simulator.locator('tr[data-record="order3"]')).toHaveAttribute('data-fate', 'lost after ack');
  await expect(simulator.locator('[data-simulator-result]')).toBeFocused();
});

test('interactive states have no axe violations: a followed path, a current step, a simulator result', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(lessons[1]?.path ?? '');
    await page.getByRole('button', { name: 'At-least-once' }).click();
    await page.locator('[data-step-through]').first().getByRole('button', { name: 'Next →' }).click();
    let { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(lessons[4]?.path ?? '');
    await page.getByRole('button', { name: 'Run at-least-once (retries, ack lost)' }).click();
    await expect(page.locator('[data-delivery-simulator]')).toHaveAttribute('data-state', 'done');
    ({ violations } = await new AxeBuilder({ page }).analyze());
    expect(violations.map((v) => `${scheme} 390px: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});
