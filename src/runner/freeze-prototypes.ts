/**
 * Freezes the prototypes (and their constructors) of every object reachable from a root, but not the
 * objects themselves: the simulated cluster keeps mutating its own state, while learner code can no
 * longer replace a method that the harness calls later (say, the one that reads the topic back).
 */
export function deepFreezePrototypes(root: object): void {
  const seenObjects = new Set<object>();
  const frozen = new Set<object>();
  const pending: object[] = [root];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (seenObjects.has(item)) continue;
    seenObjects.add(item);
    for (let proto = Object.getPrototypeOf(item) as object | null; proto !== null && !frozen.has(proto); proto = Object.getPrototypeOf(proto) as object | null) {
      frozen.add(proto);
      Object.freeze(proto);
      const ctor = (proto as { constructor?: unknown }).constructor;
      if (typeof ctor === 'function') Object.freeze(ctor);
    }
    // Functions are visited for their own properties (a module's exported classes) and frozen too.
    if (typeof item === 'function') Object.freeze(item);
    let values: unknown[];
    try {
      values = Reflect.ownKeys(item).map((key) => Object.getOwnPropertyDescriptor(item, key)?.value);
    } catch {
      continue;
    }
    for (const value of values) if ((typeof value === 'object' && value !== null) || typeof value === 'function') pending.push(value);
  }
}
