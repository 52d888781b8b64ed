/**
 * What a maintainer gets wrong in an exercise folder, loaded the way the exercise self-tests load
 * exercises (`loadExercises()` on disk): each mistake must fail naming the file and the field and
 * saying what to do, and the same folders must load once fixed. Every mistake is a copy of
 * an existing exercise under its own id, so one project copy holds them all.
 */
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, loadExercises } from '../../../src/grading/load-exercises.ts';
import { copyProject, editFile } from './project-copy.ts';

let project = '';
let root = '';

/** A fresh copy of an existing exercise (orders-producer unless told) under `id`, inside the copied project. */
function exerciseLike(id: string, from = 'orders-producer'): string {
  cpSync(join(root, from), join(root, id), { recursive: true });
  return `exercises/${id}`;
}

beforeAll(() => {
  project = copyProject('exercises');
  root = join(project, 'exercises');
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('exercise.md mistakes', () => {
  it('a missing hint under the second step names the file, the field and what to add', async () => {
    const dir = exerciseLike('no-hint', 'orders-four-steps');
    editFile(project, `${dir}/exercise.md`, /\n> Hint: `const delivery_guarantee[^\n]*\n> [^\n]*\n/, '\n');
    await expect(loadExercise('no-hint', root)).rejects.toThrow('exercises/no-hint/exercise.md: steps[1].hint: Required — add "hint" to steps[1]');
  });

  it('a wrong type in the front matter names the field and the type expected', async () => {
    const dir = exerciseLike('title-number');
    editFile(project, `${dir}/exercise.md`, /^title: .*$/m, 'title: 42');
    await expect(loadExercise('title-number', root)).rejects.toThrow(/exercises\/title-number\/exercise\.md: title: .*expected string, received number/);
  });

  it('a step without its {#id} names the line and shows the heading to write', async () => {
    const dir = exerciseLike('no-step-id', 'orders-four-steps');
    editFile(project, `${dir}/exercise.md`, '### Print the result {#print-orders}', '### Print the result');
    await expect(loadExercise('no-step-id', root)).rejects.toThrow(/exercises\/no-step-id\/exercise\.md:\d+: "### Print the result": give the step its id, e\.g\. "### Print the result \{#print-the-result\}"/);
  });

  it('a misspelt section names the line and the sections there are', async () => {
    const dir = exerciseLike('bad-section');
    editFile(project, `${dir}/exercise.md`, '## Contract', '## Contrakt');
    await expect(loadExercise('bad-section', root)).rejects.toThrow(/exercises\/bad-section\/exercise\.md:\d+: unknown section "## Contrakt" — an exercise body has a summary, then "## Steps" \(optional\) and "## Contract"/);
  });

  it('a missing contract section reports the field', async () => {
    const dir = exerciseLike('no-contract');
    editFile(project, `${dir}/exercise.md`, /\n## Contract\n[\s\S]*$/, '\n');
    await expect(loadExercise('no-contract', root)).rejects.toThrow('exercises/no-contract/exercise.md: contract: Required — add "contract" to the top level');
  });

  it('a folder name outside ^[a-z0-9-]+$ is reported, not skipped', async () => {
    exerciseLike('Orders_Bad');
    await expect(loadExercises(root)).rejects.toThrow('exercises/Orders_Bad: the folder name must match ^[a-z0-9-]+$ — rename it');
    rmSync(join(root, 'Orders_Bad'), { recursive: true });
  });
});

describe('missing or broken files', () => {
  it('no solution.ts', async () => {
    const dir = exerciseLike('no-solution');
    rmSync(join(project, dir, 'solution.ts'));
    await expect(loadExercise('no-solution', root)).rejects.toThrow('exercises/no-solution/solution.ts: missing — every exercise needs a solution');
  });

  it('no checks.ts', async () => {
    const dir = exerciseLike('no-checks');
    rmSync(join(project, dir, 'checks.ts'));
    await expect(loadExercise('no-checks', root)).rejects.toThrow('exercises/no-checks/checks.ts: missing — every exercise needs its hidden checks');
  });

  it('a checks.ts that throws at import names the file and the error', async () => {
    const dir = exerciseLike('checks-throw');
    const file = join(project, dir, 'checks.ts');
    writeFileSync(file, `throw new Error('scenario table is empty');\n${readFileSync(file, 'utf8')}`);
    await expect(loadExercise('checks-throw', root)).rejects.toThrow('exercises/checks-throw/checks.ts: failed to load — fix the error it throws at import: scenario table is empty');
  });

  it('a wrong/*.ts without its expect-fail header', async () => {
    const dir = exerciseLike('no-header');
    editFile(project, `${dir}/wrong/acks-zero.ts`, /^\/\/ expect-fail:[^\n]*\n/, '');
    await expect(loadExercise('no-header', root)).rejects.toThrow(
      /exercises\/no-header\/wrong\/acks-zero\.ts: the first line must be `\/\/ expect-fail: <check id>` — the check this submission must fail, e\.g\. "/,
    );
  });

  it('a wrong/*.ts naming a check id that does not exist lists the ids that do', async () => {
    const dir = exerciseLike('bad-check-id');
    editFile(project, `${dir}/wrong/acks-zero.ts`, /^\/\/ expect-fail:[^\n]*/, '// expect-fail: at-least-once/lost akc');
    const error = await loadExercise('bad-check-id', root).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('exercises/bad-check-id/wrong/acks-zero.ts: expect-fail: no check has the id "at-least-once/lost akc" — use one of');
    // The real scenario ids are offered, so the typo is easy to spot.
    expect(message).toMatch(/"at-least-once\/[^"]+"/);
  });
});

describe('once fixed', () => {
  it('every exercise loads again, the renamed folder included', async () => {
    for (const broken of ['no-hint', 'title-number', 'no-step-id', 'bad-section', 'no-contract', 'no-solution', 'no-checks', 'checks-throw', 'no-header', 'bad-check-id']) {
      rmSync(join(root, broken), { recursive: true });
    }
    exerciseLike('Orders_Bad');
    renameSync(join(root, 'Orders_Bad'), join(root, 'orders-bad'));
    const ids = (await loadExercises(root)).map((exercise) => exercise.id);
    expect(ids).toContain('orders-bad');
    expect(ids).toContain('orders-producer');
  });
});
