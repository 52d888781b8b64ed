/**
 * Source text with its comments blanked out, for the few step checks that look at how a program is
 * written: the starter's own comments quote the code a step asks for, so a check that matched them
 * would pass a program that never wrote it. Strings and template literals are kept as they are.
 */

/** `source` with every `//` and `/* *\/` comment replaced by spaces (newlines kept, so lines still line up). */
export function withoutComments(source: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (quote !== undefined) {
      out += char;
      if (char === '\\') {
        out += next;
        i++;
      } else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') {
      quote = char;
      out += char;
    } else if (char === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else out += char;
  }
  return out;
}
