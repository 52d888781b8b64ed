import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassed, listChecks } from '../../src/grading/check-ids.ts';
import { gradeSubmission } from '../../src/grading/grade.ts';
import { loadExercises } from '../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../src/runner/engine.ts';
import { createNodeEngine } from '../../src/runner/node-engine.ts';
import { gradeReportSchema } from '../../src/schemas/grade-report.ts';

const exercises = await loadExercises();
let engine: SandboxEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine.close());

describe.each(exercises.map((e) => [e.id, e] as const))('exercise %s', (_id, exercise) => {
  it('has a solution that passes every check', async () => {
    const report = gradeReportSchema.parse(await gradeSubmission(exercise, exercise.solution, engine, 'solution.ts'));
    const failed = listChecks(report).filter((c) => !c.passed);
    expect(failed).toEqual([]);
    expect(report.error).toBeNull();
    expect(report.passed).toBe(true);
  });

  it('has a starter that fails', async () => {
    const report = await gradeSubmission(exercise, exercise.starter, engine, 'starter.ts');
    expect(report.passed).toBe(false);
  });

  it.each(exercise.wrong.map((w) => [w.file, w] as const))('fails %s on the check it names', async (_file, wrong) => {
    const report = await gradeSubmission(exercise, wrong.source, engine, wrong.file);
    expect(report.passed).toBe(false);
    expect(checkPassed(report, wrong.expectFail), `${wrong.expectFail} should exist and fail`).toBe(false);
  });
});
