/**
 * A throwaway copy of the project for the maintainer tests: the files git knows about (tracked and
 * not ignored, as they are in the working tree) with node_modules linked, so a test can break a lesson
 * or an exercise and run the real build without touching the repository or its dist/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository the copies are made from. */
export const PROJECT_ROOT = resolve(new URL('../../..', import.meta.url).pathname);

/** Copies the project into a new temp dir and returns its path. */
export function copyProject(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `maintainer-${label}-`));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0')) {
    // Files deleted in the working tree are still listed as cached; the copy mirrors the working tree.
    if (file === '' || !existsSync(join(PROJECT_ROOT, file))) continue;
    cpSync(join(PROJECT_ROOT, file), join(dir, file), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Replaces `search` by `replacement` in one file of a copy; fails when `search` is absent so a test cannot silently break nothing. */
export function editFile(dir: string, file: string, search: string | RegExp, replacement: string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(search, replacement);
  if (after === before) throw new Error(`${file}: "${String(search)}" not found, nothing was changed`);
  writeFileSync(path, after);
}

/** Writes a file in a copy, creating its folder. */
export function writeProjectFile(dir: string, file: string, text: string): void {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** What `astro build` said and whether it succeeded. */
export interface BuildResult {
  ok: boolean;
  /** stdout and stderr together, colour codes removed. */
  output: string;
}

/** Runs the real `astro build` in a copy, writing into the copy's own out/ (never the repository's dist/). */
export function buildCopy(dir: string): BuildResult {
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(dir, 'out')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  // Colour codes would split the messages the tests look for.
  const output = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { ok: run.status === 0, output };
}
