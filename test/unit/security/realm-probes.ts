/**
 * Learner programs that look at the sandbox from the inside, shared by the tests that run them in
 * every engine. Each reports what it found by throwing an Error whose message carries JSON after a
 * fixed label, so the finding reaches the grade report (`runs[].error.message`) in every engine.
 */

/** Reads the JSON a probe put after `label` in a run's error message. */
export function probeResult<T>(message: string | undefined, label: string): T {
  const at = (message ?? '').indexOf(`${label}: `);
  if (at < 0) throw new Error(`no ${label} in ${JSON.stringify(message)}`);
  return JSON.parse((message ?? '').slice(at + label.length + 2)) as T;
}

/**
 * A function (JavaScript, valid TypeScript with `any`) that enumerates every object it can reach —
 * the global object, its prototype chain, and the hidden intrinsics it can construct — and tries to
 * patch each property of each one, one at a time: assign it, redefine it, delete it; then to add a
 * property and to change the object's prototype. Any that sticks is recorded (and undone, so the probe
 * can go on). Returns `{ objects, tried, stuck }`.
 *
 * Between a patch and its check it calls only functions it took beforehand, directly, so a patch that
 * did stick cannot break the probe itself.
 */
export const PATCH_PROBE = String.raw`function patchProbe(): any {
  'use strict';
  const getProto = Object.getPrototypeOf;
  const setProto = Object.setPrototypeOf;
  const describe = Object.getOwnPropertyDescriptor;
  const define = Object.defineProperty;
  const ownKeys = Reflect.ownKeys;
  const hasOwn = (o: any, k: any): boolean => describe(o, k) !== undefined;
  const isObject = (v: any): boolean => (typeof v === 'object' && v !== null) || typeof v === 'function';
  const G: any = globalThis;
  const shared: [string, any][] = [['globalThis', G]];
  const instances: [string, any][] = [];
  const make = (list: [string, any][], name: string, build: () => any): void => {
    try { const value = build(); if (isObject(value)) list.push([name, value]); } catch (e) { /* not in this engine */ }
  };
  make(instances, 'array iterator', () => ([] as any)[Symbol.iterator]());
  make(instances, 'map iterator', () => new Map().entries());
  make(instances, 'set iterator', () => new Set().values());
  make(instances, 'string iterator', () => ('' as any)[Symbol.iterator]());
  make(instances, 'regexp string iterator', () => 'a'.matchAll(/a/g));
  // A generator's prototype is its function's own \`prototype\`; the shared %GeneratorPrototype% is one
  // further up, reached below through the function's \`prototype\` property.
  make(instances, 'generator function', () => function* () {});
  make(instances, 'async generator function', () => async function* () {});
  make(instances, 'async function', () => async function () {});
  make(instances, 'async arrow', () => async () => {});
  make(instances, 'iterator helper', () => ([] as any).values().map((x: any) => x));
  make(instances, 'iterator wrapper', () => G.Iterator.from({ next: () => ({ done: true, value: undefined }) }));
  make(instances, 'segments', () => new G.Intl.Segmenter().segment('a'));
  make(instances, 'segment iterator', () => new G.Intl.Segmenter().segment('a')[Symbol.iterator]());
  make(instances, 'promise', () => Promise.resolve());
  make(instances, 'regexp match', () => /x/.exec('x'));
  make(instances, 'typed array', () => new Uint8Array(1));
  make(instances, 'date', () => new Date());
  make(instances, 'strict arguments', function (this: any) { return arguments; });
  make(instances, 'error', () => new Error('probe'));
  make(shared, '%ThrowTypeError% (caller)', () => describe(Function.prototype, 'caller')?.get);
  make(shared, '%ThrowTypeError% (callee)', function (this: any) { return describe(arguments, 'callee')?.get; });
  make(shared, '%TypedArray%', () => getProto(Uint8Array));
  const pending: [string, any][] = [...shared];
  for (const [name, instance] of instances) {
    // The instance is the learner's own; what it leads to (its prototype, its properties' prototypes) is shared.
    pending.push([name + ' prototype', getProto(instance)]);
    for (const key of ownKeys(instance)) {
      const d: any = describe(instance, key);
      if (isObject(d.value)) pending.push([name + '.' + String(key) + ' prototype', getProto(d.value)]);
      // An instance's accessors are the realm's (V8's error stack accessor, %ThrowTypeError%): shared.
      for (const f of [d.get, d.set]) if (isObject(f)) pending.push([name + '.' + String(key) + ' accessor', f]);
    }
  }
  const seen = new Set<any>();
  const order: [string, any][] = [];
  while (pending.length > 0) {
    const [path, item] = pending.shift() as [string, any];
    if (!isObject(item) || seen.has(item)) continue;
    seen.add(item);
    order.push([path, item]);
    const proto = getProto(item);
    if (isObject(proto)) pending.push([path + '.__proto__', proto]);
    for (const key of ownKeys(item)) {
      let d: any;
      try { d = describe(item, key); } catch (e) { continue; }
      if (d === undefined) continue;
      if (isObject(d.value)) pending.push([path + '.' + String(key), d.value]);
      if (isObject(d.get)) pending.push([path + '.get ' + String(key), d.get]);
      if (isObject(d.set)) pending.push([path + '.set ' + String(key), d.set]);
    }
  }
  const sentinel = function probePatch() { return 'patched'; };
  const stuck: string[] = [];
  let tried = 0;
  const attempt = (what: string, patch: () => void, held: () => boolean, undo: () => void): void => {
    tried++;
    try { patch(); } catch (e) { /* refused */ }
    let ok = false;
    try { ok = held(); } catch (e) { ok = false; }
    if (!ok) return;
    stuck[stuck.length] = what;
    try { undo(); } catch (e) { /* cannot undo */ }
  };
  for (const [path, item] of order) {
    for (const key of ownKeys(item)) {
      let before: any;
      try { before = describe(item, key); } catch (e) { continue; }
      if (before === undefined) continue;
      const at = path + '[' + String(key) + ']';
      const restore = (): void => { define(item, key, before); };
      if ('value' in before) {
        attempt(at + ' = …', () => { item[key] = sentinel; }, () => describe(item, key)?.value === sentinel, restore);
      }
      attempt('defineProperty ' + at, () => { define(item, key, { value: sentinel }); }, () => describe(item, key)?.value === sentinel, restore);
      attempt('delete ' + at, () => { delete item[key]; }, () => !hasOwn(item, key), restore);
    }
    attempt(path + '.<new property>', () => { item.__probeAdded = sentinel; }, () => hasOwn(item, '__probeAdded'), () => { delete item.__probeAdded; });
    const proto = getProto(item);
    attempt('setPrototypeOf ' + path, () => { setProto(item, proto === null ? {} : null); }, () => getProto(item) !== proto, () => { setProto(item, proto); });
  }
  return { objects: order.length, tried, stuck, stuckCount: stuck.length };
}`;

/** A script-exercise submission (top level) that runs the patch probe and reports it as `patch-probe`. */
export const PATCH_PROBE_SUBMISSION = `${PATCH_PROBE}\nconst found = patchProbe();\nthrow new Error('patch-probe: ' + JSON.stringify({ ...found, stuck: found.stuck.slice(0, 12) }));\n`;

/** A script-exercise submission that reports every global name it sees (own and on the prototype chain) as `globals`. */
export const GLOBALS_PROBE_SUBMISSION = String.raw`
const names: string[] = [];
for (let o: any = globalThis; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
  for (const key of Reflect.ownKeys(o)) names.push(typeof key === 'string' ? key : 'symbol ' + String(key.description));
}
throw new Error('globals: ' + JSON.stringify([...new Set(names)].sort()));
`;

/**
 * An orders-transactions submission that tries to tell runs apart through anything shared: it walks
 * every object it can reach from its arguments, the 'kafkajs' module, the clients it makes and the
 * hidden intrinsics, counts the marks an earlier run left, and leaves its own. It also reports the
 * id of a new interval and the RegExp legacy statics (realm-wide state in V8). Reported as `runs-probe`.
 */
export const CROSS_RUN_PROBE_SUBMISSION = String.raw`
import * as kafkajs from 'kafkajs';
const MARK = '__seenByAnEarlierRun';
export async function processOrders(kafka: any): Promise<void> {
  const roots: any[] = [kafka, kafkajs, (kafkajs as any).default, globalThis, [][Symbol.iterator](), (function* () {})(), (async function* () {})(), async () => {}];
  const made: any[] = [];
  try { made.push(kafka.producer({ transactionalId: 'order-processor', idempotent: true })); } catch (e) {}
  try { made.push(kafka.consumer({ groupId: 'order-processor' })); } catch (e) {}
  try { made.push(kafka.admin()); } catch (e) {}
  try { made.push(kafka.logger()); } catch (e) {}
  const pending: any[] = [...roots, ...made];
  const seen = new Set<any>();
  let marks = 0;
  let objects = 0;
  while (pending.length > 0) {
    const item = pending.pop();
    if (!((typeof item === 'object' && item !== null) || typeof item === 'function') || seen.has(item)) continue;
    seen.add(item);
    objects++;
    if (Object.getOwnPropertyDescriptor(item, MARK) !== undefined) marks++;
    else try { Object.defineProperty(item, MARK, { value: true }); } catch (e) {}
    pending.push(Object.getPrototypeOf(item));
    for (const key of Reflect.ownKeys(item)) {
      const d: any = Object.getOwnPropertyDescriptor(item, key);
      if (d !== undefined) pending.push(d.value, d.get, d.set);
    }
  }
  const interval = setInterval(() => {}, 1000);
  clearInterval(interval);
  const legacy = (RegExp as any).lastMatch ?? null;
  /order-(\w+)/.exec('order-abc');
  throw new Error('runs-probe: ' + JSON.stringify({ marks, objects, interval: String(interval), legacy }));
}
`;
