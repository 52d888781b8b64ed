/**
 * Replaces the initialiser of a top-level `const|let|var NAME = …` in compiled JavaScript, so the
 * script driver can re-run a learner's program with another `delivery_guarantee` or other order ids.
 * It works on esbuild's output, whose declarations are normalised (`const name = "value";`), and
 * keeps the text on the same line so the source map still applies.
 */

/** Returns the code with NAME's initialiser replaced by `value` (as JSON), or undefined when NAME is not declared with one. */
export function substituteDeclaration(code: string, name: string, value: unknown): string | undefined {
  const declaration = new RegExp(`(^|[\\s;{}])(?:const|let|var)\\s+${name}\\s*=\\s*`, 'm').exec(code);
  if (declaration === null) return undefined;
  const start = declaration.index + declaration[0].length;
  const end = endOfExpression(code, start);
  if (end === undefined) return undefined;
  // Keep the line count: the replaced text may have spanned several lines.
  const removedNewlines = code.slice(start, end).split('\n').length - 1;
  return `${code.slice(0, start)}${JSON.stringify(value)}${'\n'.repeat(removedNewlines)}${code.slice(end)}`;
}

/** Index just past the expression starting at `start`: the first `;`, `,` or newline outside brackets and strings. */
function endOfExpression(code: string, start: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < code.length; i++) {
    const char = code[i];
    if (quote !== undefined) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '[' || char === '(' || char === '{') depth++;
    else if (char === ']' || char === ')' || char === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (char === ';' || char === ',' || char === '\n')) return i;
  }
  return depth === 0 ? code.length : undefined;
}
