/**
 * Learner-derived text made safe to print on one line of a terminal or a CI log.
 *
 * A report message can carry what a submission printed or threw, and a file name is whatever the
 * student called the file. Printed raw, a newline starts a forged `PASS … 18/18` or `Points 18/18`
 * line, a carriage return overwrites the real one, ANSI escapes hide or recolour text, and bidi
 * overrides reorder it on screen. So every such character becomes a visible escape (`\n`, `\u001b`),
 * and what the reader sees is what the text holds.
 */

/**
 * Control characters (C0, DEL, C1), line and paragraph separators, bidi embeddings, overrides, isolates
 * and marks, the byte-order mark, and unpaired surrogates (the `u` flag matches only those) — everything that moves the cursor, hides text or reorders it.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udfff]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every unprintable character written as a visible escape; always one line. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
