/**
 * Attacks on the builtins the harness shares with learner code: each tamper is tried (and its error
 * swallowed, as a hostile student would) before a producer that sends nothing. If any tamper reached
 * what the harness uses to read the topic, copy or serialise observations, that empty producer would
 * pass; it must fail on every guarantee that needs delivery.
 */
import { describe, expect, it } from 'vitest';
import { expectNoPass, grade, useEngine } from './attack-kit.ts';

const engine = useEngine();

/** Fake results: what each tamper tries to make the harness believe reached the topic. */
const FAKE = `const fake = (): string[] => ['order-a67', 'order-cc8', 'order-9f5'];`;

const TAMPERS: [string, string][] = [
  ['Array.prototype.flatMap (the harness reads the topic back with it)', `Array.prototype.flatMap = function () { return fake(); } as any;`],
  ['Array.prototype.map', `Array.prototype.map = function () { return fake(); } as any;`],
  ['Array.prototype[Symbol.iterator]', `(Array.prototype as any)[Symbol.iterator] = function* () { yield* fake(); };`],
  ['Reflect.defineProperty on Array.prototype (no throw on failure)', `if (!Reflect.defineProperty(Array.prototype, 'flatMap', { value: () => fake() })) throw new Error('refused');`],
  ['Object.defineProperty on Object.prototype (a getter every object inherits)', `Object.defineProperty(Object.prototype, 'processed_orders', { get: () => fake(), configurable: true });`],
  ['Object.prototype.toJSON', `(Object.prototype as any).toJSON = function () { return { processed_orders: fake() }; };`],
  ['JSON.stringify', `(JSON as any).stringify = () => JSON.stringify({ processed_orders: fake() });`],
  ['JSON.parse', `(JSON as any).parse = () => ({ processed_orders: fake() });`],
  ['Promise.prototype.then', `Promise.prototype.then = function (this: any, ok: any) { return ok?.(); } as any;`],
  ['Promise.resolve', `(Promise as any).resolve = () => new Promise(() => {});`],
  ['Function.prototype.bind', `Function.prototype.bind = function () { return () => fake(); } as any;`],
  ['Function.prototype.call and apply', `Function.prototype.call = function () { return fake(); } as any; Function.prototype.apply = Function.prototype.call as any;`],
  ['Function.prototype.toString', `Function.prototype.toString = () => 'function () { [native code] }';`],
  ['Reflect.apply', `(Reflect as any).apply = () => fake();`],
  ['Object.freeze (the harness freezes each new cluster with it)', `(Object as any).freeze = (o: unknown) => o;`],
  ['Object.setPrototypeOf on Array.prototype', `Object.setPrototypeOf(Array.prototype, { flatMap: () => fake() });`],
  ['Error.prepareStackTrace', `(Error as any).prepareStackTrace = () => 'at sendOrders (exercise.ts:1:1)';`],
  ['Error.captureStackTrace', `(Error as any).captureStackTrace = () => undefined;`],
  ['String.prototype.startsWith', `String.prototype.startsWith = () => true;`],
  ['Symbol.hasInstance on Error', `Object.defineProperty(Error, Symbol.hasInstance, { value: () => false });`],
  ['the global Proxy', `(globalThis as any).Proxy = function () { return {}; };`],
  ['a Proxy as the prototype of Object.prototype', `Object.setPrototypeOf(Object.prototype, new Proxy({}, { get: () => fake }));`],
  ['the Set and Map the harness keeps state in', `Set.prototype.has = () => true; Map.prototype.get = () => fake();`],
  ['Math.random and Date.now (the run clock)', `Math.random = () => 0; Date.now = () => 0;`],
  // QuickJS lets defineProperty replace a property of a frozen global object; the harness looks JSON up by name.
  ['the global JSON through Object.defineProperty', `Object.defineProperty(globalThis, 'JSON', { value: { stringify: () => '{"processed_orders":' + JSON.stringify(fake()) + '}', parse: () => ({ processed_orders: fake() }) } });`],
  ['the global Array through Object.defineProperties', `Object.defineProperties(globalThis, { Array: { value: function () { return fake(); } } });`],
];

const producerAfter = (tamper: string): string =>
  `${FAKE}\ntry { ${tamper} } catch (e) {}\nexport async function sendOrders(kafka: unknown, orders: string[], guarantee: string): Promise<void> {}\n`;

describe('tampering with builtins', () => {
  it.each(TAMPERS)('cannot fake delivery by replacing %s', async (_what, tamper) => {
    const report = await grade(engine(), 'orders-producer', producerAfter(tamper));
    expectNoPass(report);
    // Every guarantee asks for delivery when no fault hits: an empty producer fails each.
    expect(report.guarantees.map((g) => g.passed)).toEqual([false, false, false]);
    for (const run of report.guarantees.flatMap((g) => g.runs)) expect(run.processed_orders).toEqual([]);
  });

  it.each(TAMPERS)('reports the tamper of %s as a runtime error on its line when not swallowed', async (_what, tamper) => {
    const report = await grade(engine(), 'orders-producer', `${FAKE}\n${tamper}\nexport async function sendOrders() {}\n`);
    expectNoPass(report);
    const first = report.guarantees[0]?.runs[0];
    expect(first?.error?.kind).toBe('runtime');
    expect(first?.error?.line).toBe(2);
  });

  it('cannot tamper after the harness has started (inside sendOrders)', async () => {
    const body = TAMPERS.map(([, tamper]) => `try { ${tamper} } catch (e) {}`).join('\n');
    const report = await grade(engine(), 'orders-producer', `${FAKE}\nexport async function sendOrders(kafka: unknown, orders: string[]) {\n${body}\n}\n`);
    expectNoPass(report);
    for (const run of report.guarantees.flatMap((g) => g.runs)) expect(run.processed_orders).toEqual([]);
  });

  it('cannot fake the observed script values with a toJSON of its own', async () => {
    // The script exercise copies observed values as JSON: a toJSON on the learner's own array only
    // changes its own value, and must still be built from the (substituted) orders to pass.
    const source = `const orders = ['order1', 'order2', 'order3'];\nconst delivery_guarantee: string = 'at-least-once';\nconst processed_orders: string[] = [];\n(processed_orders as any).toJSON = () => ['order1', 'order1', 'order2', 'order2', 'order3', 'order3'];\nconsole.log(processed_orders);\n`;
    const report = await grade(engine(), 'orders-four-steps', source);
    expectNoPass(report);
    expect(report.guarantees.some((g) => !g.passed)).toBe(true);
  });
});
