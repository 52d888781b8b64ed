/**
 * `npm run --silent grade -- --exercise <id> [--engine browser|node] [--json] [--junit FILE] FILE...`
 *
 * Grades submissions the way the page's Check does. Exit status: 0 when every file passed, 1 when
 * any failed (compile errors and timeouts included), 2 for a usage error (unknown exercise, missing
 * file). With --json, stdout carries only JSON: an object for one file, an array for several.
 */
import { closeSync, existsSync, openSync, readSync, writeFileSync } from 'node:fs';
import { stoppedReport } from '../grading/grade.ts';
import type { LoadedExercise } from '../grading/exercise-types.ts';
import { MAX_SOURCE_LENGTH } from '../runner/source-limits.ts';
import { loadExercise, listExerciseIds } from '../grading/load-exercises.ts';
import type { GradeReport } from '../schemas/grade-report.ts';
import { parseGradeArgs, type GradeArgs } from './grade-args.ts';
import { formatJunit, formatTable, pointsSummary } from './grade-output.ts';
import { printable } from './printable.ts';
import { createEngine, DEFAULT_ENGINE, type GradingEngine } from './engines.ts';

/** Runs the CLI and resolves to its exit status. Output goes to the given streams. */
export async function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  let args: GradeArgs;
  try {
    args = parseGradeArgs(argv);
  } catch (thrown) {
    err(thrown instanceof Error ? thrown.message : String(thrown));
    return 2;
  }
  const exercise = await loadExercise(args.exercise).catch((thrown: unknown) => {
    err(thrown instanceof Error ? thrown.message : String(thrown));
    return null;
  });
  if (exercise === null) return 2;
  if (exercise === undefined) {
    err(`unknown exercise '${args.exercise}' (known: ${(await listExerciseIds()).join(', ')})`);
    return 2;
  }
  const missing = args.files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    err(`no such file: ${missing.map(printable).join(', ')}`);
    return 2;
  }
  const startEngine = (): Promise<GradingEngine> => createEngine(args.engine ?? DEFAULT_ENGINE, args.serverUrl === undefined ? {} : { serverUrl: args.serverUrl });
  let engine: GradingEngine;
  try {
    engine = await startEngine();
  } catch (thrown) {
    err(thrown instanceof Error ? thrown.message : String(thrown));
    return 2;
  }
  const reports: GradeReport[] = [];
  try {
    for (const file of args.files) {
      const graded = await gradeAlone(engine, exercise, file);
      reports.push(graded.report);
      // The engine may be stuck on what the file did: the next file gets a fresh one.
      if (graded.engineSuspect) {
        void Promise.resolve(engine.close()).catch(() => undefined);
        engine = await startEngine();
      }
    }
  } finally {
    await engine.close();
  }
  if (args.json) out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  else out(reports.map(formatTable).join('\n\n'));
  // The points summary is for humans and Classroom logs; with --json it must stay off stdout.
  (args.json ? err : out)(pointsSummary(reports).text);
  if (args.junit !== undefined) writeFileSync(args.junit, formatJunit(reports));
  return reports.every((r) => r.passed) ? 0 : 1;
}

/**
 * Past this wall-clock time one file's grading is abandoned. The engines stop a compile and every run
 * on their own well before it (the compile limit plus a few run limits); this is the last line, so no
 * submission can hold up the rest of the class.
 */
export const FILE_TIME_LIMIT_MS = 120_000;

/**
 * Grades one file so that nothing it does costs the other files their reports: a file too big to read
 * whole, an engine that throws, or one that never answers each become this file's failed report.
 */
export async function gradeAlone(engine: GradingEngine, exercise: LoadedExercise, file: string, timeLimitMs = FILE_TIME_LIMIT_MS): Promise<{ report: GradeReport; engineSuspect: boolean }> {
  const failed = (message: string): GradeReport => stoppedReport(exercise, file, exercise.checks.runs(), { kind: 'sandbox', message }, 'not run: grading this file failed');
  let source: string;
  try {
    source = readSource(file);
  } catch (thrown) {
    return { report: failed(`could not read the file: ${thrown instanceof Error ? thrown.message : String(thrown)}`), engineSuspect: false };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeLimitMs);
  });
  try {
    const outcome = await Promise.race([deadline, engine.grade(exercise, source, file)]);
    if (outcome === 'timeout') return { report: failed(`grading this file took longer than ${timeLimitMs / 1000} s and was stopped`), engineSuspect: true };
    return { report: outcome, engineSuspect: false };
  } catch (thrown) {
    return { report: failed(`grading this file failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`), engineSuspect: true };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The file's text, read up to a little past the longest source accepted: a huge file is refused by the
 * compiler's length limit without ever being held whole in memory.
 */
function readSource(file: string): string {
  const cap = MAX_SOURCE_LENGTH * 4 + 4;
  const buffer = Buffer.alloc(cap);
  const fd = openSync(file, 'r');
  try {
    let length = 0;
    for (let got = -1; got !== 0 && length < cap; length += got) got = readSync(fd, buffer, length, cap - length, null);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const status = await main(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
  );
  process.exitCode = status;
}
