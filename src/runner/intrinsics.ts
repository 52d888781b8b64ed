/**
 * The intrinsics learner code can reach without naming a global: objects it gets only through syntax
 * (a generator, an async function, a spread) or as what a builtin returns (an iterator, a segmenter's
 * segments). Walking the global object never finds them, yet the harness uses several of them after
 * learner code ran: every spread and for-of over an array calls %ArrayIteratorPrototype%.next. So
 * hardening makes one of each kind here and freezes everything reachable from them too.
 *
 * Each is made in its own try: an engine without a feature (QuickJS has no Intl) just has fewer.
 */

/** Throwaway objects whose prototype chains (and properties) hold the hidden intrinsics. */
export function hiddenIntrinsicRoots(): object[] {
  const roots: unknown[] = [];
  const add = (make: () => unknown): void => {
    try {
      roots.push(make());
    } catch {
      // Not in this engine.
    }
  };
  const iteratorOf = (value: { [Symbol.iterator](): unknown }): unknown => value[Symbol.iterator]();
  // %ArrayIteratorPrototype%, %MapIteratorPrototype%, %SetIteratorPrototype%, %StringIteratorPrototype%,
  // %RegExpStringIteratorPrototype%, and through their prototype %IteratorPrototype%.
  add(() => iteratorOf([]));
  add(() => new Map().entries());
  add(() => new Set().values());
  add(() => iteratorOf(''));
  add(() => /x/g[Symbol.matchAll](''));
  // Generators: %GeneratorFunction%, %GeneratorFunction.prototype%, %GeneratorPrototype%; and async.
  add(() => function* () {});
  add(() => (function* () {})());
  add(() => async function* () {});
  add(() => (async function* () {})());
  add(() => async function () {});
  add(() => async () => {});
  add(() => () => {});
  // Iterator helpers: %IteratorHelperPrototype% and %WrapForValidIteratorPrototype%.
  add(() => (iteratorOf([]) as { map(f: (x: unknown) => unknown): unknown }).map((x) => x));
  add(() => (globalThis as unknown as { Iterator: { from(o: object): unknown } }).Iterator.from({ next: () => ({ done: true, value: undefined }) }));
  // Intl segmenter: %SegmentsPrototype% and %SegmentIteratorPrototype%.
  add(() => {
    const segments = new (globalThis as unknown as { Intl: { Segmenter: new () => { segment(s: string): { [Symbol.iterator](): unknown } } } }).Intl.Segmenter().segment('a');
    return [segments, segments[Symbol.iterator]()];
  });
  // %ThrowTypeError%: the poison-pill accessor of strict `arguments.callee` and Function.prototype.caller.
  add(() => Object.getOwnPropertyDescriptor(Function.prototype, 'caller')?.get);
  add(() =>
    (function (this: unknown) {
      'use strict';
      return Object.getOwnPropertyDescriptor(arguments, 'callee')?.get;
    })(),
  );
  // %TypedArray% and its prototype (also reached through Uint8Array's prototype chain).
  add(() => Object.getPrototypeOf(Uint8Array));
  // What other builtins hand out: a promise, a regexp match, and an error — V8 gives each error an own
  // `stack` accessor whose getter and setter are shared by every error in the realm.
  add(() => Promise.resolve());
  add(() => /x/.exec('x'));
  add(() => new Error('hidden intrinsics'));
  return roots.filter((root): root is object => (typeof root === 'object' && root !== null) || typeof root === 'function');
}
