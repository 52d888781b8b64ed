/**
 * Runs one exercise's hidden runs (or a subset) for a source and returns the raw observations, with
 * trace and side effects — what the tests of the cluster drivers look at beyond the graded report.
 */
import type { LoadedExercise } from '../../src/grading/exercise-types.ts';
import type { SandboxEngine } from '../../src/runner/engine.ts';
import type { RunObservation } from '../../src/shared/sandbox-protocol.ts';

/** The observation of the run named `scenario` for `guarantee`, for `source`. */
export async function observeRun(engine: SandboxEngine, exercise: LoadedExercise, source: string, guarantee: string, scenario: string): Promise<RunObservation> {
  const run = exercise.checks.runs().find((r) => r.guarantee === guarantee && r.scenario === scenario);
  if (run === undefined) throw new Error(`${exercise.id} has no run ${guarantee}/${scenario}`);
  const compiled = await engine.compile(source);
  if (!compiled.ok) throw new Error(`does not compile: ${compiled.error.message}`);
  const result = await engine.run({ code: compiled.code, map: compiled.map, driver: exercise.checks.driver, runs: [run] });
  const observation = result.runs[0];
  if (observation === undefined) throw new Error(result.sandboxError ?? 'no observation');
  return observation;
}

/** The trace's events as plain records, for assertions. */
export function traceEvents(observation: RunObservation): { kind: string; clientId?: string; detail?: string }[] {
  return observation.trace as { kind: string; clientId?: string; detail?: string }[];
}
