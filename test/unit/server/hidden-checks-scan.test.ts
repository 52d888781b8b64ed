/**
 * The serverless build's promise: no built client asset contains any exercise's hidden checks or
 * solution. Distinctive text from each checks.ts (its messages) and solution.ts (its code lines) must
 * be absent from every file under dist-serverless/client — and present in the server bundle, which
 * proves the needles are found when they are there. Builds the serverless target when it is missing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureServerlessBuild } from '../../../src/deploy/local-worker.ts';

const EXERCISES = join(REPO_ROOT, 'exercises');
const MIN_NEEDLE = 20;
/**
 * Code that ships to pages by design (the simulated cluster and the lesson widgets): a check that
 * names a fault kind, a Kafka error code or a scenario label the broker itself defines reveals
 * nothing, so that vocabulary is not a needle.
 */
const PUBLIC_SOURCES = ['src/broker', 'src/lessons-runtime'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Text a bundler keeps verbatim: quote-free code lines (raw imports) and static parts of string literals. */
function needles(source: string, publicText: string): string[] {
  const found = new Set<string>();
  for (const line of source.split('\n')) {
    const text = line.trim();
    if (text.length >= MIN_NEEDLE && !/['"`\\]/.test(text) && !text.startsWith('//') && !text.startsWith('*') && !text.startsWith('import ')) found.add(text);
  }
  for (const match of source.matchAll(/'([^'\\\n]*)'|`([^`\\]*)`/g)) {
    for (const part of (match[1] ?? match[2] ?? '').split(/\$\{[^}]*\}/)) {
      if (part.length >= MIN_NEEDLE && !/["'`]/.test(part)) found.add(part);
    }
  }
  return [...found].filter((needle) => !publicText.includes(needle));
}

const publicSources = PUBLIC_SOURCES.flatMap((dir) => filesUnder(join(REPO_ROOT, dir))).map((path) => readFileSync(path, 'utf8'));

let clientFiles: { path: string; text: string }[] = [];
let serverText = '';

beforeAll(async () => {
  await ensureServerlessBuild();
  const dist = join(REPO_ROOT, 'dist-serverless');
  clientFiles = filesUnder(join(dist, 'client')).map((path) => ({ path, text: readFileSync(path).toString('latin1') }));
  serverText = filesUnder(join(dist, 'server'))
    .filter((path) => path.endsWith('.mjs'))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
}, 240_000);

describe('the serverless build keeps checks and solutions on the server', () => {
  // Only finished exercises: a folder becomes one when it has its exercise.md.
  const ids = readdirSync(EXERCISES).filter((id) => existsSync(join(EXERCISES, id, 'exercise.md')));

  it('has exercises and client assets to scan', () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(clientFiles.some(({ path }) => path.endsWith('.js'))).toBe(true);
  });

  for (const id of ids) {
    for (const file of ['checks.ts', 'solution.ts']) {
      it(`no client asset contains exercises/${id}/${file}`, () => {
        const read = (name: string) => readFileSync(join(EXERCISES, id, name), 'utf8');
        const publicText = [read('starter.ts'), read('exercise.md'), ...publicSources].join('\n');
        const secret = needles(read(file), publicText);
        expect(secret.length, `no distinctive text found in ${file}`).toBeGreaterThan(0);
        expect(secret.filter((needle) => serverText.includes(needle)).length, `the server bundle should hold ${file}`).toBeGreaterThan(0);
        const leaks = clientFiles.flatMap(({ path, text }) => secret.filter((needle) => text.includes(needle)).map((needle) => `${path.slice(REPO_ROOT.length)}: ${needle}`));
        expect(leaks).toEqual([]);
      });
    }
  }
});
