/**
 * Delays `action` until `waitMs` passed without another call; `flush()` runs a pending call now
 * (before the page unloads, so the last keystrokes are saved too).
 */
export function debounce<A extends unknown[]>(
  action: (...args: A) => void,
  waitMs: number,
): { (...args: A): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const run = (): void => {
    timer = undefined;
    if (pending === undefined) return;
    const args = pending;
    pending = undefined;
    action(...args);
  };
  const debounced = (...args: A): void => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  };
  debounced.flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  return debounced;
}
