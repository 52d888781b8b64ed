/**
 * What a maintainer gets wrong in a lesson, through the real `astro build` on a throwaway copy: each
 * mistake must stop the build with a message naming the lesson file and the field and saying what to
 * do, and the copy must build again once fixed. Builds are slow (~5–30 s), so front-matter mistakes
 * share one lesson (the schema reports every issue of an entry at once) and each build checks a lot.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCopy, copyProject, editFile } from './project-copy.ts';

const LESSON = 'content/lessons/04-at-least-once-step-by-step.mdx';
const BUILD_MS = 180_000;

let project = '';
let original = '';

/** Puts the lesson back as it was, so each mistake is made on a clean lesson. */
function restoreLesson(): void {
  writeFileSync(join(project, LESSON), original);
}

beforeAll(() => {
  project = copyProject('build');
  original = readFileSync(join(project, LESSON), 'utf8');
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('astro build on a broken lesson', () => {
  it('reports a missing title, a question with two correct options and a leftover exercises: list, naming the file', { timeout: BUILD_MS }, () => {
    restoreLesson();
    editFile(project, LESSON, /^title: [^\n]*\n/m, '');
    // Exercises are read from the <Exercise id> tags now; an old front-matter list is refused with what to do.
    editFile(project, LESSON, /^seed: .*$/m, '$&\nexercises: [orders-consumer]');
    // The first question's "Step 3" option becomes a second correct answer.
    editFile(project, LESSON, '          - text: Step 3\n', '          - text: Step 3\n            correct: true\n');
    const { ok, output } = buildCopy(project);
    expect(ok).toBe(false);
    expect(output).toContain(`${LESSON}`);
    expect(output).toContain('title: Required — add `title: …` (the lesson title)');
    expect(output).toContain('exercises: remove `exercises:` — the exercises a lesson embeds are read from its <Exercise id="…" /> tags');
    expect(output).toContain('quizzes.0.questions.0.options: needs exactly one option with correct: true, found 2');
  });

  it('reports a question with no correct option and a missing order', { timeout: BUILD_MS }, () => {
    restoreLesson();
    editFile(project, LESSON, '          - text: Step 4\n            correct: true\n', '          - text: Step 4\n');
    editFile(project, LESSON, /^order: 4\n/m, '');
    const { ok, output } = buildCopy(project);
    expect(ok).toBe(false);
    expect(output).toContain(`${LESSON}`);
    expect(output).toContain('quizzes.0.questions.0.options: needs exactly one option with correct: true, found 0');
    expect(output).toContain('order: Required — add `order: …` (the position in the course, 1, 2, 3…, each used once)');
  });

  it('reports <Exercise id="orders-consumr" /> in the body with the lesson file', { timeout: BUILD_MS }, () => {
    restoreLesson();
    editFile(project, LESSON, '<Exercise id="orders-consumer" />', '<Exercise id="orders-consumr" />');
    const { ok, output } = buildCopy(project);
    expect(ok).toBe(false);
    expect(output).toContain(`${LESSON}: <Exercise id="orders-consumr" />: unknown exercise id — use a folder name under exercises/ (known: orders-consumer,`);
  });

  it('reports a misspelt component with the lesson file, the line and the components there are', { timeout: BUILD_MS }, () => {
    restoreLesson();
    const line = original.split('\n').findIndex((text) => text.startsWith('<Callout')) + 1;
    expect(line).toBeGreaterThan(0);
    editFile(project, LESSON, /^<Callout/m, '<Calout');
    const { ok, output } = buildCopy(project);
    expect(ok).toBe(false);
    expect(output).toContain(`${LESSON}:${line}: <Calout>: unknown component — use one of AtLeastOnceSteps, Callout,`);
  });

  it('reports an embedded exercise whose exercise.md names another lesson', { timeout: BUILD_MS }, () => {
    restoreLesson();
    editFile(project, LESSON, '<Exercise id="orders-consumer" />', '<Exercise id="orders-consumer" />\n\n<Exercise id="orders-producer" />');
    const { ok, output } = buildCopy(project);
    expect(ok).toBe(false);
    expect(output).toContain(`${LESSON}: <Exercise id="orders-producer" />: exercises/orders-producer/exercise.md has lesson: 01-why-delivery-guarantees — set it to 04-at-least-once-step-by-step`);
  });

  it('reports a duplicate order with both lessons', { timeout: BUILD_MS }, () => {
    restoreLesson();
    editFile(project, LESSON, /^order: 4$/m, 'order: 3');
    const { ok, output } = buildCopy(project);
    expect(ok).toBe(false);
    expect(output).toContain('content/lessons: 03-the-commands and 04-at-least-once-step-by-step both have order: 3');
  });

  it('builds again once the lesson is fixed', { timeout: BUILD_MS }, () => {
    restoreLesson();
    const { ok, output } = buildCopy(project);
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(ok).toBe(true);
  });
});
