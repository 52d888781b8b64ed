/**
 * The one list of global names learner code may see, in every engine (the page's Worker, QuickJS in
 * Node and on the server). Hardening deletes every other property of the global object and of its
 * prototype chain, found by enumerating them — so an API a browser adds next year is removed without
 * anyone naming it — and installs the host-provided names below where an engine lacks them.
 *
 * Left out on purpose: anything that reaches a URL or storage (fetch, importScripts, FontFace, fonts,
 * caches, indexedDB, …), real time and entropy (crypto, Event.timeStamp, scheduler, performance other
 * than `now`), garbage-collector observers (WeakRef, FinalizationRegistry: their timing differs between
 * engines and runs), engine-specific names (Intl and WebAssembly in V8, InternalError in QuickJS), the
 * global `console` (learner modules get a captured one as a parameter) and SharedArrayBuffer.
 */

/** ECMAScript globals both engines implement natively. */
export const LANGUAGE_GLOBALS = [
  'globalThis', 'Infinity', 'NaN', 'undefined',
  'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape',
  'Object', 'Function', 'Boolean', 'Symbol', 'Number', 'BigInt', 'Math', 'Date', 'String', 'RegExp',
  'Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Iterator', 'Promise', 'Proxy', 'Reflect', 'JSON',
  'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
] as const;

/** Globals the sandbox installs itself, the same implementation in every engine (see harden.ts). */
export const HOST_GLOBALS = [
  'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'structuredClone',
  'performance', 'Buffer',
] as const;

/**
 * Constants Chromium defines on a Worker's global object as non-configurable (the legacy file-system
 * API's), so they cannot be removed there: the other engines get the same values, to keep one surface.
 */
export const UNREMOVABLE_CONSTANTS: Readonly<Record<string, number>> = { TEMPORARY: 0, PERSISTENT: 1 };

/** Every global name learner code may see. */
export const LEARNER_GLOBALS: ReadonlySet<string> = new Set<string>([...LANGUAGE_GLOBALS, ...HOST_GLOBALS, ...Object.keys(UNREMOVABLE_CONSTANTS)]);
