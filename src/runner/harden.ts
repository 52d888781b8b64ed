/**
 * Hardens the realm the learner's code runs in, once, before any of it is evaluated.
 *
 * The idea: learner code shares a realm with the harness and the simulated cluster (a Worker, or a
 * QuickJS context), so everything they both rely on must be out of its reach. We (1) map every source
 * of time and randomness onto the run's virtual clock and seeded random source, so a run is
 * deterministic in every engine; (2) remove the ways out of the sandbox (network, storage, messaging,
 * string evaluation); (3) freeze every object reachable from the global object — builtins, their
 * prototypes, and the global object itself — so learner code cannot monkey-patch what the harness and
 * the cluster use. Freezing a prototype turns `instance.name = …` into an error when `name` is
 * inherited (the "override mistake"), which Error subclasses do all the time; step (3) first turns
 * such properties into accessors that define an own property instead, as SES does.
 */
import { BufferShim } from '../broker/kafkajs/bytes.ts';
import type { VirtualTime } from './virtual-time.ts';

/** The Unix time a run's virtual clock starts at (2026-01-01T00:00:00Z), so dates look real. */
export const VIRTUAL_EPOCH_MS = 1_767_225_600_000;

/** Global names removed because they reach outside the sandbox. */
const ESCAPE_HATCHES = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'importScripts', 'indexedDB',
  'caches', 'localStorage', 'sessionStorage', 'postMessage', 'close', 'BroadcastChannel', 'Worker',
  'SharedWorker', 'navigator', 'WebTransport', 'RTCPeerConnection', 'Request', 'Response', 'FileReaderSync',
  'requestAnimationFrame', 'setImmediate', 'queueMicrotaskReal', 'require', 'process', 'Deno', 'Bun',
] as const;

/** Properties commonly assigned on instances that inherit them; made assignable despite freezing. */
const OVERRIDABLE = ['constructor', 'toString', 'valueOf', 'toLocaleString', 'name', 'message', 'toJSON'];

/** Control over a hardened realm: which run's virtual time the global clock functions read. */
export interface HardenedRealm {
  useTime(time: VirtualTime): void;
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
  const realm: HardenedRealm = {
    useTime(next) {
      time = next;
    },
  };
  const global = globalThis as Record<string, unknown>;
  installVirtualTime(global, () => time);
  // KafkaJS-style code writes `Buffer.from(order)` without importing it, as it may in Node.
  if (!('Buffer' in global)) setGlobal(global, 'Buffer', BufferShim);
  for (const name of ESCAPE_HATCHES) removeGlobal(global, name);
  disableStringEvaluation(global);
  tameOverrideMistake();
  deepFreeze(global);
  hardened = realm;
  return realm;
}

function installVirtualTime(global: Record<string, unknown>, time: () => VirtualTime): void {
  const RealDate = Date;
  const virtualNow = (): number => VIRTUAL_EPOCH_MS + Math.floor(time().now());
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

  setGlobal(global, 'performance', { now: () => time().now(), timeOrigin: VIRTUAL_EPOCH_MS });
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

function removeGlobal(global: Record<string, unknown>, name: string): void {
  // Walk the global's prototype chain too: in a Worker some of these live on WorkerGlobalScope.prototype.
  for (let target: object | null = global; target !== null; target = Object.getPrototypeOf(target) as object | null) {
    if (!Object.prototype.hasOwnProperty.call(target, name)) continue;
    try {
      if (!Reflect.deleteProperty(target, name)) Object.defineProperty(target, name, { value: undefined });
    } catch {
      // A non-configurable host property: shadow it on the global itself below.
    }
  }
  if (name in global) {
    try {
      Object.defineProperty(global, name, { value: undefined, writable: false, configurable: false });
    } catch {
      // Left in place; the host's own policy (CSP) remains the backstop.
    }
  }
}
