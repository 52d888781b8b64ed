/**
 * The grading engines the `grade` CLI can use, behind one interface. `node` grades in-process (native
 * esbuild + QuickJS); `browser` grades through the real page in headless Chromium (browser-engine.ts).
 * Each engine's module loads only when it is chosen, so `--engine node` never starts a browser.
 */
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

/** The engine README's contract names as the default: the path a student's Check takes. */
export const DEFAULT_ENGINE: EngineName = 'browser';

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
  const { createBrowserEngine } = await import('./browser-engine.ts');
  return createBrowserEngine(options);
}
