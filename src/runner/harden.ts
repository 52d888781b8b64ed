/**
 * Hardens the realm the learner's code runs in, once, before any of it is evaluated.
 *
 * The idea: learner code shares a realm with the harness and the simulated cluster (a Worker, or a
 * QuickJS context), so everything they both rely on must be out of its reach. We (1) map every source
 * of time and randomness onto the run's virtual clock and seeded random source, so a run is
 * deterministic in every engine; (2) cut the global surface down to one allowlist
 * (`learner-globals.ts`), found by enumerating the global object and its prototype chain, which removes
 * every way out (network, storage, messaging, events the host listens to) and every engine-specific
 * difference; (3) freeze every intrinsic learner code can reach — everything reachable from the global
 * object, and the hidden intrinsics only syntax or return values lead to (`intrinsics.ts`), as SES's
 * lockdown does — so learner code cannot monkey-patch what the harness and the cluster use, nor keep
 * state from one run for the next. Freezing a prototype turns `instance.name = …` into an error when
 * `name` is inherited (the "override mistake"), which Error subclasses do all the time; step (3) first
 * turns such properties into accessors that define an own property instead.
 */
import { BufferShim } from '../broker/kafkajs/bytes.ts';
import { hiddenIntrinsicRoots } from './intrinsics.ts';
import { LEARNER_GLOBALS, UNREMOVABLE_CONSTANTS } from './learner-globals.ts';
import { structuredCloneValue } from './structured-clone.ts';
import type { VirtualTime } from './virtual-time.ts';

/** The Unix time a run's virtual clock starts at (2026-01-01T00:00:00Z), so dates look real. */
export const VIRTUAL_EPOCH_MS = 1_767_225_600_000;

/**
 * How far each read of the learner's clock (`Date.now()`, `new Date()`, `performance.now()`) moves it,
 * in microseconds. Synchronous code cannot let virtual time pass, so without this a busy-wait
 * (`while (Date.now() < until) {}`) would never end; with it, a 50 ms wait ends after 500 reads, in
 * every engine alike.
 */
export const CLOCK_READ_QUANTUM_US = 100;

/**
 * Legacy RegExp statics (`RegExp.$1`, `RegExp.lastMatch`, …): V8 keeps the last match of the whole
 * realm in them, a channel from one run to the next; QuickJS has none. Removed where present.
 */
const REGEXP_LEGACY_STATICS = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'"];

/** Properties commonly assigned on instances that inherit them; made assignable despite freezing. */
const OVERRIDABLE = ['constructor', 'toString', 'valueOf', 'toLocaleString', 'name', 'message', 'toJSON'];

/** Control over a hardened realm: which run's virtual time the global clock functions read. */
export interface HardenedRealm {
  /**
   * Points the global clock, timers and `Math.random` at `time`. `startsRun` (the default) also forgets
   * what the previous run left (the clock's readings, interval ids); a new process within the same run
   * passes false, so the clock stays monotonic across the run's processes.
   */
  useTime(time: VirtualTime, startsRun?: boolean): void;
}

let hardened: HardenedRealm | undefined;

/**
 * Hardens `globalThis` (idempotent: the second call returns the first result). The host must take
 * whatever it needs from the global object (e.g. `postMessage`) before calling this.
 */
export function hardenRealm(): HardenedRealm {
  if (hardened !== undefined) return hardened;
  const noTime: VirtualTime = {
    now: () => 0,
    setTimer: () => {
      throw new Error('timers are only available while a run is in progress');
    },
    clearTimer: () => undefined,
    random: () => 0.5,
  };
  let time = noTime;
  const global = globalThis as Record<string, unknown>;
  // Made first: some lead through globals that are removed next (Intl's segmenter).
  const hidden = hiddenIntrinsicRoots();
  const clock = installVirtualTime(global, () => time);
  const realm: HardenedRealm = {
    useTime(next, startsRun = true) {
      time = next;
      if (startsRun) clock.reset();
    },
  };
  // KafkaJS-style code writes `Buffer.from(order)` without importing it, as it may in Node.
  setGlobal(global, 'Buffer', BufferShim);
  installSameEverywhere(global);
  removeGlobalsOutside(global, LEARNER_GLOBALS);
  for (const name of REGEXP_LEGACY_STATICS) Reflect.deleteProperty(RegExp, name);
  disableStringEvaluation(global);
  guardGlobalDefinitions(global);
  tameOverrideMistake();
  deepFreeze(global);
  for (const root of hidden) deepFreeze(root);
  hardened = realm;
  return realm;
}

/**
 * `queueMicrotask` and `structuredClone`, ours in every engine (QuickJS lacks both; the browser's
 * clone knows host objects and its microtask reports errors to a global handler that is removed).
 */
function installSameEverywhere(global: Record<string, unknown>): void {
  const resolved = Promise.resolve();
  const then = Promise.prototype.then;
  setGlobal(global, 'queueMicrotask', (callback: unknown) => {
    if (typeof callback !== 'function') throw new TypeError("queueMicrotask: the argument is not a function");
    Reflect.apply(then, resolved, [() => (callback as () => void)()]);
  });
  setGlobal(global, 'structuredClone', (value: unknown) => structuredCloneValue(value));
  for (const [name, value] of Object.entries(UNREMOVABLE_CONSTANTS)) {
    if (!Object.prototype.hasOwnProperty.call(global, name)) Object.defineProperty(global, name, { value, writable: false, enumerable: true, configurable: false });
  }
}

/**
 * Replaces every clock and random source with the run's. Returns `reset`, called when a run starts:
 * nothing of the previous run (the clock's read count, interval ids) may carry into the next one.
 */
function installVirtualTime(global: Record<string, unknown>, time: () => VirtualTime): { reset(): void } {
  const RealDate = Date;
  // The learner's clock in whole microseconds: never behind the run's virtual time, one quantum ahead
  // of its previous reading (integers, so every engine computes the same values).
  let readUs = 0;
  const readClockMs = (): number => {
    readUs = Math.max(Math.ceil(time().now() * 1000), readUs + CLOCK_READ_QUANTUM_US);
    return readUs / 1000;
  };
  const virtualNow = (): number => VIRTUAL_EPOCH_MS + Math.floor(readClockMs());
  // A function rather than a subclass so that no path (e.g. the prototype's constructor) leads back to
  // the real clock: `Date.prototype` is shared and its `constructor` points here.
  const VirtualDate = function (this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return new RealDate(virtualNow()).toString();
    return args.length === 0 ? new RealDate(virtualNow()) : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  } as unknown as DateConstructor;
  Object.defineProperty(VirtualDate, 'prototype', { value: RealDate.prototype });
  Object.defineProperty(VirtualDate, 'name', { value: 'Date' });
  Object.defineProperty(VirtualDate, 'now', { value: virtualNow, writable: true, configurable: true });
  Object.defineProperty(VirtualDate, 'parse', { value: RealDate.parse.bind(RealDate), writable: true, configurable: true });
  Object.defineProperty(VirtualDate, 'UTC', { value: RealDate.UTC.bind(RealDate), writable: true, configurable: true });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
  setGlobal(global, 'Date', VirtualDate);

  setGlobal(global, 'performance', { now: () => readClockMs(), timeOrigin: VIRTUAL_EPOCH_MS });
  Object.defineProperty(Math, 'random', { value: () => time().random(), writable: true, configurable: true });

  const intervals = new Map<number, number>();
  let nextIntervalId = 1_000_000;
  setGlobal(global, 'setTimeout', (callback: unknown, delay?: unknown, ...args: unknown[]) =>
    time().setTimer(Number(delay) || 0, () => {
      if (typeof callback === 'function') callback(...args);
    }),
  );
  setGlobal(global, 'clearTimeout', (id: unknown) => {
    if (typeof id === 'number') time().clearTimer(id);
  });
  setGlobal(global, 'setInterval', (callback: unknown, delay?: unknown, ...args: unknown[]) => {
    const id = nextIntervalId++;
    const period = Math.max(1, Number(delay) || 0);
    const arm = (): void => {
      intervals.set(
        id,
        time().setTimer(period, () => {
          arm();
          if (typeof callback === 'function') callback(...args);
        }),
      );
    };
    arm();
    return id;
  });
  setGlobal(global, 'clearInterval', (id: unknown) => {
    if (typeof id !== 'number') return;
    const timer = intervals.get(id);
    if (timer !== undefined) time().clearTimer(timer);
    intervals.delete(id);
  });
  return {
    reset() {
      readUs = 0;
      intervals.clear();
      nextIntervalId = 1_000_000;
    },
  };
}

/**
 * QuickJS lets `Object.defineProperty` replace a property of a frozen global object — non-writable
 * and non-configurable included (`Object.defineProperty(globalThis, 'JSON', { value: fake })`) — which
 * would hand learner code every global the harness looks up by name. So every way to define a property
 * refuses the global object, in every engine: learner code never has a reason to define one there.
 */
function guardGlobalDefinitions(global: object): void {
  const refuse = (): never => {
    throw new TypeError('Cannot define a property on the global object: it is frozen');
  };
  const defineProperty = Object.defineProperty;
  const defineProperties = Object.defineProperties;
  const reflectDefine = Reflect.defineProperty;
  const replace = (owner: object, key: string, value: unknown): void => {
    defineProperty(owner, key, { value, writable: true, enumerable: false, configurable: true });
  };
  replace(Object, 'defineProperty', ((target: object, key: PropertyKey, descriptor: PropertyDescriptor) => {
    if (target === global) refuse();
    return Reflect.apply(defineProperty, Object, [target, key, descriptor]) as object;
  }) as typeof Object.defineProperty);
  replace(Object, 'defineProperties', ((target: object, descriptors: PropertyDescriptorMap) => {
    if (target === global) refuse();
    return Reflect.apply(defineProperties, Object, [target, descriptors]) as object;
  }) as typeof Object.defineProperties);
  replace(Reflect, 'defineProperty', ((target: object, key: PropertyKey, descriptor: PropertyDescriptor) =>
    target === global ? false : (Reflect.apply(reflectDefine, Reflect, [target, key, descriptor]) as boolean)) as typeof Reflect.defineProperty);
  // The legacy accessor definers define properties too (QuickJS and V8 both have them).
  for (const key of ['__defineGetter__', '__defineSetter__']) {
    const legacy = (Object.prototype as unknown as Record<string, unknown>)[key];
    if (typeof legacy !== 'function') continue;
    replace(Object.prototype, key, function (this: unknown, name: PropertyKey, accessor: unknown): unknown {
      if (this === global) refuse();
      return Reflect.apply(legacy, this, [name, accessor]);
    });
  }
}

function disableStringEvaluation(global: Record<string, unknown>): void {
  const refuse = (): never => {
    throw new EvalError('evaluating strings as code is disabled in the exercise sandbox');
  };
  setGlobal(global, 'eval', refuse);
  // Every function constructor is reachable from a function's prototype; point them all at `refuse`.
  const prototypes = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
  ] as object[];
  for (const prototype of prototypes) {
    Object.defineProperty(prototype, 'constructor', { value: refuse, writable: false, configurable: false });
  }
  Object.defineProperty(refuse, 'prototype', { value: Function.prototype });
  setGlobal(global, 'Function', refuse);
}

function tameOverrideMistake(): void {
  const errors = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError];
  const prototypes: object[] = [Object.prototype, Function.prototype, Promise.prototype, Array.prototype];
  for (const error of errors) prototypes.push(error.prototype);
  for (const prototype of prototypes) {
    for (const key of OVERRIDABLE) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      if (descriptor === undefined || !('value' in descriptor) || descriptor.configurable !== true) continue;
      const value: unknown = descriptor.value;
      Object.defineProperty(prototype, key, {
        get: () => value,
        set(this: unknown, next: unknown) {
          if (this === prototype) throw new TypeError(`Cannot assign to read only property '${key}' of a frozen builtin`);
          Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
        },
        enumerable: descriptor.enumerable ?? false,
        configurable: false,
      });
    }
  }
}

/**
 * Everything a `deepFreeze` walk has frozen: all it reaches is frozen too, so a later walk stops there
 * (each process of a run freezes its own kafkajs module; the builtins behind it were frozen once).
 */
const deeplyFrozen = new WeakSet<object>();

/** Freezes `root` and everything reachable from it through properties, accessors and prototypes. */
export function deepFreeze(root: object): void {
  const seen = new Set<object>();
  const pending: object[] = [root];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (seen.has(item) || deeplyFrozen.has(item)) continue;
    seen.add(item);
    try {
      Object.freeze(item);
    } catch {
      // Some host objects refuse to freeze; their properties are still visited.
    }
    const prototype = Object.getPrototypeOf(item) as unknown;
    if (isObject(prototype)) pending.push(prototype);
    for (const key of Reflect.ownKeys(item)) {
      let descriptor: PropertyDescriptor | undefined;
      try {
        descriptor = Object.getOwnPropertyDescriptor(item, key);
      } catch {
        continue;
      }
      if (descriptor === undefined) continue;
      for (const value of [descriptor.value, descriptor.get, descriptor.set] as unknown[]) {
        if (isObject(value)) pending.push(value);
      }
    }
  }
  for (const item of seen) deeplyFrozen.add(item);
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function setGlobal(global: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * Deletes every property of the global object and of its prototype chain (up to Object.prototype)
 * whose name is not in `allowed`: enumerated, so nothing a host adds is missed. A property that cannot
 * be deleted is shadowed on the global with undefined; the allowlist test reports any that survive.
 */
function removeGlobalsOutside(global: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  for (let target: object | null = global; target !== null && target !== Object.prototype; target = Object.getPrototypeOf(target) as object | null) {
    for (const key of Reflect.ownKeys(target)) {
      if (typeof key === 'string' && allowed.has(key)) continue;
      let deleted = false;
      try {
        deleted = Reflect.deleteProperty(target, key);
      } catch {
        deleted = false;
      }
      if (deleted || target !== global) continue;
      try {
        Object.defineProperty(global, key, { value: undefined, writable: false, configurable: false });
      } catch {
        // Left in place: the host's policy (CSP) is the backstop, and the allowlist test fails.
      }
    }
  }
}
