/**
 * How a program is written, judged from a parse of it rather than from its text: for the step checks
 * that ask "is there a `for … of orders` loop", "is the list printed". Text patterns cannot tell code
 * from a string, a template literal, a regular expression or a comment that quotes the code, so a loop
 * written inside a string passed them; a syntax tree can.
 *
 * The parse is of esbuild's JavaScript output (TypeScript's types are gone, the structure is kept) with
 * acorn, a small parser that also runs in the page. The walk is iterative, so a deep tree costs heap,
 * not stack; the source limits (src/runner/source-limits.ts) bound the tree before it gets here.
 */
import { parse } from 'acorn';

/** A node of an ESTree syntax tree, as far as the checks read it. */
export interface JsNode {
  type: string;
  [field: string]: unknown;
}

function isNode(value: unknown): value is JsNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The program's syntax tree, or undefined when it cannot be parsed (the compile step reports why). */
export function parseProgram(code: string): JsNode | undefined {
  try {
    return parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true }) as unknown as JsNode;
  } catch {
    // A syntax error, or a tree too deep for the parser's recursion.
    return undefined;
  }
}

/** Every node under `root` (itself included), depth first, in source order. */
export function* nodesUnder(root: JsNode): Generator<JsNode> {
  const pending: JsNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as JsNode;
    yield node;
    const children: JsNode[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key === 'range') continue;
      if (Array.isArray(value)) for (const item of value) if (isNode(item)) children.push(item);
      if (isNode(value)) children.push(value);
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as JsNode);
  }
}

/** Whether `node` is the identifier `name`. */
export function isIdentifier(node: unknown, name: string): boolean {
  return isNode(node) && node.type === 'Identifier' && node['name'] === name;
}

/** Whether `node` is `object.property` (not computed), e.g. `orders.length`, `console.log`. */
export function isMember(node: unknown, object: string, property: string): boolean {
  return isNode(node) && node.type === 'MemberExpression' && node['computed'] === false && isIdentifier(node['object'], object) && isIdentifier(node['property'], property);
}

/** Whether the identifier `name` is read anywhere under `root`. */
export function mentions(root: JsNode, name: string): boolean {
  for (const node of nodesUnder(root)) if (isIdentifier(node, name)) return true;
  return false;
}

/** The declarators (`name = init`) of variables called `name` under `root`. */
export function declarationsOf(root: JsNode, name: string): JsNode[] {
  const found: JsNode[] = [];
  for (const node of nodesUnder(root)) if (node.type === 'VariableDeclarator' && isIdentifier(node['id'], name)) found.push(node);
  return found;
}
