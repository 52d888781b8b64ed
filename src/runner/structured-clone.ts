/**
 * `structuredClone` for learner code, written once so every engine clones the same values the same
 * way (QuickJS has none; the browser's also knows host objects the sandbox removes). It follows the
 * HTML algorithm for the values a program can still make: primitives, plain objects and arrays,
 * Date, RegExp, Map, Set, ArrayBuffer and its views, errors and boxed primitives; cycles and shared
 * references survive. Anything else (functions, symbols, class instances keep only own data) throws
 * a `DataCloneError`, as in the browser.
 */

function dataCloneError(what: string): Error {
  const error = new Error(`${what} could not be cloned.`);
  Object.defineProperty(error, 'name', { value: 'DataCloneError', writable: true, configurable: true });
  return error;
}

const ERRORS: Record<string, ErrorConstructor> = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

const TYPED_ARRAYS = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
] as const;

const tag = (value: object): string => Object.prototype.toString.call(value);

/** Deterministic structured clone (see the file comment). */
export function structuredCloneValue(value: unknown): unknown {
  const memory = new Map<object, unknown>();
  const clone = (input: unknown): unknown => {
    if (typeof input === 'symbol') throw dataCloneError(String(input));
    if (typeof input === 'function') throw dataCloneError(`function ${input.name || '(anonymous)'}`);
    if (typeof input !== 'object' || input === null) return input;
    const known = memory.get(input);
    if (known !== undefined) return known;
    const kind = tag(input);
    let output: Record<PropertyKey, unknown> | unknown[];
    switch (kind) {
      case '[object Boolean]':
      case '[object Number]':
      case '[object String]':
      case '[object BigInt]': {
        const boxed = Object((input as { valueOf(): unknown }).valueOf()) as object;
        memory.set(input, boxed);
        return boxed;
      }
      case '[object Date]': {
        const date = new Date((input as Date).getTime());
        memory.set(input, date);
        return date;
      }
      case '[object RegExp]': {
        const regexp = new RegExp((input as RegExp).source, (input as RegExp).flags);
        memory.set(input, regexp);
        return regexp;
      }
      case '[object ArrayBuffer]': {
        const buffer = (input as ArrayBuffer).slice(0);
        memory.set(input, buffer);
        return buffer;
      }
      case '[object DataView]': {
        const view = input as DataView;
        const copy = new DataView(clone(view.buffer) as ArrayBuffer, view.byteOffset, view.byteLength);
        memory.set(input, copy);
        return copy;
      }
      case '[object Map]': {
        const map = new Map<unknown, unknown>();
        memory.set(input, map);
        for (const [key, item] of input as Map<unknown, unknown>) map.set(clone(key), clone(item));
        return map;
      }
      case '[object Set]': {
        const set = new Set<unknown>();
        memory.set(input, set);
        for (const item of input as Set<unknown>) set.add(clone(item));
        return set;
      }
      case '[object Error]': {
        const source = input as Error;
        const name = String(source.name);
        const error = new (ERRORS[name] ?? Error)(String(source.message));
        memory.set(input, error);
        return error;
      }
      case '[object Array]':
        output = new Array<unknown>((input as unknown[]).length);
        break;
      case '[object Object]':
        output = {};
        break;
      default: {
        const typed = TYPED_ARRAYS.find((type) => input instanceof type);
        if (typed === undefined) throw dataCloneError(kind);
        const view = input as Uint8Array;
        const copy = new (typed as unknown as new (buffer: ArrayBuffer, offset: number, length: number) => object)(clone(view.buffer) as ArrayBuffer, view.byteOffset, view.length);
        memory.set(input, copy);
        return copy;
      }
    }
    memory.set(input, output);
    // defineProperty, not assignment: a key named `__proto__` must stay a key.
    for (const key of Object.keys(input)) {
      Object.defineProperty(output, key, { value: clone((input as Record<string, unknown>)[key]), writable: true, enumerable: true, configurable: true });
    }
    return output;
  };
  return clone(value);
}
