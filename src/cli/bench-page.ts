/**
 * The exercise page's figures, measured in headless Chromium against the built site:
 * - Check → verdict, p50 and p90, with Checks a second apart and back to back; Run → output;
 * - editor interactive (`data-editor="ready"`: the learner can type in Monaco) cold and warm, the
 *   moment Monaco lists `kafkajs` completions, and editor + compiler ready (`data-state="ready"`);
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
import { pushExerciseBelowTheFold } from './exercise-below-the-fold.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Bytes of a set of responses. */
export interface ByteTotals {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

/** Median and 90th percentile of a set of timings, in ms. */
export interface Spread {
  p50: number;
  p90: number;
  samples: number;
}

/** What `benchExercisePage` measures. */
export interface PageBench {
  exercise: string;
  /** The learner can type in Monaco (`data-editor="ready"`), ms after navigation, cold and warm HTTP cache. */
  editorColdMs: number;
  editorWarmMs: number;
  /** Monaco lists `kafkajs` completions for a name typed in the editor, ms after navigation (cold cache). */
  completionsColdMs: number;
  /** Editor and compiler both ready (`data-state="ready"`), cold and warm. */
  readyColdMs: number;
  readyWarmMs: number;
  /** Check → verdict with a second between Checks (the learner reads the verdict), and back to back. */
  checkApart: Spread;
  checkBackToBack: Spread;
  /**
   * Check → verdict pressed right after an edit (a second apart): the code is new, so the Check
   * compiles it. The two figures above repeat one code text, whose compile the page keeps.
   */
  checkAfterEdit: Spread;
  /** Run → output. */
  run: Spread;
  /** Schedules one Check explored (lone runs, and the crash points a family's faults struck). */
  schedulesPerCheck: number;
  /** Medians of the phases of a Check after an edit: compile (esbuild-wasm) and sandbox (Workers, every run). */
  compileMedianMs: number;
  sandboxMedianMs: number;
  /** What loads before the exercise is touched or scrolled to (HTML, CSS, the page's own script). */
  initialBytes: ByteTotals;
  /** Everything loaded once the exercise is ready (Monaco, its workers, esbuild.wasm, the sandbox). */
  readyBytes: ByteTotals;
  /** The largest files of `readyBytes`, by name. */
  largest: { file: string; raw: number; brotli: number }[];
}

/** Records the times (ms after navigation start) at which the editor, then the whole exercise, is ready. */
const RECORD_READY = (): void => {
  const marks = window as unknown as { __kdcEditorAt?: number; __kdcReadyAt?: number };
  const record = (): void => {
    const root = document.querySelector('[data-exercise]');
    if (root?.getAttribute('data-editor') === 'ready') marks.__kdcEditorAt ??= performance.now();
    if (root?.getAttribute('data-state') === 'ready') marks.__kdcReadyAt ??= performance.now();
  };
  new MutationObserver(record).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-editor'], childList: true });
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

/** Loads the exercise page until it is ready; the editor's and the whole page's ready times. */
async function readyTimes(page: Page, url: string): Promise<{ editorMs: number; readyMs: number }> {
  await page.goto(url);
  await page.locator('[data-exercise][data-state="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
  return page.evaluate(() => {
    const marks = window as unknown as { __kdcEditorAt?: number; __kdcReadyAt?: number };
    return { editorMs: marks.__kdcEditorAt ?? Number.NaN, readyMs: marks.__kdcReadyAt ?? Number.NaN };
  });
}

/**
 * Cold cache: navigation → Monaco offers `kafkajs`'s names. Types `kafkajs.` style code into a fresh
 * line (an import of the facade, then a member of it) and waits for the suggest widget to list
 * `Kafka`, which only the facade's declarations provide.
 */
async function completionsTime(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator('[data-exercise][data-editor="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
  await page.evaluate(() => {
    const hook = Object.values(window.courseExercises ?? {})[0];
    hook?.setCode("import * as kafkajs from 'kafkajs';\nkafkajs.Kaf");
  });
  // A click, as a learner's: Monaco 0.57 takes keys through its native edit context, which a
  // focused hidden textarea does not reach, so Ctrl+Space there never opens the suggest widget.
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Space');
  const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Kafka' }).first();
  // Up to 30 s: the TypeScript worker loads only now, and a cold one takes seconds.
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await suggestion.isVisible()) break;
    await page.waitForTimeout(100);
    // The TypeScript worker may still be starting: ask again, as a learner would.
    if (attempt % 10 === 9) await page.keyboard.press('Control+Space');
  }
  if (!(await suggestion.isVisible())) return Number.NaN;
  return page.evaluate(() => performance.now());
}

const median = (values: number[]): number => spread(values).p50;

/** p50 and p90 (nearest rank) of `values`. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { p50: rank(0.5), p90: rank(0.9), samples: sorted.length };
}

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
  await pushExerciseBelowTheFold(bytesPage);
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
 * Check → verdict with everything warm (the first Check loads the checks chunk and is not counted):
 * `apart` Checks a second apart, as a learner reading each verdict makes them, then `backToBack`
 * Checks in a row, both of one code text (the page reuses its compile); then `apart` Checks each
 * right after an edit (these compile); and `runs` Runs of the last text. Each time is the page's own,
 * from the hook's call to its answer (compile + the sandbox Workers + every run + grading + rendering).
 */
async function measureChecks(page: Page, exercise: string, solution: string, counts: { apart: number; backToBack: number; runs: number }): Promise<{ apart: number[]; backToBack: number[]; afterEdit: number[]; runs: number[]; compile: number[]; sandbox: number[]; schedules: number }> {
  return page.evaluate(
    async ([id, code, apartCount, backCount, runCount]) => {
      const hook = window.courseExercises![id as string]!;
      hook.setCode(code as string);
      await hook.check();
      let schedules = 0;
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const timed = async (count: number, pauseMs: number, task: () => Promise<unknown>): Promise<number[]> => {
        const times: number[] = [];
        for (let i = 0; i < count; i++) {
          if (pauseMs > 0) await sleep(pauseMs);
          const start = performance.now();
          await task();
          times.push(performance.now() - start);
        }
        return times;
      };
      const check = async (): Promise<void> => {
        const report = await hook.check();
        if (!report.passed) throw new Error('the solution did not pass');
        // As schedulesExplored counts them (this runs in the page, which cannot import it).
        schedules = report.guarantees.reduce((total, g) => total + g.runs.reduce((sum, run) => sum + ((run as { schedules?: { explored: number } }).schedules?.explored ?? 1), 0), 0);
      };
      const apart = await timed(apartCount as number, 1000, check);
      await sleep(1000);
      const backToBack = await timed(backCount as number, 0, check);
      // The phases are taken from the Checks after an edit, the only ones that compile.
      performance.clearMeasures();
      let edits = 0;
      const afterEdit = await timed(apartCount as number, 1000, async () => {
        // A comment changes the text, not the program: the verdict stays a pass.
        hook.setCode(`${code as string}\n// edit ${++edits}\n`);
        await check();
      });
      const phase = (name: string): number[] => performance.getEntriesByName(name, 'measure').map((m) => m.duration);
      const compile = phase('kdc:compile');
      const sandbox = phase('kdc:sandbox');
      await sleep(1000);
      const runs = await timed(runCount as number, 500, () => hook.run());
      return { apart, backToBack, afterEdit, runs, compile, sandbox, schedules };
    },
    [exercise, solution, counts.apart, counts.backToBack, counts.runs] as const,
  );
}

/** Measures one exercise page with its solution as the checked code. */
export async function benchExercisePage(exercise = 'orders-four-steps', counts = { apart: 5, backToBack: 10, runs: 5 }): Promise<PageBench> {
  await ensureSiteBuilt(PROJECT_ROOT);
  const { readFileSync } = await import('node:fs');
  const solution = readFileSync(`${PROJECT_ROOT}exercises/${exercise}/solution.ts`, 'utf8');
  const server = await serveStatic(`${PROJECT_ROOT}dist`);
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const { initialBytes, readyBytes, largest } = await measureBytes(browser, server.url, exercise);
    const url = exercisePageUrl(server.url, exercise);

    // Completions, cold: a context of its own (its HTTP cache starts empty).
    const typing = await browser.newContext();
    const completionsColdMs = await completionsTime(await typing.newPage(), url);
    await typing.close();

    // Ready, cold then warm: a fresh context has an empty HTTP cache; a reload in it hits the cache.
    const context = await browser.newContext();
    await context.addInitScript(RECORD_READY);
    const page = await context.newPage();
    const cold = await readyTimes(page, url);
    const warm = await readyTimes(page, url);

    const measured = await measureChecks(page, exercise, solution, counts);
    await context.close();
    return {
      exercise,
      editorColdMs: cold.editorMs,
      editorWarmMs: warm.editorMs,
      completionsColdMs,
      readyColdMs: cold.readyMs,
      readyWarmMs: warm.readyMs,
      checkApart: spread(measured.apart),
      checkBackToBack: spread(measured.backToBack),
      checkAfterEdit: spread(measured.afterEdit),
      run: spread(measured.runs),
      schedulesPerCheck: measured.schedules,
      compileMedianMs: median(measured.compile),
      sandboxMedianMs: median(measured.sandbox),
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

/** The goals, beside which the bench prints each figure. */
export const GOALS = { checkMs: 50, runMs: 30, editorMs: 700, readyBrotliBytes: 3.5 * 1024 * 1024 } as const;

const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a');
const meets = (value: number, goal: number): string => (!Number.isFinite(value) ? '?' : value <= goal ? 'ok' : 'MISSED');

/** One row per figure: what, the figure, the goal, and whether it is met. */
export function pageBenchRows(result: PageBench): { figure: string; value: string; goal: string; met: string }[] {
  const MB = 1024 * 1024;
  const rows = [
    { figure: 'schedules per Check', value: String(result.schedulesPerCheck), goal: '', met: '' },
    { figure: 'Check p50, 1 s apart', value: ms(result.checkApart.p50), goal: `≤ ${GOALS.checkMs} ms`, met: meets(result.checkApart.p50, GOALS.checkMs) },
    { figure: 'Check p90, 1 s apart', value: ms(result.checkApart.p90), goal: '', met: '' },
    { figure: 'Check p50, back to back', value: ms(result.checkBackToBack.p50), goal: `≤ ${GOALS.checkMs} ms`, met: meets(result.checkBackToBack.p50, GOALS.checkMs) },
    { figure: 'Check p90, back to back', value: ms(result.checkBackToBack.p90), goal: '', met: '' },
    { figure: 'Check p50, right after an edit', value: ms(result.checkAfterEdit.p50), goal: `≤ ${GOALS.checkMs} ms`, met: meets(result.checkAfterEdit.p50, GOALS.checkMs) },
    { figure: '  of which compile / sandbox (p50, after an edit)', value: `${ms(result.compileMedianMs)} / ${ms(result.sandboxMedianMs)}`, goal: '', met: '' },
    { figure: 'Run p50', value: ms(result.run.p50), goal: `≤ ${GOALS.runMs} ms`, met: meets(result.run.p50, GOALS.runMs) },
    { figure: 'editor interactive, cold', value: ms(result.editorColdMs), goal: `≤ ${GOALS.editorMs} ms`, met: meets(result.editorColdMs, GOALS.editorMs) },
    { figure: 'editor interactive, warm', value: ms(result.editorWarmMs), goal: '', met: '' },
    { figure: 'kafkajs completions shown, cold', value: ms(result.completionsColdMs), goal: `≤ ${GOALS.editorMs} ms`, met: meets(result.completionsColdMs, GOALS.editorMs) },
    { figure: 'editor + compiler ready, cold / warm', value: `${ms(result.readyColdMs)} / ${ms(result.readyWarmMs)}`, goal: '', met: '' },
    { figure: 'bytes to ready (brotli)', value: `${(result.readyBytes.brotli / MB).toFixed(2)} MB`, goal: '≤ 3.50 MB', met: result.readyBytes.brotli <= GOALS.readyBrotliBytes ? 'ok' : 'MISSED' },
  ];
  return rows;
}

/** The figures as lines for the bench's output. */
export function formatPageBench(result: PageBench): string[] {
  const bytes = (label: string, t: ByteTotals): string =>
    `${label}: ${t.files} files, ${kb(t.raw)} raw, ${kb(t.gzip)} gzip, ${kb(t.brotli)} brotli`;
  const rows = pageBenchRows(result);
  const width = Math.max(...rows.map((r) => r.figure.length));
  return [
    `exercise page (${result.exercise}), browser engine, headless Chromium, built site:`,
    ...rows.map((r) => `  ${r.figure.padEnd(width)}  ${r.value.padStart(14)}  ${r.goal.padEnd(9)} ${r.met}`),
    `  ${bytes('bytes before the exercise is reached', result.initialBytes)}`,
    `  ${bytes('bytes once the exercise is ready', result.readyBytes)}`,
    ...result.largest.map((f) => `    ${f.file}: ${kb(f.raw)} raw, ${kb(f.brotli)} brotli`),
  ];
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const result = await benchExercisePage(process.argv[2]);
  console.log(formatPageBench(result).join('\n'));
}
