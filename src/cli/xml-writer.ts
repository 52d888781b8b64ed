/**
 * A small XML 1.0 writer: elements, attributes and text, with every string escaped so that the
 * document is well-formed whatever the strings hold.
 *
 * XML 1.0 cannot carry some characters at all, not even as `&#…;` references: C0 controls other than
 * tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF. One of them in one learner's
 * message would make the whole JUnit file unreadable for the class, so each becomes a visible
 * `\uXXXX` escape instead. Tab, line feed and carriage return are written as character references in
 * attributes, where a parser would otherwise normalise them to spaces.
 */

/** A node of the document: an element or a text. */
export type XmlNode = XmlElement | string;

/** An element with its attributes (in order) and children. */
export interface XmlElement {
  name: string;
  attributes?: readonly (readonly [string, string | number])[];
  children?: readonly XmlNode[];
}

/** Characters outside XML 1.0's `Char` production (with the `u` flag a surrogate range matches only unpaired ones). */
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu;

/** Names we write are our own; refuse anything that is not a plain XML name rather than escape it. */
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function withoutForbidden(text: string): string {
  return text.replace(NOT_XML_CHAR, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** Text content: `&`, `<` and `>` escaped (`>` so that `]]>` cannot appear). */
export function xmlText(text: string): string {
  return withoutForbidden(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A double-quoted attribute value, whitespace kept exactly. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replaceAll('"', '&quot;').replaceAll('\t', '&#9;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;');
}

/** One element, indented by `depth` levels of two spaces; text children are written inline. */
export function writeElement(element: XmlElement, depth = 0): string {
  if (!XML_NAME.test(element.name)) throw new Error(`not an XML name: ${element.name}`);
  const indent = '  '.repeat(depth);
  const attributes = (element.attributes ?? [])
    .map(([name, value]) => {
      if (!XML_NAME.test(name)) throw new Error(`not an XML attribute name: ${name}`);
      return ` ${name}="${xmlAttribute(String(value))}"`;
    })
    .join('');
  const children = element.children ?? [];
  if (children.length === 0) return `${indent}<${element.name}${attributes}/>`;
  if (children.every((child) => typeof child === 'string')) {
    return `${indent}<${element.name}${attributes}>${children.map((child) => xmlText(child as string)).join('')}</${element.name}>`;
  }
  const inner = children.map((child) => (typeof child === 'string' ? `${'  '.repeat(depth + 1)}${xmlText(child)}` : writeElement(child, depth + 1)));
  return `${indent}<${element.name}${attributes}>\n${inner.join('\n')}\n${indent}</${element.name}>`;
}

/** A whole document: the XML declaration and its root element. */
export function writeXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeElement(root)}\n`;
}
