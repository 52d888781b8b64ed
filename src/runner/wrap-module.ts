/**
 * Turns compiled CommonJS into one function expression whose parameters are the module's free names.
 * The prefix stays on the code's first line, so line N of the wrapped text is line N of the compiled
 * code and only columns on line 1 shift (by `WRAPPER_PREFIX.length`).
 */

/** Parameter names the wrapped module receives, in order. */
export const MODULE_PARAMETERS = ['exports', 'require', 'module', 'console', '__kx_observe'] as const;

// Strict mode makes writes to frozen builtins throw where the learner can see them, instead of failing silently.
export const WRAPPER_PREFIX = `(function (${MODULE_PARAMETERS.join(', ')}) { 'use strict'; `;

/** Wraps compiled code; `epilogue` (e.g. an observer call) runs after it, inside the module scope. */
export function wrapModule(code: string, epilogue = ''): string {
  return `${WRAPPER_PREFIX}${code}\n;${epilogue}\n})`;
}

/** Converts a 1-based position in the wrapped text back to the compiled code. */
export function unwrapPosition(line: number, column: number): { line: number; column: number } {
  return line === 1 ? { line, column: Math.max(1, column - WRAPPER_PREFIX.length) } : { line, column };
}
