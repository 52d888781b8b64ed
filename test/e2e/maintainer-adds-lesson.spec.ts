/**
 * "A maintainer adds a lesson and an exercise by following README alone", done by a test in a
 * throwaway copy of the project (nothing is left in content/ or exercises/): it scaffolds an exercise
 * with `npm run new:exercise`, writes a new lesson from README's example lesson with the exercise
 * embedded, runs the real build, serves the result and checks the exercise in the lesson page through
 * the page hook, in the real browser.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../src/cli/static-server.ts';
import { buildCopy, copyProject, PROJECT_ROOT, writeProjectFile } from '../unit/maintainer/project-copy.ts';

const ID = 'orders-added';
const LESSON = '06-added-by-readme';

/** README's example lesson (the first ```mdx block of "Authoring lessons"), made the sixth lesson embedding `ID`. */
function lessonFromReadme(): string {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Authoring lessons'));
  const example = /```mdx\n([\s\S]*?)```/.exec(section)?.[1];
  if (example === undefined) throw new Error('README.md: no ```mdx example under "## Authoring lessons"');
  return example
    .replace(/^order: .*$/m, 'order: 6')
    .replace(/<Exercise id="[^"]*" \/>/, `<Exercise id="${ID}" />`)
    .replace(/^(title: ).*$/m, '$1A lesson added by following README');
}

test('a maintainer scaffolds an exercise, embeds it in a new lesson, builds, and the exercise checks in the page', async ({ page }) => {
  test.setTimeout(900_000);
  const project = copyProject('add-lesson');
  let server: StaticServer | undefined;
  try {
    const scaffold = spawnSync('npm', ['run', '--silent', 'new:exercise', '--', ID, '--lesson', LESSON], { cwd: project, encoding: 'utf8' });
    expect(scaffold.status, scaffold.stderr).toBe(0);
    const lesson = lessonFromReadme();
    expect(lesson).toContain(`<Exercise id="${ID}" />`);
    writeProjectFile(project, `content/lessons/${LESSON}.mdx`, lesson);

    const build = buildCopy(project);
    expect(build.ok, build.output.slice(-4000)).toBe(true);
    server = await serveStatic(join(project, 'out'));

    await page.goto(`${server.url}/lessons/${LESSON}/`);
    const exercise = page.locator(`[data-exercise="${ID}"]`);
    // An exercise loads its editor and compiler once it comes into view.
    await exercise.scrollIntoViewIfNeeded();
    await expect(exercise).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await expect(exercise).toContainText('every order once');
    // The components README's lesson uses render without an import: the tabs carry their own labels.
    await expect(page.getByRole('tab', { name: 'Java' })).toBeVisible();

    const check = () => page.evaluate((id) => window.courseExercises![id]!.check(), ID);
    const starter = await check();
    expect(starter.passed).toBe(false);
    const solution = readFileSync(join(project, 'exercises', ID, 'solution.ts'), 'utf8');
    await page.evaluate(([id, code]) => window.courseExercises![id!]!.setCode(code!), [ID, solution]);
    expect(await check()).toMatchObject({ exercise: ID, passed: true, error: null });
  } finally {
    await server?.close();
    rmSync(project, { recursive: true, force: true });
  }
});
