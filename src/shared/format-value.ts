/**
 * Formats values the way the course's console shows them — close to Node's `util.inspect` for the
 * values exercises print (strings, numbers, arrays, plain objects) — so that "the program printed
 * processed_orders" can be checked by comparing text, in every engine.
 */

/** Formats one console argument; strings at the top level print bare, as `console.log` does. */
export function formatConsoleArgument(value: unknown): string {
  return typeof value === 'string' ? value : formatValue(value, 0, new Set());
}

/** Formats a value as it appears inside a printed structure. */
export function formatValue(value: unknown, depth = 0, seen: Set<unknown> = new Set()): string {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[Function: ${value.name || '(anonymous)'}]`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value !== 'object' || value === null) return String(value);
  if (seen.has(value)) return '[Circular]';
  if (depth > 2) return Array.isArray(value) ? '[Array]' : '[Object]';
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item: unknown) => formatValue(item, depth + 1, seen));
      return items.length === 0 ? '[]' : `[ ${items.join(', ')} ]`;
    }
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    const entries = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : formatValue(key)}: ${formatValue(item, depth + 1, seen)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  } finally {
    seen.delete(value);
  }
}
