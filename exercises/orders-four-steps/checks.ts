/**
 * Hidden checks of orders-four-steps. The program runs once as written (for the four steps), then once
 * per guarantee with `delivery_guarantee` replaced — with the orders of step 1 and with other order ids,
 * so a hard-coded `processed_orders` cannot pass.
 */
import type { StepInput, Verdict } from '../../src/grading/checks-types.ts';
import { defineChecks } from '../../src/grading/define-checks.ts';
import { countOrders, listOrders } from '../../src/grading/order-counts.ts';
import { orderIdsFor } from '../../src/grading/order-ids.ts';
import { formatValue } from '../../src/shared/format-value.ts';
import { declarationsOf, isIdentifier, isMember, mentions, nodesUnder, parseProgram, type JsNode } from '../../src/grading/program-structure.ts';
import type { RunObservation, SandboxRun } from '../../src/shared/sandbox-protocol.ts';
import { GUARANTEES } from '../../src/schemas/guarantees.ts';

const STEP_ONE_ORDERS = ['order1', 'order2', 'order3'];
const SEEDS = { 'at-most-once': 11, 'at-least-once': 12, 'exactly-once': 13 } as const;

function runs(): SandboxRun[] {
  const all: SandboxRun[] = [{ scenario: 'program as written', seed: 1, guarantee: null, orders: STEP_ONE_ORDERS, faults: [] }];
  for (const guarantee of GUARANTEES) {
    const seed = SEEDS[guarantee];
    all.push({ scenario: 'orders from step 1', seed, guarantee, orders: STEP_ONE_ORDERS, faults: [], substitute: { delivery_guarantee: guarantee } });
    const other = orderIdsFor(seed, 4);
    all.push({ scenario: 'other order ids', seed: seed + 100, guarantee, orders: other, faults: [], substitute: { delivery_guarantee: guarantee, orders: other } });
  }
  return all;
}

function judge(run: RunObservation): Verdict {
  const guarantee = run.guarantee ?? 'at-least-once';
  if (run.error !== undefined) return { passed: false, message: `${guarantee}: the program stopped with ${run.error.name}: ${run.error.message}` };
  const observed = run.observed ?? {};
  if (observed['delivery_guarantee'] !== guarantee) {
    return { passed: false, message: `${guarantee}: the re-run could not set delivery_guarantee — declare it once at the top level, as \`const delivery_guarantee = 'at-least-once';\`, and never assign it again` };
  }
  if (!sameList(observed['orders'], run.orders)) {
    return { passed: false, message: `${guarantee}: the re-run could not replace \`orders\` — declare it once at the top level as an array literal` };
  }
  const processed = run.processed_orders;
  if (processed === null) return { passed: false, message: `${guarantee}: processed_orders is missing or is not an array of strings` };
  const counts = countOrders(run.orders, processed);
  if (counts.unexpected.length > 0) {
    return { passed: false, message: `${guarantee}: processed_orders holds ${listOrders(counts.unexpected)}, which ${counts.unexpected.length === 1 ? 'was' : 'were'} never in orders (${listOrders(run.orders)}) — build it from orders instead of writing it out` };
  }
  const twice = counts.duplicated.map((d) => d.order);
  if (guarantee === 'at-most-once') {
    if (twice.length > 0) return { passed: false, message: `at-most-once: ${listOrders(twice)} processed more than once — at-most-once never redelivers` };
    // At-most-once may lose an order only when something fails, and nothing fails in this simulation.
    if (counts.missing.length > 0) return { passed: false, message: `at-most-once: ${listOrders(counts.missing)} never processed — at-most-once loses an order only when a delivery fails, and nothing fails in this simulation: process each order once` };
    return { passed: true, message: `at-most-once: every order processed once (${formatValue(processed)})` };
  }
  if (guarantee === 'exactly-once') {
    if (twice.length > 0) return { passed: false, message: `exactly-once: ${listOrders(twice)} processed more than once — duplicates must be removed (idempotent producer, transactions)` };
    if (counts.missing.length > 0) return { passed: false, message: `exactly-once: ${listOrders(counts.missing)} never processed` };
    return { passed: true, message: `exactly-once: every order processed exactly once (${formatValue(processed)})` };
  }
  if (counts.missing.length > 0) return { passed: false, message: `at-least-once: ${listOrders(counts.missing)} never processed — at-least-once must not lose an order` };
  const notTwice = run.orders.filter((order) => processed.filter((p) => p === order).length !== 2);
  if (notTwice.length > 0) {
    return { passed: false, message: `at-least-once: ${listOrders(notTwice)} ${notTwice.length === 1 ? 'is' : 'are'} not processed twice — this simulation models the redelivery after a lost acknowledgement by appending each order a second time` };
  }
  return { passed: true, message: `at-least-once: every order processed, each twice as a redelivery would (${formatValue(processed)})` };
}

function steps({ code, asWritten }: StepInput): Record<string, Verdict> {
  const observed = asWritten?.observed ?? {};
  const error = asWritten?.error;
  const failedToRun = error === undefined ? '' : ` (the program stopped with ${error.name}: ${error.message}${error.line === undefined ? '' : ` at line ${error.line}`})`;
  const ordersOk = sameList(observed['orders'], STEP_ONE_ORDERS);
  const guaranteeOk = observed['delivery_guarantee'] === 'at-least-once';
  // Only code counts, judged from its syntax tree: the starter's comments quote the loop and the
  // declaration, and a string, template literal or regular expression can hold the same text.
  const program = parseProgram(code);
  const loopOk = program !== undefined && [...nodesUnder(program)].some((node) => isForOfOrders(node) || isIndexedLoopOverOrders(node));
  const emptyStart = program !== undefined && declarationsOf(program, 'processed_orders').some((declarator) => isEmptyArray(declarator['init']));
  const expected = STEP_ONE_ORDERS.flatMap((order) => [order, order]);
  const processedOk = sameList(asWritten?.processed_orders, expected);
  const printsTheList = program !== undefined && [...nodesUnder(program)].some(isConsolePrintOfProcessedOrders);
  const printed = printsTheList && asWritten?.processed_orders != null && printedSomewhere(asWritten.console, asWritten.processed_orders);
  // A program that threw leaves its names unread: say so rather than "not declared".
  const describe = (value: unknown): string => (error !== undefined && value == null ? 'unknown' : describeValue(value));
  return {
    'create-orders': ordersOk
      ? { passed: true, message: 'orders holds order1, order2 and order3' }
      : { passed: false, message: `orders must be exactly ['order1', 'order2', 'order3']; it is ${describe(observed['orders'])}${failedToRun}` },
    'set-guarantee': guaranteeOk
      ? { passed: true, message: "delivery_guarantee is 'at-least-once'" }
      : { passed: false, message: `delivery_guarantee must be 'at-least-once'; it is ${describe(observed['delivery_guarantee'])}${failedToRun}` },
    'simulate-sending': !emptyStart
      ? { passed: false, message: 'start processed_orders as an empty array: `const processed_orders: string[] = [];`' }
      : !loopOk
        ? { passed: false, message: 'loop over orders with a `for` loop whose variable is `order` — `for (const order of orders)` — so each order goes through the same path (forEach, map or a while loop do not count for this step)' }
        : processedOk
          ? { passed: true, message: 'each order processed, and a second time under at-least-once' }
          : { passed: false, message: `with at-least-once, processed_orders should be ${formatValue(expected)}; it is ${describe(asWritten?.processed_orders)}${failedToRun}` },
    'print-orders': printed
      ? { passed: true, message: 'processed_orders printed' }
      : !printsTheList
        ? { passed: false, message: 'print the list itself, `console.log(processed_orders)`: the program must hand processed_orders to console.log, not a text that looks like it' }
        : { passed: false, message: `the output never shows the final processed_orders${asWritten?.processed_orders == null ? '' : ` (${formatValue(asWritten.processed_orders)})`}: print it after the loop, with console.log(processed_orders)${failedToRun}` },
  };
}

/** `for (const order of orders)` (or let, var). */
function isForOfOrders(node: JsNode): boolean {
  if (node.type !== 'ForOfStatement' || !isIdentifier(node['right'], 'orders')) return false;
  const left = node['left'] as JsNode;
  const declarations = left.type === 'VariableDeclaration' ? (left['declarations'] as JsNode[]) : [];
  return declarations.length === 1 && isIdentifier(declarations[0]?.['id'], 'order');
}

/** `for (let i = 0; i < orders.length; …)` with `order = orders[i]` inside: the same loop, written with an index. */
function isIndexedLoopOverOrders(node: JsNode): boolean {
  if (node.type !== 'ForStatement') return false;
  const init = node['init'] as JsNode | null;
  const counter = init?.type === 'VariableDeclaration' ? (init['declarations'] as JsNode[])[0] : undefined;
  const counterName = (counter?.['id'] as JsNode | undefined)?.['name'];
  if (typeof counterName !== 'string' || (counter?.['init'] as JsNode | undefined)?.['value'] !== 0) return false;
  const test = node['test'] as JsNode | null;
  if (test?.type !== 'BinaryExpression' || test['operator'] !== '<' || !isIdentifier(test['left'], counterName) || !isMember(test['right'], 'orders', 'length')) return false;
  return declarationsOf(node['body'] as JsNode, 'order').some((declarator) => {
    const init = declarator['init'] as JsNode | null;
    return init?.type === 'MemberExpression' && init['computed'] === true && isIdentifier(init['object'], 'orders') && isIdentifier(init['property'], counterName);
  });
}

/** `[]` or `new Array()` (esbuild drops `<string>`). */
function isEmptyArray(init: unknown): boolean {
  const node = init as JsNode | null;
  if (node?.type === 'ArrayExpression') return (node['elements'] as unknown[]).length === 0;
  return node?.type === 'NewExpression' && isIdentifier(node['callee'], 'Array') && (node['arguments'] as unknown[]).length === 0;
}

/** A `console.log(…)` (or info, warn, error, dir, table) whose arguments use processed_orders itself. */
function isConsolePrintOfProcessedOrders(node: JsNode): boolean {
  if (node.type !== 'CallExpression' || !CONSOLE_PRINTS.some((method) => isMember(node['callee'], 'console', method))) return false;
  return (node['arguments'] as JsNode[]).some((argument) => mentions(argument, 'processed_orders'));
}

const CONSOLE_PRINTS = ['log', 'info', 'warn', 'error', 'dir', 'table', 'debug'];

/**
 * Whether some console line shows the whole list, in any layout: with a label before it, as JSON
 * (also pretty-printed), joined, or spread — the order ids appear in that order, nothing else between.
 */
function printedSomewhere(lines: readonly string[], processed: readonly string[]): boolean {
  if (processed.length === 0) return lines.some((line) => line.includes('[]'));
  return lines.some((line) => containsRun(line.split(/[^\w-]+/).filter((token) => token !== ''), processed));
}

function containsRun(tokens: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= tokens.length; start++) {
    if (run.every((item, i) => tokens[start + i] === item)) return true;
  }
  return false;
}

function sameList(value: unknown, expected: readonly string[]): boolean {
  return Array.isArray(value) && value.length === expected.length && value.every((item, i) => item === expected[i]);
}

function describeValue(value: unknown): string {
  return value === undefined ? 'not declared at the top level (the checks look for this exact name)' : formatValue(value);
}

export const checks = defineChecks({
  driver: 'script',
  observe: ['orders', 'delivery_guarantee', 'processed_orders'],
  runs,
  judge,
  steps,
});
