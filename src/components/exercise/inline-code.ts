/** A run of exercise text: plain, or the inside of a `code` span. */
export interface InlinePart {
  text: string;
  code: boolean;
}

/**
 * Splits text on backtick code spans (`like this`). An unmatched backtick stays literal, so a typo in an
 * exercise.md never swallows the rest of the sentence.
 */
export function splitInlineCode(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const span = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(span)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), code: false });
    parts.push({ text: match[1] ?? '', code: true });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), code: false });
  return parts;
}
