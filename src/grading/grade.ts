/**
 * Grades one submission: compile, run every run of the exercise's checks in the engine's sandbox, and
 * judge the observations here, outside the sandbox. Returns the report `grade --json` prints.
 */
import { emptyObservation, type RunObservation, type SandboxEngine, type SandboxRun } from '../shared/sandbox-protocol.ts';
import type { GradeError, GradeReport, GuaranteeReport, RunReport, StepReport } from '../schemas/grade-report.ts';
import { GUARANTEES } from '../schemas/guarantees.ts';
import type { StepInput, Verdict } from './checks-types.ts';
import { gradeErrorOf } from './grade-error.ts';
import type { LoadedExercise } from './exercise-types.ts';

/** Grades `source` for `exercise`; never throws for anything the submission does. */
export async function gradeSubmission(exercise: LoadedExercise, source: string, engine: SandboxEngine, file = 'submission.ts'): Promise<GradeReport> {
  const runs = exercise.checks.runs();
  const compiled = await engine.compile(source);
  if (!compiled.ok) return stoppedReport(exercise, file, runs, compiled.error, 'not run: the program does not compile');
  let observations: (RunObservation | undefined)[];
  try {
    observations = await runWithResume(exercise, compiled, runs, engine);
  } catch (thrown) {
    const message = `the sandbox failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
    return stoppedReport(exercise, file, runs, { kind: 'sandbox', message }, 'not run: the sandbox failed');
  }
  // Trust only what the request asked for: pair observations with runs by position, never by their own labels.
  const paired = runs.map((run, index) => ({ run, observation: sanitize(observations[index], run) }));
  const asWritten = paired.find(({ run }) => run.guarantee === null)?.observation;
  const steps = stepReports(exercise, { source, code: compiled.code, asWritten });
  const guarantees: GuaranteeReport[] = [];
  for (const guarantee of GUARANTEES) {
    const mine = paired.filter(({ run }) => run.guarantee === guarantee);
    if (mine.length === 0) continue;
    const reports = foldFamilies(mine.map(({ run, observation }) => ({ run, observation, verdict: safeJudge(exercise, observation) })));
    guarantees.push({ guarantee, passed: reports.every((r) => r.passed), runs: reports });
  }
  const passed = steps.every((s) => s.passed) && guarantees.every((g) => g.passed);
  return { exercise: exercise.id, file, passed, error: null, steps, guarantees };
}

/**
 * Runs every run in one engine call, and resumes where the engine's wall-clock limit stopped it as long
 * as the call made progress: a slow cold start of the sandbox (a first QuickJS or Worker start on a busy
 * machine) cannot make a correct submission time out, while an endless loop still ends the Check —
 * the call that starts with the looping run makes no progress, after one more time limit. A submission
 * whose every run takes just under the limit could otherwise cost one limit per run, so the engine is
 * called at most MAX_ENGINE_CALLS times: a Check ends within that many time limits.
 */
const MAX_ENGINE_CALLS = 3;

async function runWithResume(exercise: LoadedExercise, compiled: { code: string; map: string }, runs: SandboxRun[], engine: SandboxEngine): Promise<(RunObservation | undefined)[]> {
  const observations: (RunObservation | undefined)[] = [];
  let pending = runs;
  for (let call = 1; pending.length > 0; call++) {
    const result = await engine.run({
      code: compiled.code,
      map: compiled.map,
      driver: exercise.checks.driver,
      runs: pending,
      ...(exercise.checks.observe === undefined ? {} : { observe: [...exercise.checks.observe] }),
    });
    if (result.sandboxError !== undefined) throw new Error(result.sandboxError);
    // A missing observation stays missing, and is reported as such when the runs are paired.
    const got = pending.map((_run, index) => result.runs[index]);
    const stoppedAt = timedOutSuffix(got);
    if (stoppedAt <= 0 || call === MAX_ENGINE_CALLS) {
      observations.push(...got);
      break;
    }
    observations.push(...got.slice(0, stoppedAt));
    pending = pending.slice(stoppedAt);
  }
  return observations;
}

/** Where the trailing runs that the time limit stopped (or never started) begin; -1 when none did. */
function timedOutSuffix(got: readonly (RunObservation | undefined)[]): number {
  let start = -1;
  for (let index = got.length - 1; index >= 0; index--) {
    const observation = got[index];
    // A timeout seen in virtual time (a deadlock) is the program's, and would recur: not a cut to resume after.
    if (observation === undefined || (observation.error?.kind === 'timeout' && observation.error.inVirtualTime !== true)) start = index;
    else break;
  }
  return start;
}

function stepReports(exercise: LoadedExercise, input: StepInput): StepReport[] {
  if (exercise.meta.steps.length === 0) return [];
  let verdicts: Record<string, Verdict> = {};
  try {
    verdicts = exercise.checks.steps?.(input) ?? {};
  } catch {
    // A step check that throws fails its steps below rather than the whole report.
    verdicts = {};
  }
  return exercise.meta.steps.map((step) => {
    const verdict = verdicts[step.id] ?? { passed: false, message: 'this step could not be checked' };
    return { id: step.id, title: step.title, passed: verdict.passed, message: verdict.message };
  });
}

function safeJudge(exercise: LoadedExercise, observation: RunObservation): Verdict {
  try {
    return exercise.checks.judge(observation);
  } catch (thrown) {
    return { passed: false, message: `the check itself failed: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
}

/** One run with its verdict. */
interface JudgedRun {
  run: SandboxRun;
  observation: RunObservation;
  verdict: Verdict;
}

/**
 * Reports lone runs as they are, and each family of schedules (the runs sharing `family`, e.g. a crash
 * at each call) as one run, where the family first appears: it passes when no explored schedule broke
 * the guarantee, and a failure names the smallest schedule that did (the runs come smallest first).
 * A schedule whose planned fault never struck (the program made fewer calls) was not explored: it is
 * the run without a fault, judged on its own elsewhere.
 */
function foldFamilies(judged: readonly JudgedRun[]): RunReport[] {
  const reports: RunReport[] = [];
  const families = new Map<string, JudgedRun[]>();
  for (const entry of judged) {
    const family = entry.run.family;
    if (family === undefined) {
      reports.push(runReport(entry.observation, entry.verdict));
      continue;
    }
    let members = families.get(family);
    if (members === undefined) {
      members = [];
      families.set(family, members);
      // A placeholder keeps the family's place in the report; filled in below.
      reports.push({ scenario: family, seed: entry.run.seed, processed_orders: null, passed: true, message: '' });
    }
    members.push(entry);
  }
  return reports.map((report) => {
    const members = families.get(report.scenario);
    return members === undefined || report.message !== '' ? report : familyReport(report.scenario, members);
  });
}

function familyReport(family: string, members: readonly JudgedRun[]): RunReport {
  // A schedule stopped by the time limit was explored, and failed: the program did not finish.
  const explored = members.filter(({ run, observation }) => plannedFaultStruck(run, observation) || observation.error?.kind === 'timeout');
  const failing = explored.filter(({ verdict }) => !verdict.passed);
  const first = failing[0];
  const shown = first ?? explored[explored.length - 1] ?? members[0];
  if (shown === undefined) return { scenario: family, seed: 0, processed_orders: null, passed: true, message: 'no schedule to explore', schedules: { explored: 0, failed: 0 } };
  const schedules: NonNullable<RunReport['schedules']> = { explored: explored.length, failed: failing.length };
  const report = runReport(shown.observation, shown.verdict);
  report.scenario = family;
  report.schedules = schedules;
  if (first !== undefined) {
    schedules.first_failing = first.run.scenario;
    report.message = `${first.run.scenario} (the first of ${failing.length} failing schedule${failing.length === 1 ? '' : 's'} out of ${explored.length}): ${first.verdict.message}`;
  } else if (explored.length === 0) {
    report.message = 'not explored: the program made none of the calls these schedules strike';
  } else {
    report.message = `${explored.length} schedule${explored.length === 1 ? '' : 's'} explored, none broke it: ${shown.verdict.message}`;
  }
  return report;
}

/** Whether the run's planned fault (its first) fired: the broker reports it in faultsHit. */
function plannedFaultStruck(run: SandboxRun, observation: RunObservation): boolean {
  const planned = (run.faults[0] as { fault?: unknown } | undefined)?.fault;
  return observation.faultsHit.some((hit) => (hit as { fault?: unknown } | null)?.fault === planned);
}

function runReport(observation: RunObservation, verdict: Verdict): RunReport {
  const report: RunReport = {
    scenario: observation.scenario,
    seed: observation.seed,
    processed_orders: observation.processed_orders,
    passed: verdict.passed,
    message: verdict.message,
  };
  if (observation.error !== undefined) report.error = gradeErrorOf(observation.error);
  return report;
}

/**
 * Rebuilds an observation from the request's run and only well-typed observed fields, so a sandbox
 * that misbehaved cannot smuggle another scenario, seed or order list into the report.
 */
function sanitize(observation: RunObservation | undefined, run: SandboxRun): RunObservation {
  const clean = emptyObservation(run);
  if (observation === undefined) {
    clean.error = { kind: 'runtime', name: 'Error', message: 'the sandbox returned no observation for this run' };
    return clean;
  }
  if (Array.isArray(observation.processed_orders) && observation.processed_orders.every((v) => typeof v === 'string')) {
    clean.processed_orders = [...observation.processed_orders];
  }
  if (Array.isArray(observation.side_effects) && observation.side_effects.every((v) => typeof v === 'string')) {
    clean.side_effects = [...observation.side_effects];
  }
  if (Array.isArray(observation.console)) clean.console = observation.console.filter((l): l is string => typeof l === 'string');
  if (Array.isArray(observation.faultsHit)) clean.faultsHit = observation.faultsHit;
  if (Array.isArray(observation.trace)) clean.trace = observation.trace;
  if (typeof observation.observed === 'object' && observation.observed !== null) clean.observed = observation.observed;
  if (typeof observation.callsOut === 'number') clean.callsOut = observation.callsOut;
  const error = observation.error;
  if (error !== undefined && (error.kind === 'runtime' || error.kind === 'timeout')) {
    clean.error = { kind: error.kind, name: String(error.name), message: String(error.message) };
    if (typeof error.line === 'number' && error.line > 0) clean.error.line = error.line;
    if (typeof error.column === 'number' && error.column > 0) clean.error.column = error.column;
  }
  return clean;
}

/** A report for a submission that was stopped before its runs: every step and run failed with `why`. */
export function stoppedReport(exercise: LoadedExercise, file: string, runs: SandboxRun[], error: GradeError, why: string): GradeReport {
  const guarantees: GuaranteeReport[] = [];
  for (const guarantee of GUARANTEES) {
    const mine = runs.filter((run) => run.guarantee === guarantee);
    if (mine.length === 0) continue;
    // A family of schedules is one entry, as in a report of runs that ran.
    const shown = mine.filter((run, index) => run.family === undefined || mine.findIndex((other) => other.family === run.family) === index);
    guarantees.push({
      guarantee,
      passed: false,
      runs: shown.map((run) => ({ scenario: run.family ?? run.scenario, seed: run.seed, processed_orders: null, passed: false, message: why })),
    });
  }
  const steps = exercise.meta.steps.map((step) => ({ id: step.id, title: step.title, passed: false, message: why }));
  return { exercise: exercise.id, file, passed: false, error, steps, guarantees };
}
