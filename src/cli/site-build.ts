/**
 * Builds the site when `dist/` is missing or older than what it is built from, so the browser
 * engine always grades through the current page.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the site is built from, relative to the project root. */
export const SITE_SOURCES = ['src', 'content', 'exercises', 'astro.config.mjs', 'package.json'];

/** The newest modification time under `path` (a file or a directory tree), 0 when absent. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether `dist/` holds a build at least as new as every source. */
export function siteIsFresh(root: string, marker = 'dist/index.html'): boolean {
  const built = existsSync(join(root, marker)) ? statSync(join(root, marker)).mtimeMs : 0;
  return built > 0 && SITE_SOURCES.every((source) => newestMtime(join(root, source)) <= built);
}

/**
 * Runs `astro build` in `root` unless the build is fresh. Its output goes to stderr: stdout belongs to
 * the grade report (`--json` must print only JSON).
 */
export async function ensureSiteBuilt(root: string): Promise<void> {
  if (siteIsFresh(root)) return;
  process.stderr.write('grade: building the site (dist/ is missing or older than its sources)…\n');
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`astro build failed (exit ${code ?? 'signal'})`))));
  });
}
