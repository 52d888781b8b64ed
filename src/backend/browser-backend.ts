/**
 * The in-browser machinery behind one exercise on the page: the page engine (esbuild-wasm + a
 * sandbox Worker), the exercise's hidden checks, and the grader — all loaded lazily, so none of it
 * is in the page's first bytes. Checks and solutions are separate chunks, fetched on the first
 * Check and on "Show solution" respectively.
 */
import { PAGE_FILE_NAME, type ExerciseBackend } from './exercise-backend.ts';
import type { ExerciseChecks } from '../grading/checks-types.ts';
import type { LoadedExercise } from '../grading/exercise-types.ts';
import { gradeSubmission } from '../grading/grade.ts';
import { runProgramOnce } from '../grading/run-once.ts';
import type { ExerciseMeta } from '../schemas/exercise.ts';
import { createBrowserEngine, type BrowserEngine } from '../runner/browser/browser-engine.ts';

// Validated at build time (src/build/exercise-meta-plugin.ts): the page gets JSON, not a Markdown parser.
const metaFiles = import.meta.glob<ExerciseMeta>('/exercises/*/exercise.md', { query: '?exercise-meta', import: 'default' });
const checkFiles = import.meta.glob<Record<string, unknown>>('/exercises/*/checks.ts');
const starterFiles = import.meta.glob<string>('/exercises/*/starter.ts', { query: '?raw', import: 'default' });
const solutionFiles = import.meta.glob<string>('/exercises/*/solution.ts', { query: '?raw', import: 'default' });


let sharedEngine: BrowserEngine | undefined;

/** One engine per page: exercises share the compiler and the spare Worker. */
function pageEngine(): BrowserEngine {
  sharedEngine ??= createBrowserEngine(timeLimitFromUrl());
  return sharedEngine;
}

/**
 * `?timeLimitMs=N` on the page's URL: how `grade --engine browser` passes its time limit. Bounded, so
 * a link cannot make the page wait minutes for a runaway program.
 */
function timeLimitFromUrl(): { timeLimitMs?: number } {
  const value = Number(new URLSearchParams(globalThis.location?.search ?? '').get('timeLimitMs'));
  return Number.isFinite(value) && value >= 100 && value <= 60_000 ? { timeLimitMs: value } : {};
}

async function load<T>(files: Record<string, () => Promise<T>>, id: string, file: string): Promise<T> {
  const loader = files[`/exercises/${id}/${file}`];
  if (loader === undefined) throw new Error(`exercises/${id}/${file} is missing`);
  return loader();
}

/** The checks object, whichever way checks.ts exports it (default or `checks`). */
function pickChecks(module: Record<string, unknown>, id: string): ExerciseChecks {
  const candidate = module['default'] ?? module['checks'];
  if (typeof candidate !== 'object' || candidate === null || typeof (candidate as ExerciseChecks).runs !== 'function') {
    throw new Error(`exercises/${id}/checks.ts must export its checks (default export or \`checks\`)`);
  }
  return candidate as ExerciseChecks;
}

/** The exercise as the grader needs it; the solution is left empty (the grader never reads it). */
async function loadForGrading(id: string): Promise<LoadedExercise> {
  const [meta, checks, starter] = await Promise.all([
    load(metaFiles, id, 'exercise.md'),
    load(checkFiles, id, 'checks.ts'),
    load(starterFiles, id, 'starter.ts'),
  ]);
  // exercise.md was validated, defaults included, when the page was built (a broken one fails the build).
  return { id, meta, starter, solution: '', checks: pickChecks(checks, id), wrong: [] };
}


/**
 * The engine with each phase recorded as a User Timing measure (`kdc:compile`, `kdc:sandbox`), so
 * the bench and the browser's performance panel can tell where a Check's time goes.
 */
function measured(engine: BrowserEngine): BrowserEngine {
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      performance.measure(name, { start, end: performance.now() });
    }
  };
  return {
    ...engine,
    compile: (source) => time('kdc:compile', () => engine.compile(source)),
    run: (request) => time('kdc:sandbox', () => engine.run(request)),
  };
}

/** Where a run's trace is kept: its guarantee, scenario and seed (unique within one Check). */
const traceKey = (guarantee: string | null, scenario: string, seed: number): string => JSON.stringify([guarantee, scenario, seed]);

/**
 * The engine, keeping each run's trace in `traces` under the run's own (requested) labels. The grade
 * report has no room for traces — it is the `grade --json` contract — so the verdict's Replay reads
 * them from here.
 */
function recordingTraces(engine: BrowserEngine, traces: Map<string, readonly unknown[]>): BrowserEngine {
  return {
    ...engine,
    run: async (request) => {
      const result = await engine.run(request);
      request.runs.forEach((run, index) => {
        const trace = result.runs[index]?.trace;
        if (Array.isArray(trace)) traces.set(traceKey(run.guarantee, run.scenario, run.seed), trace);
      });
      return result;
    },
  };
}

/** Creates the backend of exercise `id`; nothing loads until `warm`, `run`, `check` or `solution`. */
export function createBrowserBackend(id: string): ExerciseBackend {
  const unmeasured = pageEngine();
  const engine = measured(unmeasured);
  const traces = new Map<string, readonly unknown[]>();
  const checkEngine = recordingTraces(engine, traces);
  let exercise: Promise<LoadedExercise> | undefined;
  const loaded = (): Promise<LoadedExercise> => {
    exercise ??= loadForGrading(id);
    exercise.catch(() => {
      exercise = undefined;
    });
    return exercise;
  };
  return {
    warm: () => engine.warm(),
    check: async (source) => {
      traces.clear();
      return gradeSubmission(await loaded(), source, checkEngine, PAGE_FILE_NAME);
    },
    run: async (source) => runProgramOnce(await loaded(), source, engine, PAGE_FILE_NAME),
    // Not measured: a compile ahead is no part of a Check (one that reuses it measures only its wait).
    prepare: (source) => void unmeasured.compile(source),
    solution: () => load(solutionFiles, id, 'solution.ts'),
    traceOf: (guarantee, scenario, seed) => traces.get(traceKey(guarantee, scenario, seed)),
  };
}

