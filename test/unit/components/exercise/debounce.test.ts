import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '../../../../src/components/exercise/debounce.ts';

afterEach(() => void vi.useRealTimers());

describe('debounce', () => {
  it('runs once with the last arguments after the pause', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const save = debounce((s: string) => calls.push(s), 400);
    save('a');
    save('ab');
    vi.advanceTimersByTime(399);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['ab']);
  });

  it('flush() runs a pending call now and nothing when none is pending', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const save = debounce((s: string) => calls.push(s), 400);
    save('x');
    save.flush();
    save.flush();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['x']);
  });
});
