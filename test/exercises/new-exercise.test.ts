/**
 * `npm run new:exercise` in a throwaway copy of the project: the scaffold must be a working exercise
 * as it stands — it loads, its starter fails, its solution passes, its known-wrong file fails the check
 * it names — and the grade command it prints must say so too.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassed, listChecks } from '../../src/grading/check-ids.ts';
import { gradeSubmission } from '../../src/grading/grade.ts';
import { loadExercise } from '../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../src/runner/engine.ts';
import { createNodeEngine } from '../../src/runner/node-engine.ts';
import { copyProject } from '../unit/maintainer/project-copy.ts';

const ID = 'orders-scaffolded';
let project = '';
let engine: SandboxEngine;

function npm(args: readonly string[]) {
  return spawnSync('npm', ['run', '--silent', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

beforeAll(async () => {
  project = copyProject('new-exercise');
  engine = await createNodeEngine();
});
afterAll(() => {
  engine.close();
  rmSync(project, { recursive: true, force: true });
});

describe('npm run new:exercise', () => {
  it('scaffolds an exercise that grades as a working one', async () => {
    const created = npm(['new:exercise', '--', ID, '--lesson', '05-delivery-semantics']);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain(`<Exercise id="${ID}" />`);
    expect(created.stdout).toContain(`npm run --silent grade -- --exercise ${ID} --engine node exercises/${ID}/starter.ts exercises/${ID}/solution.ts`);

    const exercise = await loadExercise(ID, join(project, 'exercises'));
    expect(exercise?.meta.lesson).toBe('05-delivery-semantics');
    if (exercise === undefined) return;
    const solution = await gradeSubmission(exercise, exercise.solution, engine, 'solution.ts');
    expect(listChecks(solution).filter((check) => !check.passed)).toEqual([]);
    expect(solution.passed).toBe(true);
    expect((await gradeSubmission(exercise, exercise.starter, engine, 'starter.ts')).passed).toBe(false);
    expect(exercise.wrong.length).toBe(1);
    for (const wrong of exercise.wrong) {
      const report = await gradeSubmission(exercise, wrong.source, engine, wrong.file);
      expect(checkPassed(report, wrong.expectFail), `${wrong.file} should fail ${wrong.expectFail}`).toBe(false);
    }
  });

  it('prints a grade command that fails the starter and passes the solution', () => {
    const graded = npm(['grade', '--', '--exercise', ID, '--engine', 'node', `exercises/${ID}/starter.ts`, `exercises/${ID}/solution.ts`]);
    expect(graded.stdout).toContain(`exercises/${ID}/starter.ts: 0/2 points`);
    expect(graded.stdout).toContain(`exercises/${ID}/solution.ts: 2/2 points`);
    expect(graded.status).toBe(1);
  });

  it('refuses an existing folder and a malformed id, exit status 2', () => {
    const again = npm(['new:exercise', '--', ID]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`exercises/${ID}/ already exists`);
    const malformed = npm(['new:exercise', '--', 'Orders_Retry']);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('"Orders_Retry" is not an exercise id');
  });
});
