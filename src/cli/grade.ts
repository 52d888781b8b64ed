/**
 * `npm run --silent grade -- --exercise <id> [--engine browser|node] [--json] [--junit FILE] FILE...`
 *
 * Grades submissions the way the page's Check does. Exit status: 0 when every file passed, 1 when
 * any failed (compile errors and timeouts included), 2 for a usage error (unknown exercise, missing
 * file). With --json, stdout carries only JSON: an object for one file, an array for several.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadExercise, listExerciseIds } from '../grading/load-exercises.ts';
import type { GradeReport } from '../schemas/grade-report.ts';
import { parseGradeArgs, type GradeArgs } from './grade-args.ts';
import { formatJunit, formatTable, pointsSummary } from './grade-output.ts';
import { createEngine, defaultEngineName } from './engines.ts';

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
    err(`no such file: ${missing.join(', ')}`);
    return 2;
  }
  let engine;
  try {
    engine = await createEngine(args.engine ?? defaultEngineName(), args.serverUrl === undefined ? {} : { serverUrl: args.serverUrl });
  } catch (thrown) {
    err(thrown instanceof Error ? thrown.message : String(thrown));
    return 2;
  }
  const reports: GradeReport[] = [];
  try {
    for (const file of args.files) reports.push(await engine.grade(exercise, readFileSync(file, 'utf8'), file));
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

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const status = await main(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
  );
  process.exitCode = status;
}
