/**
 * Order ids that change with the seed, so a submission that hard-codes its output cannot pass:
 * `order-7f3`, `order-a0c`, … — distinct within a run and the same for the same seed everywhere.
 */

/** `count` distinct order ids derived from `seed`. */
export function orderIdsFor(seed: number, count: number): string[] {
  const ids: string[] = [];
  let state = (seed * 2654435761) >>> 0 || 1;
  while (ids.length < count) {
    // xorshift32 again: tiny and identical in every engine.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    const id = `order-${(state % 4096).toString(16).padStart(3, '0')}`;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
