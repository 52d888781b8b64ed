/**
 * A strict well-formedness check for the XML the `grade` CLI writes (no XML parser is a dependency of
 * the project): every character is an XML 1.0 `Char`, every reference is a predefined entity or a
 * character reference to a `Char`, tags nest, attribute values are quoted and unique, one root.
 * Returns the first problem found, or undefined for a well-formed document.
 */
const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
const NAME = '[A-Za-z_:][A-Za-z0-9_:.-]*';
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/y;
const OPEN_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, 'y');
const CLOSE_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');

function badCharData(text: string, where: string): string | undefined {
  if (text.includes('<')) return `'<' in ${where}`;
  if (text.includes(']]>')) return `']]>' in ${where}`;
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    const match = REFERENCE.exec(text);
    if (match === null) return `a bare '&' in ${where}`;
    const code = match[2] !== undefined ? Number(match[2]) : match[3] !== undefined ? parseInt(match[3], 16) : undefined;
    if (code !== undefined && (code > 0x10ffff || !XML_CHAR.test(String.fromCodePoint(code)))) return `a reference to a character XML forbids (${match[0]}) in ${where}`;
  }
  return undefined;
}

export function xmlProblem(document: string): string | undefined {
  if (!XML_CHAR.test(document)) {
    const bad = [...document].find((c) => !XML_CHAR.test(c)) ?? '';
    return `a character XML 1.0 forbids: U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase()}`;
  }
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(document);
  if (declaration === null) return 'no XML declaration';
  let i = declaration[0].length;
  const open: string[] = [];
  let roots = 0;
  while (i < document.length) {
    const next = document.indexOf('<', i);
    const text = document.slice(i, next < 0 ? document.length : next);
    if (open.length === 0 && text.trim() !== '') return 'text outside the root element';
    const textProblem = badCharData(text, 'text');
    if (textProblem !== undefined) return textProblem;
    if (next < 0) break;
    CLOSE_TAG.lastIndex = next;
    const close = CLOSE_TAG.exec(document);
    if (close !== null) {
      if (open.pop() !== close[1]) return `</${close[1]}> closes the wrong element`;
      i = CLOSE_TAG.lastIndex;
      continue;
    }
    OPEN_TAG.lastIndex = next;
    const tag = OPEN_TAG.exec(document);
    if (tag === null) return `a malformed tag at ${JSON.stringify(document.slice(next, next + 40))}`;
    if (open.length === 0 && ++roots > 1) return 'more than one root element';
    const names = new Set<string>();
    for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      if (names.has(attribute[1] ?? '')) return `attribute ${attribute[1]} twice`;
      names.add(attribute[1] ?? '');
      const valueProblem = badCharData(attribute[2] ?? attribute[3] ?? '', `attribute ${attribute[1]}`);
      if (valueProblem !== undefined) return valueProblem;
    }
    if (tag[3] !== '/') open.push(tag[1] ?? '');
    i = OPEN_TAG.lastIndex;
  }
  if (open.length > 0) return `<${open.at(-1)}> is never closed`;
  if (roots !== 1) return 'no root element';
  return undefined;
}
