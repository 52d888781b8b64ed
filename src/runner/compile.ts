/**
 * Compiles the learner's TypeScript to CommonJS with esbuild's `transform`. The same function serves
 * native esbuild in Node and esbuild-wasm in the browser: it takes the esbuild API object.
 */
import type { TransformOptions, TransformResult } from 'esbuild-wasm';
import { decodeSourceMap, originalPosition } from './source-map.ts';

import type { CompileError, CompileResult } from '../shared/sandbox-protocol.ts';
import { COMPILE_TIME_LIMIT_MS, sourceLimitError } from './source-limits.ts';

// Re-exported: the result types are part of the engine contract the grader sees (sandbox-protocol.ts).
export type { CompileError, CompileResult };

/** Anything that turns learner source into runnable CommonJS (native esbuild, esbuild-wasm in a Worker). */
export interface Compiler {
  compile(source: string): Promise<CompileResult>;
}

/** The esbuild functions we use; both `esbuild` and `esbuild-wasm` provide them. */
export interface EsbuildTransformApi {
  transform(input: string, options?: TransformOptions): Promise<TransformResult>;
  /**
   * Ends esbuild's child process (Node) or Worker (page), so a compile that hangs or broke the service
   * costs only its own file: the next `transform` starts a fresh one. Absent where esbuild runs on the
   * caller's own thread (the serverless function); there the source limits are the whole defence.
   */
  stop?(): Promise<void>;
  /**
   * Resolves once esbuild is loaded and started (the page downloads its wasm first), so that the
   * compile time limit measures compiling, not a slow network.
   */
  ready?(): Promise<void>;
}

/** Options of a compiler. */
export interface CompileOptions {
  /** Wall-clock limit for one compile. @default COMPILE_TIME_LIMIT_MS */
  timeLimitMs?: number;
}

/** The only module learner code may import. */
const ALLOWED_MODULE = 'kafkajs';

/** The file name compiled code and its source map refer to. */
const LEARNER_SOURCE_FILE = 'exercise.ts';

/** Compiles with the given esbuild API; never throws, whatever the learner's code is. */
export async function compileWith(esbuild: EsbuildTransformApi, source: string, options: CompileOptions = {}): Promise<CompileResult> {
  const overLimit = sourceLimitError(source);
  if (overLimit !== undefined) return { ok: false, error: overLimit };
  const timeLimitMs = options.timeLimitMs ?? COMPILE_TIME_LIMIT_MS;
  try {
    await esbuild.ready?.();
  } catch (thrown) {
    return { ok: false, error: { kind: 'compile', message: `The compiler could not be loaded: ${thrown instanceof Error ? thrown.message : String(thrown)}`, line: 1, column: 1 } };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeLimitMs);
  });
  let result: TransformResult | 'timeout';
  try {
    result = await Promise.race([timedOut, esbuild.transform(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'es2020',
      sourcemap: true,
      sourcefile: LEARNER_SOURCE_FILE,
      // Keep every value import, even an unused one, so the import check below sees it.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    })]);
  } catch (thrown) {
    // A syntax error comes with esbuild's messages; anything else means the service itself broke.
    if (!hasEsbuildMessages(thrown)) await restart(esbuild);
    return { ok: false, error: describeEsbuildFailure(thrown) };
  } finally {
    clearTimeout(timer);
  }
  if (result === 'timeout') {
    await restart(esbuild);
    return { ok: false, error: { kind: 'compile', message: `Compiling the program took longer than ${timeLimitMs / 1000} s and was stopped.`, line: 1, column: 1 } };
  }
  const forbidden = findForbiddenImport(result.code, result.map);
  if (forbidden !== undefined) return { ok: false, error: forbidden };
  return { ok: true, code: result.code, map: result.map };
}

/** Creates a `Compiler` over an esbuild API object. */
export function createCompiler(esbuild: EsbuildTransformApi, options: CompileOptions = {}): Compiler {
  return { compile: (source) => compileWith(esbuild, source, options) };
}

/** Stops esbuild so the next compile gets a fresh process or Worker; a failing stop changes nothing. */
async function restart(esbuild: EsbuildTransformApi): Promise<void> {
  try {
    await esbuild.stop?.();
  } catch {
    // Already gone.
  }
}

function hasEsbuildMessages(thrown: unknown): boolean {
  const errors = (thrown as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0;
}

function describeEsbuildFailure(thrown: unknown): CompileError {
  const first = (thrown as { errors?: { text?: string; location?: { line?: number; column?: number } | null }[] }).errors?.[0];
  if (first === undefined) return { kind: 'compile', message: `The compiler failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`, line: 1, column: 1 };
  return {
    kind: 'compile',
    message: first.text ?? 'syntax error',
    line: first.location?.line ?? 1,
    // esbuild's columns are 0-based.
    column: (first.location?.column ?? 0) + 1,
  };
}

/**
 * Every `import` and `export … from` becomes a `require("…")` in esbuild's CommonJS output, so
 * scanning the output finds them all, without false hits in comments.
 */
function findForbiddenImport(code: string, map: string): CompileError | undefined {
  const lines = code.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? '';
    // In a file without static imports esbuild leaves `import(…)` as it is: refuse any left in the output.
    for (const match of text.matchAll(/\brequire\(\s*(["'`])([^"'`]*)\1\s*\)|\bimport\s*\(\s*(?:(["'`])([^"'`]*)\3)?/g)) {
      const specifier = match[2] ?? match[4] ?? 'a computed module name';
      if (match[2] === ALLOWED_MODULE) continue;
      const position = originalPosition(decodeSourceMap(map), index + 1, (match.index ?? 0) + 1) ?? { line: 1, column: 1 };
      return {
        kind: 'compile',
        message: `Only 'kafkajs' can be imported in this exercise (found '${specifier}'): the sandbox has no other modules, network or file system.`,
        ...position,
      };
    }
  }
  return undefined;
}
