/**
 * Starts the built Worker (dist-serverless/) in wrangler's local runtime — workerd, the runtime
 * Cloudflare runs in production — and stops it again. Node-only; used by `preview:serverless`, the
 * endpoint tests, the Playwright spec and the bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOnceWhenStale, runBuild, siteIsFresh } from '../build/site-build.ts';

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The deployable wrangler config the adapter writes (see wrangler.jsonc beside this file). */
export const BUILT_WRANGLER_CONFIG = 'dist-serverless/server/wrangler.json';

export interface LocalWorker {
  /** e.g. http://127.0.0.1:8788 */
  url: string;
  /** Milliseconds from spawn to the first answered request. */
  startupMs: number;
  stop(): Promise<void>;
}

export interface LocalWorkerOptions {
  port: number;
  /** Where wrangler's output goes. @default ignored, except on failure */
  onOutput?: (text: string) => void;
  /** @default 90_000 */
  startTimeoutMs?: number;
}

/** True when `npm run build:serverless` has produced a Worker to serve. */
export function serverlessBuildExists(): boolean {
  return existsSync(new URL(`../../${BUILT_WRANGLER_CONFIG}`, import.meta.url));
}

/** Runs `npm run build:serverless` unless its output is at least as new as every source (a stale Worker would grade with old checks). */
export async function ensureServerlessBuild(): Promise<void> {
  await buildOnceWhenStale(REPO_ROOT, () => siteIsFresh(REPO_ROOT, BUILT_WRANGLER_CONFIG), () => runBuild(REPO_ROOT, 'npm', ['run', '--silent', 'build:serverless']));
}

/** Spawns `wrangler dev` on 127.0.0.1:`port` and resolves once it answers HTTP. */
export async function startLocalWorker(options: LocalWorkerOptions): Promise<LocalWorker> {
  if (!serverlessBuildExists()) throw new Error(`${BUILT_WRANGLER_CONFIG} is missing: run npm run build:serverless first`);
  const url = `http://127.0.0.1:${options.port}`;
  // Otherwise the readiness poll below would happily talk to whatever already listens there.
  if (await answers(url)) throw new Error(`${url} is already in use: stop the other server or choose another PORT`);
  const started = Date.now();
  const wrangler = fileURLToPath(new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [wrangler, 'dev', '--config', BUILT_WRANGLER_CONFIG, '--ip', '127.0.0.1', '--port', String(options.port), '--show-interactive-dev-session=false', '--log-level', 'warn'],
    {
      cwd: REPO_ROOT,
      // No stdin: it must run under CI and in the background. Metrics off: no network here, and no need.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      // Its own process group, so stop() ends workerd too, not only the wrangler wrapper.
      detached: true,
    },
  );
  let output = '';
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    options.onOutput?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const deadline = started + (options.startTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    if (await answers(url)) return { url, startupMs: Date.now() - started, stop: () => stopProcess(child) };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopProcess(child);
  throw new Error(`wrangler dev did not answer on ${url} within the start timeout:\n${output}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
