/**
 * The exercise page's figures, measured in headless Chromium against the built site:
 * - time from Check to verdict with the sandbox worker warm (median of several Checks);
 * - time to "editor ready" (`data-state="ready"`: Monaco and esbuild-wasm usable) on a cold and on
 *   a warm HTTP cache;
 * - the bytes the page loads, before the exercise is touched and once it is ready, raw and as
 *   gzip / brotli would send them.
 *
 * Run on its own (`node --experimental-strip-types src/cli/bench-page.ts [exercise-id]`) or through
 * `npm run bench`, which calls `benchExercisePage`.
 */
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.ts';
import { exercisePageUrl } from './browser-engine.ts';
import { ensureSiteBuilt } from '../build/site-build.ts';
import { serveStatic } from './static-server.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Bytes of a set of responses. */
export interface ByteTotals {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

/** What `benchExercisePage` measures. */
export interface PageBench {
  exercise: string;
  readyColdMs: number;
  readyWarmMs: number;
  checkWarmMedianMs: number;
  checkWarmRuns: number;
  /** Schedules one Check explored (lone runs, and the crash points a family's faults struck). */
  schedulesPerCheck: number;
  /** Medians of the Check's phases: compile (esbuild-wasm) and sandbox (Worker, every run). */
  compileMedianMs: number;
  sandboxMedianMs: number;
  /** What loads before the exercise is touched or scrolled to (HTML, CSS, the page's own script). */
  initialBytes: ByteTotals;
  /** Everything loaded once the exercise is ready (Monaco, its workers, esbuild.wasm, the sandbox). */
  readyBytes: ByteTotals;
  /** The largest files of `readyBytes`, by name. */
  largest: { file: string; raw: number; brotli: number }[];
}

/** Records the time (ms after navigation start) at which the exercise reaches `ready`. */
const RECORD_READY = (): void => {
  const record = (): boolean => {
    const root = document.querySelector('[data-exercise]');
    if (root?.getAttribute('data-state') !== 'ready') return false;
    (window as unknown as { __kdcReadyAt?: number }).__kdcReadyAt ??= performance.now();
    return true;
  };
  new MutationObserver(record).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
};

const compressed = new WeakMap<Buffer, { gzip: number; brotli: number }>();

/** gzip -9 and brotli q11 sizes, as a host pre-compressing static files would serve them. */
function compress(body: Buffer): { gzip: number; brotli: number } {
  const known = compressed.get(body);
  if (known) return known;
  const sizes = {
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  };
  compressed.set(body, sizes);
  return sizes;
}

async function readyTime(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator('[data-exercise][data-state="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __kdcReadyAt?: number }).__kdcReadyAt ?? Number.NaN);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * The bytes the exercise page ships: a tall page pushes the exercise far below the fold, so the first
 * load shows what a reader pays before reaching it; then scrolling to it loads the rest.
 */
async function measureBytes(browser: Browser, serverUrl: string, exercise: string): Promise<Pick<PageBench, 'initialBytes' | 'readyBytes' | 'largest'>> {
  const sizing = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const bytesPage = await sizing.newPage();
  const bodies = new Map<string, Buffer>();
  let phase: 'initial' | 'ready' = 'initial';
  const initial = new Set<string>();
  bytesPage.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith(serverUrl)) return;
    if (phase === 'initial') initial.add(url);
    response.body().then((body) => bodies.set(url, body), () => undefined);
  });
  await bytesPage.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => {
      const spacer = document.createElement('div');
      spacer.style.height = '20000px';
      document.querySelector('[data-exercise]')?.before(spacer);
    });
  });
  await bytesPage.goto(exercisePageUrl(serverUrl, exercise));
  await bytesPage.waitForLoadState('networkidle');
  phase = 'ready';
  await bytesPage.locator('[data-exercise]').scrollIntoViewIfNeeded();
  await bytesPage.locator('[data-exercise][data-state="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
  await bytesPage.waitForLoadState('networkidle');
  await sizing.close();
  const totals = (urls: Iterable<string>): ByteTotals => {
    const sum: ByteTotals = { files: 0, raw: 0, gzip: 0, brotli: 0 };
    for (const url of urls) {
      const body = bodies.get(url);
      if (body === undefined) continue;
      const packed = compress(body);
      sum.files++;
      sum.raw += body.length;
      sum.gzip += packed.gzip;
      sum.brotli += packed.brotli;
    }
    return sum;
  };
  const largest = [...bodies]
    .sort(([, a], [, b]) => b.length - a.length)
    .slice(0, 6)
    .map(([url, body]) => ({ file: new URL(url).pathname.replace(/^\/_astro\//, ''), raw: body.length, brotli: compress(body).brotli }));
  return { initialBytes: totals(initial), readyBytes: totals(bodies.keys()), largest };
}

/**
 * Check → verdict with everything warm: the first Check loads the checks chunk; later ones measure the
 * steady state (compile + fresh pre-spawned Worker + every run + grading + render).
 */
async function measureChecks(page: Page, exercise: string, solution: string, checks: number): Promise<{ times: number[]; compile: number[]; sandbox: number[]; schedules: number }> {
  return page.evaluate(
    async ([id, code, count]) => {
      const hook = window.courseExercises![id as string]!;
      hook.setCode(code as string);
      await hook.check();
      const times: number[] = [];
      let schedules = 0;
      performance.clearMeasures();
      for (let i = 0; i < (count as number); i++) {
        // A student reads the verdict before checking again: give the spare Workers the second they
        // have then to start, so "warm" means warm on a 2-core machine too.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const start = performance.now();
        const report = await hook.check();
        times.push(performance.now() - start);
        if (!report.passed) throw new Error('the solution did not pass');
        // As schedulesExplored counts them (this runs in the page, which cannot import it).
        schedules = report.guarantees.reduce((total, g) => total + g.runs.reduce((sum, run) => sum + ((run as { schedules?: { explored: number } }).schedules?.explored ?? 1), 0), 0);
      }
      const phase = (name: string): number[] => performance.getEntriesByName(name, 'measure').map((m) => m.duration);
      return { times, compile: phase('kdc:compile'), sandbox: phase('kdc:sandbox'), schedules };
    },
    [exercise, solution, checks] as const,
  );
}

/** Measures one exercise page (default: orders-four-steps) with its solution as the checked code. */
export async function benchExercisePage(exercise = 'orders-four-steps', checks = 9): Promise<PageBench> {
  await ensureSiteBuilt(PROJECT_ROOT);
  const { readFileSync } = await import('node:fs');
  const solution = readFileSync(`${PROJECT_ROOT}exercises/${exercise}/solution.ts`, 'utf8');
  const server = await serveStatic(`${PROJECT_ROOT}dist`);
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const { initialBytes, readyBytes, largest } = await measureBytes(browser, server.url, exercise);

    // Ready, cold then warm: a fresh context has an empty HTTP cache; a reload in it hits the cache.
    const context = await browser.newContext();
    await context.addInitScript(RECORD_READY);
    const page = await context.newPage();
    const url = exercisePageUrl(server.url, exercise);
    const readyColdMs = await readyTime(page, url);
    const readyWarmMs = await readyTime(page, url);

    const { times: durations, compile, sandbox, schedules } = await measureChecks(page, exercise, solution, checks);
    await context.close();
    return {
      exercise,
      readyColdMs,
      readyWarmMs,
      checkWarmMedianMs: median(durations),
      checkWarmRuns: durations.length,
      schedulesPerCheck: schedules,
      compileMedianMs: median(compile),
      sandboxMedianMs: median(sandbox),
      initialBytes,
      readyBytes,
      largest,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** The figures as lines for the bench's output. */
export function formatPageBench(result: PageBench): string[] {
  const bytes = (label: string, t: ByteTotals): string =>
    `${label}: ${t.files} files, ${kb(t.raw)} raw, ${kb(t.gzip)} gzip, ${kb(t.brotli)} brotli`;
  return [
    `exercise page (${result.exercise}), headless Chromium, built site:`,
    `  Check → verdict, worker warm: median ${result.checkWarmMedianMs.toFixed(1)} ms over ${result.checkWarmRuns} Checks of ${result.schedulesPerCheck} schedules each (compile ${result.compileMedianMs.toFixed(1)} ms, sandbox ${result.sandboxMedianMs.toFixed(1)} ms)`,
    `  editor ready: cold cache ${result.readyColdMs.toFixed(0)} ms, warm cache ${result.readyWarmMs.toFixed(0)} ms`,
    `  ${bytes('bytes before the exercise is reached', result.initialBytes)}`,
    `  ${bytes('bytes once the exercise is ready', result.readyBytes)}`,
    ...result.largest.map((f) => `    ${f.file}: ${kb(f.raw)} raw, ${kb(f.brotli)} brotli`),
  ];
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const result = await benchExercisePage(process.argv[2]);
  console.log(formatPageBench(result).join('\n'));
}
