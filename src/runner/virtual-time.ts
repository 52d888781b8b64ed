/**
 * The time and randomness a run lives in. The simulated cluster provides them for the cluster
 * exercises; `createScriptClock` provides them for plain scripts. Either way nothing reads the host's
 * clock or `Math.random`, so a run is the same in every engine.
 */
export interface VirtualTime {
  /** Virtual milliseconds since the run started. */
  now(): number;
  setTimer(delayMs: number, callback: () => void): number;
  clearTimer(id: number): void;
  /** A seeded number in [0, 1). */
  random(): number;
}

/** A small virtual clock for scripts: timers fire in due order when `runTimers` advances time. */
export interface ScriptClock extends VirtualTime {
  /** Fires due timers in order until none is left or `limitMs` of virtual time has passed; false if cut short. */
  runTimers(limitMs: number, afterEach: () => Promise<void>): Promise<boolean>;
}

export function createScriptClock(seed: number): ScriptClock {
  let time = 0;
  let nextId = 1;
  const timers = new Map<number, { due: number; callback: () => void }>();
  let state = seed >>> 0 || 1;
  return {
    now: () => time,
    setTimer(delayMs, callback) {
      const id = nextId++;
      timers.set(id, { due: time + Math.max(0, Number(delayMs) || 0), callback });
      return id;
    },
    clearTimer(id) {
      timers.delete(id);
    },
    random() {
      // xorshift32: small, and the same sequence in every engine for a given seed.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    },
    async runTimers(limitMs, afterEach) {
      for (;;) {
        let nextEntry: [number, { due: number; callback: () => void }] | undefined;
        for (const entry of timers) if (nextEntry === undefined || entry[1].due < nextEntry[1].due) nextEntry = entry;
        if (nextEntry === undefined) return true;
        if (nextEntry[1].due > limitMs) return false;
        timers.delete(nextEntry[0]);
        time = Math.max(time, nextEntry[1].due);
        nextEntry[1].callback();
        await afterEach();
      }
    },
  };
}
