/**
 * The limits a submission's source must stay within before any compiler or parser sees it, checked the
 * same way by every engine (Node, the page, the serverless function), because `compileWith` checks them.
 *
 * Why: esbuild's output grows quadratically with the nesting of blocks, so a 40 KB file of `{` costs
 * gigabytes and tens of seconds, and parsers recurse once per level. A course program is a few KB
 * deep by a handful of levels; these limits leave it two orders of magnitude of room and refuse the
 * rest in linear time with a compile error at the line and column where the limit was crossed.
 */
import type { CompileError } from '../shared/sandbox-protocol.ts';

/** Longest source accepted, in UTF-16 code units (a course solution is under 5 000). */
export const MAX_SOURCE_LENGTH = 64 * 1024;

/** Deepest nesting of brackets, braces, parentheses and template substitutions accepted. */
export const MAX_NESTING_DEPTH = 100;

/** Wall-clock limit for compiling one source; past it the compiler is stopped and restarted. */
export const COMPILE_TIME_LIMIT_MS = 10_000;

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/** The first limit `source` breaks, as a compile error; undefined when it keeps them all. */
export function sourceLimitError(source: string): CompileError | undefined {
  if (source.length > MAX_SOURCE_LENGTH) {
    return { kind: 'compile', message: `The program is too long: ${source.length} characters, at most ${MAX_SOURCE_LENGTH} are accepted.`, ...positionOf(source, MAX_SOURCE_LENGTH) };
  }
  const deepAt = tooDeepAt(source);
  if (deepAt !== undefined) {
    return { kind: 'compile', message: `The program nests brackets, braces or parentheses more than ${MAX_NESTING_DEPTH} levels deep.`, ...positionOf(source, deepAt) };
  }
  return undefined;
}

/** 1-based line and column of index `at`. */
function positionOf(source: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/**
 * Where the nesting first passes MAX_NESTING_DEPTH, in one pass that skips comments, string and
 * template text and regular expressions (so a `{` inside them does not count). The regex/division
 * guess looks at the previous token only; a wrong guess can miscount a few brackets on one line,
 * never make the scan slower than linear.
 */
function tooDeepAt(source: string): number | undefined {
  // One entry per open level; 'template' marks a `${` whose `}` returns to template text.
  const open: ('bracket' | 'template')[] = [];
  // Whether a `/` here would divide: after a value (name, number, closing bracket or string).
  let afterValue = false;
  let lastOpenAt = 0;
  let i = 0;
  const n = source.length;
  /** Skips template text from i (just past the backtick or `}`) to its end or its next `${`. */
  const templateText = (): void => {
    while (i < n) {
      const c = source[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        afterValue = true;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        open.push('template');
        lastOpenAt = i;
        i += 2;
        afterValue = false;
        return;
      } else i++;
    }
  };
  while (i < n) {
    if (open.length > MAX_NESTING_DEPTH) return lastOpenAt;
    const c = source[i] as string;
    if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < n && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      i++;
      afterValue = true;
    } else if (c === '`') {
      i++;
      templateText();
    } else if (c === '/' && !afterValue) {
      i++;
      let inClass = false;
      while (i < n && source[i] !== '\n' && (inClass || source[i] !== '/')) {
        if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        i += source[i] === '\\' ? 2 : 1;
      }
      i++;
      afterValue = true;
    } else if (c === '(' || c === '[' || c === '{') {
      open.push('bracket');
      lastOpenAt = i;
      i++;
      afterValue = false;
    } else if (c === ')' || c === ']' || c === '}') {
      const closed = open.pop();
      i++;
      if (c === '}' && closed === 'template') templateText();
      else afterValue = c !== '}';
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      const start = i;
      while (i < n && /[A-Za-z0-9_$]/.test(source[i] as string)) i++;
      afterValue = !REGEX_AFTER_WORD.has(source.slice(start, i));
    } else {
      if (c.trim() !== '') afterValue = false;
      i++;
    }
  }
  return open.length > MAX_NESTING_DEPTH ? lastOpenAt : undefined;
}
