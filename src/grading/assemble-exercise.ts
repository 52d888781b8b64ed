/**
 * Builds a `LoadedExercise` from an exercise folder's contents, validating everything and naming the
 * file and the field of any problem. Shared by the Node loader (files read from disk) and the Vite
 * loader (files imported with `import.meta.glob`).
 */
import { parseExerciseMeta } from '../schemas/exercise.ts';
import { GUARANTEES } from '../schemas/guarantees.ts';
import type { ExerciseChecks } from './checks-types.ts';
import type { LoadedExercise, WrongSubmission } from './exercise-types.ts';

/** The raw contents of `exercises/<id>/`. */
export interface ExerciseFiles {
  /** exercise.md's front matter and prose (src/grading/exercise-markdown-file.ts), not yet validated. */
  meta: unknown;
  starter: string | undefined;
  solution: string | undefined;
  /** The module namespace of checks.ts. */
  checksModule: unknown;
  /** wrong/*.ts by file name. */
  wrong: Record<string, string>;
}

const EXPECT_FAIL = /^\s*\/\/\s*expect-fail:\s*(\S.*?)\s*$/m;

/** Validates and assembles one exercise; throws an Error naming the file and the field. */
export function assembleExercise(id: string, files: ExerciseFiles): LoadedExercise {
  const dir = `exercises/${id}`;
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`${dir}: the folder name must match ^[a-z0-9-]+$ — rename it with lowercase letters, digits and dashes`);
  const meta = parseExerciseMeta(files.meta, `${dir}/exercise.md`);
  if (files.starter === undefined) throw new Error(`${dir}/starter.ts: missing — every exercise needs a starter (what the student starts from; it must fail the checks)`);
  if (files.solution === undefined) throw new Error(`${dir}/solution.ts: missing — every exercise needs a solution (a reference submission that passes every check)`);
  const checks = (files.checksModule as { checks?: ExerciseChecks } | undefined)?.checks;
  if (checks === undefined || typeof checks.runs !== 'function' || typeof checks.judge !== 'function') {
    throw new Error(`${dir}/checks.ts: ${files.checksModule === undefined ? 'missing — every exercise needs its hidden checks; it ' : ''}must export \`checks\` with driver, runs() and judge()`);
  }
  const known = knownCheckIds(meta.steps.map((step) => step.id), checks);
  const wrong: WrongSubmission[] = Object.entries(files.wrong)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, source]) => {
      const expectFail = EXPECT_FAIL.exec(source.split('\n')[0] ?? '')?.[1];
      if (expectFail === undefined) throw new Error(`${dir}/wrong/${name}: the first line must be \`// expect-fail: <check id>\` — the check this submission must fail, e.g. ${examples(known)}`);
      if (!known.includes(expectFail)) throw new Error(`${dir}/wrong/${name}: expect-fail: no check has the id "${expectFail}" — use one of ${known.map((k) => `"${k}"`).join(', ')}`);
      return { file: `${dir}/wrong/${name}`, source, expectFail };
    });
  return { id, meta, starter: files.starter, solution: files.solution, checks, wrong };
}

/**
 * Every id an `// expect-fail:` line may name, as `check-ids.ts` resolves them in a report: a step id,
 * a guarantee, or `guarantee/scenario` for each graded run the checks declare (`guarantee/family` for a
 * family of schedules).
 */
function knownCheckIds(stepIds: readonly string[], checks: ExerciseChecks): string[] {
  // A family of schedules is reported, and so named, as one run.
  const runs = checks.runs().flatMap((run) => (run.guarantee === null ? [] : [`${run.guarantee}/${run.family ?? run.scenario}`]));
  return [...new Set([...stepIds, ...GUARANTEES, ...runs])];
}

function examples(known: readonly string[]): string {
  return known.slice(0, 3).map((k) => `"${k}"`).join(', ');
}
