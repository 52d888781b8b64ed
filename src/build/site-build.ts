/**
 * Builds the site when `dist/` is missing or older than what it is built from, so the browser
 * engine always grades through the current page.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the site is built from, relative to the project root. */
const SITE_SOURCES = ['src', 'content', 'exercises', 'astro.config.mjs', 'package.json'];

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
 * Runs `build` while holding a lock shared by every process on this machine that builds `root`, unless
 * `isFresh()` says the output is current — checked again once the lock is ours, because graders and test
 * files started together would otherwise build over each other.
 */
export async function buildOnceWhenStale(root: string, isFresh: () => boolean, build: () => Promise<void>): Promise<void> {
  if (isFresh()) return;
  const lock = join(tmpdir(), `kdc-build-${Buffer.from(root).toString('hex').slice(-24)}.lock`);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`gave up waiting for another build of the site (remove ${lock} if it is stale)`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (!isFresh()) await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs `command args` in `root` with its output on stderr; rejects naming the command when it fails. */
export function runBuild(root: string, command: string, args: readonly string[]): Promise<void> {
  return new Promise<void>((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${[command, ...args].join(' ')} failed (exit ${code ?? 'signal'})`))));
  });
}

/**
 * Runs `astro build` in `root` unless the build is fresh. Its output goes to stderr: stdout belongs to
 * the grade report (`--json` must print only JSON).
 */
export async function ensureSiteBuilt(root: string): Promise<void> {
  await buildOnceWhenStale(root, () => siteIsFresh(root), async () => {
    process.stderr.write('grade: building the site (dist/ is missing or older than its sources)…\n');
    await runBuild(root, process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build']);
  });
}
