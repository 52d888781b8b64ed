/**
 * Starts the built Worker (dist-serverless/) in wrangler's local runtime — workerd, the runtime
 * Cloudflare runs in production — through wrangler's programmatic API, and stops it again. Node-only;
 * used by `preview:serverless`, the endpoint tests, the Playwright spec and the bench.
 */
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
  /** Milliseconds from the start call to the Worker being ready for requests. */
  startupMs: number;
  stop(): Promise<void>;
}

export interface LocalWorkerOptions {
  port: number;
  /**
   * What wrangler prints (to the console): `info` for a preview someone watches. By default only errors:
   * offline, wrangler warns on every start that it cannot fetch Cloudflare's `request.cf` sample.
   * @default 'error'
   */
  logLevel?: 'error' | 'info';
}

/** True when `npm run build:serverless` has produced a Worker to serve. */
export function serverlessBuildExists(): boolean {
  return existsSync(new URL(`../../${BUILT_WRANGLER_CONFIG}`, import.meta.url));
}

/** Runs `npm run build:serverless` unless its output is at least as new as every source (a stale Worker would grade with old checks). */
export async function ensureServerlessBuild(): Promise<void> {
  await buildOnceWhenStale(REPO_ROOT, () => siteIsFresh(REPO_ROOT, BUILT_WRANGLER_CONFIG), () => runBuild(REPO_ROOT, 'npm', ['run', '--silent', 'build:serverless']));
}

/** Starts the built Worker on 127.0.0.1:`port`; resolves once workerd serves it. */
export async function startLocalWorker(options: LocalWorkerOptions): Promise<LocalWorker> {
  if (!serverlessBuildExists()) throw new Error(`${BUILT_WRANGLER_CONFIG} is missing: run npm run build:serverless first`);
  const url = `http://127.0.0.1:${options.port}`;
  // wrangler would pick another free port on its own; a caller that named this one means it.
  if (await answers(url)) throw new Error(`${url} is already in use: stop the other server or choose another PORT`);
  // Metrics off: no network here, and no need. Read by wrangler when it starts.
  process.env['WRANGLER_SEND_METRICS'] = 'false';
  const started = Date.now();
  const { unstable_startWorker } = await import('wrangler');
  const worker = await unstable_startWorker({
    config: fileURLToPath(new URL(`../../${BUILT_WRANGLER_CONFIG}`, import.meta.url)),
    dev: {
      server: { hostname: '127.0.0.1', port: options.port },
      inspector: false,
      watch: false,
      logLevel: options.logLevel ?? 'error',
    },
  });
  try {
    await worker.ready;
  } catch (error) {
    await worker.dispose();
    throw error;
  }
  return { url, startupMs: Date.now() - started, stop: () => worker.dispose() };
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}
