/**
 * Finds where in the learner's file an error was raised, from an engine's stack text.
 * V8 writes `at f (blob:…/id:3:7)`, QuickJS `at f (learner.js:3:7)`, Firefox `f@blob:…:3:7`: in every
 * case the learner's frames are the ones that mention its file name followed by `:line:column`.
 */

/** The first (innermost) frame of `stack` in `fileName`, 1-based, in the evaluated text. */
export function learnerFrame(stack: unknown, fileName: string): { line: number; column: number } | undefined {
  if (typeof stack !== 'string' || fileName === '') return undefined;
  for (const frame of stack.split('\n')) {
    const at = frame.lastIndexOf(fileName);
    if (at < 0) continue;
    const match = /^:(\d+):(\d+)/.exec(frame.slice(at + fileName.length));
    if (match?.[1] !== undefined && match[2] !== undefined) return { line: Number(match[1]), column: Number(match[2]) };
  }
  return undefined;
}
