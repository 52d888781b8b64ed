/**
 * Where arrow keys, Home and End move in a row of `count` items (tabs, steps):
 * the new index, or undefined when the key is not a movement key.
 */
export function indexForKey(key: string, current: number, count: number, wrap: boolean): number | undefined {
  const last = count - 1;
  const move = (delta: number) => {
    const next = current + delta;
    if (wrap) return (next + count) % count;
    return Math.min(last, Math.max(0, next));
  };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return move(1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return move(-1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
