/**
 * Compiles the learner's TypeScript to CommonJS with esbuild's `transform`. The same function serves
 * native esbuild in Node and esbuild-wasm in the browser: it takes the esbuild API object.
 */
import type { TransformOptions, TransformResult } from 'esbuild-wasm';
import { decodeSourceMap, originalPosition } from './source-map.ts';

import type { CompileError, CompileResult } from './sandbox-protocol.ts';

// Re-exported: the result types are part of the engine contract the grader sees (sandbox-protocol.ts).
export type { CompileError, CompileResult };

/** Anything that turns learner source into runnable CommonJS (native esbuild, esbuild-wasm in a Worker). */
export interface Compiler {
  compile(source: string): Promise<CompileResult>;
}

/** The one esbuild function we use; both `esbuild` and `esbuild-wasm` provide it. */
export interface EsbuildTransformApi {
  transform(input: string, options?: TransformOptions): Promise<TransformResult>;
}

/** The only module learner code may import. */
const ALLOWED_MODULE = 'kafkajs';

/** The file name compiled code and its source map refer to. */
const LEARNER_SOURCE_FILE = 'exercise.ts';

/** Compiles with the given esbuild API; never throws for problems in the learner's code. */
export async function compileWith(esbuild: EsbuildTransformApi, source: string): Promise<CompileResult> {
  let result: TransformResult;
  try {
    result = await esbuild.transform(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'es2020',
      sourcemap: true,
      sourcefile: LEARNER_SOURCE_FILE,
      // Keep every value import, even an unused one, so the import check below sees it.
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    });
  } catch (thrown) {
    return { ok: false, error: describeEsbuildFailure(thrown) };
  }
  const forbidden = findForbiddenImport(result.code, result.map);
  if (forbidden !== undefined) return { ok: false, error: forbidden };
  return { ok: true, code: result.code, map: result.map };
}

/** Creates a `Compiler` over an esbuild API object. */
export function createCompiler(esbuild: EsbuildTransformApi): Compiler {
  return { compile: (source) => compileWith(esbuild, source) };
}

function describeEsbuildFailure(thrown: unknown): CompileError {
  const first = (thrown as { errors?: { text?: string; location?: { line?: number; column?: number } | null }[] }).errors?.[0];
  if (first === undefined) return { kind: 'compile', message: String(thrown), line: 1, column: 1 };
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
