/**
 * `grade --engine browser`: grades each file through the real exercise page in headless Chromium —
 * the code path a student's Check takes (esbuild-wasm, the sandbox Worker, the grader on the page).
 * Builds the site if needed, serves `dist/` on a free port, and drives the page only through its
 * stable hooks: `data-state`, then `window.courseExercises[id].setCode(source)` and `.check()`.
 * One browser serves every file; each exercise gets one page, reused across files.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { LoadedExercise } from '../grading/exercise-types.ts';
import type { GradeReport } from '../schemas/grade-report.ts';
import { chromiumLaunchOptions } from './chromium.ts';
import type { EngineOptions, GradingEngine } from './engines.ts';
import { ensureSiteBuilt } from '../build/site-build.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How long the page may take to load its editor and compiler (cold cache, slow machine). */
const READY_TIMEOUT_MS = 60_000;
/** Beyond the page's own time limit: what a whole Check (compile + every run + grading) may take. */
const CHECK_MARGIN_MS = 30_000;

/** The URL of an exercise's standalone page, with the engine's time limit when one is set. */
export function exercisePageUrl(base: string, id: string, timeLimitMs?: number): string {
  const url = new URL(`/exercises/${encodeURIComponent(id)}/`, base);
  if (timeLimitMs !== undefined) url.searchParams.set('timeLimitMs', String(timeLimitMs));
  return url.href;
}

/** Starts the engine: build (if stale), serve, launch Chromium. */
export async function createBrowserEngine(options: EngineOptions = {}): Promise<GradingEngine> {
  await ensureSiteBuilt(PROJECT_ROOT);
  const server: StaticServer = await serveStatic(`${PROJECT_ROOT}dist`);
  let browser: Browser;
  try {
    browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  } catch (thrown) {
    await server.close();
    throw thrown;
  }
  const context: BrowserContext = await browser.newContext();
  const pages = new Map<string, Promise<Page>>();

  const pageFor = (id: string): Promise<Page> => {
    let page = pages.get(id);
    if (page === undefined) {
      page = (async () => {
        const opened = await context.newPage();
        await opened.goto(exercisePageUrl(server.url, id, options.timeLimitMs));
        await opened.locator(`[data-exercise="${id}"][data-state="ready"]`).waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
        return opened;
      })();
      pages.set(id, page);
      page.catch(() => pages.delete(id));
    }
    return page;
  };

  return {
    async grade(exercise: LoadedExercise, source: string, file: string): Promise<GradeReport> {
      const page = await pageFor(exercise.id);
      const limit = (options.timeLimitMs ?? 2000) + CHECK_MARGIN_MS;
      const report = await Promise.race([
        page.evaluate(
          async ([id, code]) => {
            const hook = window.courseExercises?.[id ?? ''];
            if (hook === undefined) throw new Error(`the page has no exercise hook for ${id ?? ''}`);
            hook.setCode(code ?? '');
            return hook.check();
          },
          [exercise.id, source],
        ),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`the page did not answer within ${limit} ms`)), limit).unref()),
      ]).catch(async (thrown: unknown): Promise<GradeReport> => {
        // The page is in an unknown state: drop it so the next file gets a fresh one.
        pages.delete(exercise.id);
        await page.close().catch(() => undefined);
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        return { exercise: exercise.id, file, passed: false, error: { kind: 'sandbox', message: `the browser engine failed: ${message}` }, steps: [], guarantees: [] };
      });
      return { ...report, file };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
