/**
 * The grading engines the `grade` CLI can use, behind one interface. `node` grades in-process (native
 * esbuild + QuickJS); `browser` grades through the real page in headless Chromium and is provided by
 * `src/runner/browser/cli-engine.ts` (the in-page runtime's module) when it exists.
 */
import { existsSync } from 'node:fs';
import type { LoadedExercise } from '../grading/exercise-types.ts';
import type { GradeReport } from '../schemas/grade-report.ts';

export type EngineName = 'browser' | 'node' | 'server';
export const ENGINE_NAMES: readonly EngineName[] = ['browser', 'node', 'server'];

export interface EngineOptions {
  /** Wall-clock limit per submission's Check, in ms. @default 2000 */
  timeLimitMs?: number;
  /** `server` engine: the deployed site's URL (`--engine server URL`); see server-engine.ts. */
  serverUrl?: string;
}

/** A grading engine as the CLI uses it. */
export interface GradingEngine {
  grade(exercise: LoadedExercise, source: string, file: string): Promise<GradeReport>;
  close(): Promise<void> | void;
}

/**
 * The browser engine's module: it must export `createBrowserEngine(options): Promise<GradingEngine>`
 * (build the site if needed, serve it, drive `window.courseExercises[id].setCode/check` in Chromium).
 */
export const BROWSER_ENGINE_MODULE = new URL('../runner/browser/cli-engine.ts', import.meta.url);

/** Whether the browser engine has been built yet. */
export function browserEngineAvailable(): boolean {
  return existsSync(BROWSER_ENGINE_MODULE);
}

/** The contract's default (`browser`) once that engine exists; `node` until then. */
export function defaultEngineName(): EngineName {
  return browserEngineAvailable() ? 'browser' : 'node';
}

/** Creates an engine by name; rejects with a clear message when it is not available. */
export async function createEngine(name: EngineName, options: EngineOptions = {}): Promise<GradingEngine> {
  if (name === 'server') {
    const { createServerGradingEngine } = await import('./server-engine.ts');
    return createServerGradingEngine(options.serverUrl ?? '');
  }
  if (name === 'node') {
    const [{ createNodeEngine }, { gradeSubmission }] = await Promise.all([import('../runner/node-engine.ts'), import('../grading/grade.ts')]);
    const sandbox = await createNodeEngine(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs });
    return {
      grade: (exercise, source, file) => gradeSubmission(exercise, source, sandbox, file),
      close: () => sandbox.close(),
    };
  }
  if (!browserEngineAvailable()) {
    throw new Error('the browser engine is not available yet (src/runner/browser/cli-engine.ts is missing); use --engine node');
  }
  const module = (await import(BROWSER_ENGINE_MODULE.href)) as { createBrowserEngine?: (o: EngineOptions) => Promise<GradingEngine> };
  if (typeof module.createBrowserEngine !== 'function') throw new Error(`${BROWSER_ENGINE_MODULE.pathname} must export createBrowserEngine(options)`);
  return module.createBrowserEngine(options);
}
