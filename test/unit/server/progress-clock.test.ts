import { describe, expect, it } from 'vitest';
import { createProgressClock } from '../../../src/server/progress-clock.ts';

describe('createProgressClock', () => {
  it('follows the real clock when it moves', () => {
    let real = 1000;
    const now = createProgressClock(() => real, 0.05);
    expect(now()).toBe(1000);
    real = 1500;
    expect(now()).toBe(1500);
  });

  it('still reaches a deadline when the real clock is frozen (Workers freeze Date.now during compute)', () => {
    const now = createProgressClock(() => 1000, 0.05);
    const deadline = now() + 2000;
    let calls = 0;
    while (now() <= deadline) calls++;
    // 2000 ms at 0.05 ms a reading: about 40 000 interrupt checks, give or take float rounding.
    expect(Math.abs(calls - 40_000)).toBeLessThanOrEqual(2);
  });
});
