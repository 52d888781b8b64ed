/**
 * What the security tests share: one Node engine (QuickJS in a worker thread) per test file, a grader
 * that checks every report is well-formed, and the inputs a hostile student could know — everything in
 * an exercise's checks is bundled into the page, so an attacker can know the runs, seeds and order ids.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { gradeSubmission } from '../../../src/grading/grade.ts';
import { loadExercise } from '../../../src/grading/load-exercises.ts';
import type { LoadedExercise } from '../../../src/grading/exercise-types.ts';
import type { SandboxEngine } from '../../../src/runner/engine.ts';
import { createNodeEngine } from '../../../src/runner/node-engine.ts';
import { gradeReportSchema, type GradeReport } from '../../../src/schemas/grade-report.ts';

/** The wall-clock limit of tests about the time limit: short, so a hang shows quickly. */
export const ATTACK_TIME_LIMIT_MS = 1500;

/**
 * The limit of every other test: generous, so that on a busy machine a program that ends is never cut
 * off by the limit and reported as a timeout instead of what the test is about.
 */
export const GENEROUS_TIME_LIMIT_MS = 30_000;

export type ExerciseId = 'orders-four-steps' | 'orders-producer' | 'orders-consumer' | 'orders-transactions';

const loaded = new Map<ExerciseId, LoadedExercise>();

/** Loads an exercise once per file. */
export async function exercise(id: ExerciseId): Promise<LoadedExercise> {
  let found = loaded.get(id);
  if (found === undefined) {
    found = await loadExercise(id);
    if (found === undefined) throw new Error(`no exercise ${id}`);
    loaded.set(id, found);
  }
  return found;
}

/**
 * Registers a Node engine for the current test file and returns a getter for it. Only tests whose
 * submissions are meant to hit the limit should pass ATTACK_TIME_LIMIT_MS.
 */
export function useEngine(timeLimitMs = GENEROUS_TIME_LIMIT_MS): () => SandboxEngine {
  let engine: SandboxEngine | undefined;
  beforeAll(async () => {
    engine = await createNodeEngine({ timeLimitMs });
  });
  afterAll(() => engine?.close());
  return () => {
    if (engine === undefined) throw new Error('engine not started');
    return engine;
  };
}

/** Grades `source` and asserts the report has the `grade --json` shape. */
export async function grade(engine: SandboxEngine, id: ExerciseId, source: string): Promise<GradeReport> {
  const report = await gradeSubmission(await exercise(id), source, engine, 'attack.ts');
  return gradeReportSchema.parse(report);
}

/** Asserts the attack did not pass: the report fails overall and at least one check in it failed. */
export function expectNoPass(report: GradeReport): void {
  expect(report.passed).toBe(false);
  const runs = report.guarantees.flatMap((g) => g.runs);
  expect(runs.some((run) => !run.passed) || report.steps.some((step) => !step.passed) || report.error !== null).toBe(true);
}

/** Every run error kind in a report, in order. */
export function runErrorKinds(report: GradeReport): (string | undefined)[] {
  return report.guarantees.flatMap((g) => g.runs.map((run) => run.error?.kind));
}

/**
 * Observations that would pass every run of an exercise (each order delivered exactly once), as the
 * JSON a forger would hand to the host: built from the exercise's public runs.
 */
export async function forgedObservationsJson(id: ExerciseId): Promise<string> {
  const runs = (await exercise(id)).checks.runs();
  return JSON.stringify(
    runs.map((run) => ({
      scenario: run.scenario,
      seed: run.seed,
      guarantee: run.guarantee,
      orders: run.orders,
      processed_orders: run.guarantee === 'at-least-once' && id === 'orders-four-steps' ? run.orders.flatMap((o) => [o, o]) : run.orders,
      console: [JSON.stringify(run.orders)],
      faultsHit: [],
      trace: [],
      observed: { orders: run.orders, delivery_guarantee: run.guarantee, processed_orders: run.orders },
    })),
  );
}
