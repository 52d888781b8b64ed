/**
 * `npm run new:exercise -- <id> [--lesson <lesson-slug>]`
 *
 * Scaffolds `exercises/<id>/` as a working exercise to edit, in the spirit of TutorialKit's
 * templates: a producer exercise graded exactly-once under a lost acknowledgement, whose starter
 * fails, whose solution passes and whose one known-wrong file fails the check it names — so
 * `npm test` is green from the first minute and every later edit can be checked. It then prints the
 * next steps README's "Adding an exercise" describes. Exit status: 0 on success, 2 for a usage error.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exerciseFiles } from './new-exercise-template.ts';

const ID = /^[a-z0-9-]+$/;

/** Runs the command in the repository at `root`; resolves to the exit status. */
export function main(argv: readonly string[], root: string, out: (text: string) => void, err: (text: string) => void): number {
  let id: string | undefined;
  let lesson: string | undefined;
  try {
    const { positionals, values } = parseArgs({ args: [...argv], allowPositionals: true, options: { lesson: { type: 'string' } } });
    if (positionals.length !== 1) throw new Error('give exactly one exercise id');
    [id] = positionals;
    lesson = values.lesson ?? lastLesson(root);
  } catch (thrown) {
    err(`${thrown instanceof Error ? thrown.message : String(thrown)}\nusage: npm run new:exercise -- <id> [--lesson <lesson-slug>]`);
    return 2;
  }
  if (id === undefined || !ID.test(id)) return usage(err, `"${id ?? ''}" is not an exercise id: use lowercase letters, digits and dashes, e.g. orders-retry`);
  if (lesson === undefined || !ID.test(lesson)) return usage(err, 'no lesson to embed it in: pass --lesson <slug>, a file name under content/lessons without .mdx');
  const dir = join(root, 'exercises', id);
  if (existsSync(dir)) return usage(err, `exercises/${id}/ already exists: choose another id`);

  const files = exerciseFiles(id, lesson);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  out(nextSteps(id, lesson, Object.keys(files)));
  return 0;
}

function usage(err: (text: string) => void, message: string): number {
  err(message);
  return 2;
}

/** The lesson a new exercise most likely belongs to: the last one in course order (file names sort by their number). */
function lastLesson(root: string): string | undefined {
  const dir = join(root, 'content', 'lessons');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort().at(-1)?.replace(/\.mdx$/, '');
}

function nextSteps(id: string, lesson: string, files: readonly string[]): string {
  return `Created exercises/${id}/: ${files.join(', ')}

Next steps (README, "Adding an exercise"):
  1. Embed it in content/lessons/${lesson}.mdx where the student should meet it:
       <Exercise id="${id}" />
     (exercise.md says lesson: ${lesson}; to embed it elsewhere, change both.)
  2. Check that it grades: the starter fails, the solution passes.
       npm run --silent grade -- --exercise ${id} --engine node exercises/${id}/starter.ts exercises/${id}/solution.ts
  3. Make it yours: the prose in exercise.md, the runs and judge in checks.ts, then starter.ts,
     solution.ts and one wrong/*.ts per mistake you expect (first line: // expect-fail: <check id>).
  4. Run the exercise self-tests, and see it in the page with npm start:
       npx vitest run --config test/vitest.config.ts test/exercises/exercises.test.ts
`;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const root = resolve(new URL('../..', import.meta.url).pathname);
  process.exitCode = main(process.argv.slice(2), root, (text) => process.stdout.write(text), (text) => process.stderr.write(`${text}\n`));
}
