/**
 * The Run button: the learner's program once, as the checks' demonstration run (the program as written,
 * else the first run without faults), reported with its console and trace. The in-page runner and the
 * server's /api/run both call this, so Run shows the same thing in either grading mode.
 */
import type { LoadedExercise } from './exercise-types.ts';
import { gradeErrorOf } from './grade-error.ts';
import type { SandboxEngine, SandboxRun } from '../shared/sandbox-protocol.ts';
import type { ProgramRunReport } from '../schemas/grade-report.ts';

/** The run that Run makes. */
export function demoRun(runs: readonly SandboxRun[]): SandboxRun | undefined {
  return runs.find((r) => r.guarantee === null) ?? runs.find((r) => r.faults.length === 0) ?? runs[0];
}

/** Compiles and runs `source` once; never throws for anything the program does. */
export async function runProgramOnce(exercise: LoadedExercise, source: string, engine: SandboxEngine, file: string): Promise<ProgramRunReport> {
  const report: ProgramRunReport = { exercise: exercise.id, file, error: null, console: [], trace: [], processed_orders: null };
  const compiled = await engine.compile(source);
  if (!compiled.ok) return { ...report, error: compiled.error };
  const { checks } = exercise;
  const run = demoRun(checks.runs());
  if (run === undefined) return { ...report, error: { kind: 'sandbox', message: 'this exercise defines no runs' } };
  const result = await engine.run({
    code: compiled.code,
    map: compiled.map,
    driver: checks.driver,
    runs: [run],
    ...(checks.observe === undefined ? {} : { observe: [...checks.observe] }),
  });
  const observation = result.runs[0];
  if (result.sandboxError !== undefined || observation === undefined) {
    return { ...report, error: { kind: 'sandbox', message: result.sandboxError ?? 'the sandbox returned nothing' } };
  }
  return {
    ...report,
    error: observation.error === undefined ? null : gradeErrorOf(observation.error),
    console: observation.console,
    trace: observation.trace,
    processed_orders: observation.processed_orders,
  };
}
