/**
 * The JavaScript budget, checked on the built site (`npm test` builds before this runs): a lesson page
 * without an exercise ships at most 10 KB of JavaScript, gzip-compressed, before any interaction —
 * its own scripts and every chunk they import statically (src/build/page-weight.ts, also used by
 * `npm run bench`). Islands that load more on demand (the simulated cluster, Monaco) do not count.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { pageWeight } from '../../src/build/page-weight.ts';

const BUDGET_GZIP_BYTES = 10 * 1024;
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Built lesson pages, each with whether it embeds an exercise. */
function lessonPages(): { file: string; hasExercise: boolean }[] {
  const lessons = `${dist}lessons/`;
  if (!existsSync(lessons)) return [];
  return readdirSync(lessons).map((slug) => {
    const file = `${lessons}${slug}/index.html`;
    return { file, hasExercise: /\bdata-exercise="/.test(readFileSync(file, 'utf8')) };
  });
}

test('lesson pages without an exercise stay within 10 KB of JavaScript (gzip)', () => {
  const pages = lessonPages().filter((page) => !page.hasExercise);
  // Guard against a vacuous pass: the course has lessons without an exercise (02 and 03 today).
  expect(pages.length, 'no built lesson page without an exercise: run `npm run build` first').toBeGreaterThanOrEqual(2);
  const over = pages
    .map((page) => pageWeight(dist, page.file))
    .filter((weight) => weight.js.gzip > BUDGET_GZIP_BYTES)
    .map((weight) => `${weight.page}: ${(weight.js.gzip / 1024).toFixed(1)} KB gzip of JavaScript (budget ${BUDGET_GZIP_BYTES / 1024} KB)`);
  expect(over).toEqual([]);
});

test('the weighing sees every script a page loads up front', () => {
  const page = lessonPages().find((candidate) => !candidate.hasExercise);
  expect(page).toBeDefined();
  const weight = pageWeight(dist, page?.file ?? '');
  // Each lesson page runs at least the theme script, the progress script and its islands' scripts.
  const scripts = (readFileSync(page?.file ?? '', 'utf8').match(/<script\b/g) ?? []).length;
  expect(scripts).toBeGreaterThanOrEqual(3);
  expect(weight.js.gzip).toBeGreaterThan(1024);
  expect(weight.js.raw).toBeGreaterThan(weight.js.gzip);
});
