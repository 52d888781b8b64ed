/**
 * What an exercise keeps in the learner's browser: their code (autosaved, so a reload or a crashed
 * worker never loses work) and their progress (steps done, exercise passed).
 *
 * The keys are part of the course's contract: the course home reads
 * `kdc:progress:exercise:<id>` to show progress, so they must not change.
 */

/** The part of the Web Storage API this module needs; tests pass an in-memory one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Outcome of a write: storage can be full, disabled or blocked (private mode, quota). */
export type SaveResult = { ok: true } | { ok: false; reason: string };

/** localStorage key of the learner's code for one exercise. */
export const codeKey = (id: string): string => `kdc:code:exercise:${id}`;
/** localStorage key of whether the exercise was passed (`'passed'` once a Check passes). */
export const progressKey = (id: string): string => `kdc:progress:exercise:${id}`;
/** localStorage key of the ids of the steps the learner has completed (JSON array). */
export const stepsKey = (id: string): string => `kdc:progress:exercise:${id}:steps`;
/** localStorage key recording that the learner made an honest attempt (a failed Check). */
export const attemptKey = (id: string): string => `kdc:attempted:exercise:${id}`;

/** Reads and writes one exercise's saved state; never throws, because storage may be unavailable. */
export class ExerciseStorage {
  readonly #store: KeyValueStore | undefined;
  readonly #id: string;

  constructor(id: string, store: KeyValueStore | undefined) {
    this.#id = id;
    this.#store = store;
  }

  /** The saved code, or undefined when nothing was saved (or storage cannot be read). */
  loadCode(): string | undefined {
    return this.#read(codeKey(this.#id));
  }

  /** Saves the code; the result says why it failed so the page can warn the learner. */
  saveCode(source: string): SaveResult {
    return this.#write(codeKey(this.#id), source);
  }

  /** Forgets the saved code (Reset), so the starter shows on the next load. */
  clearCode(): SaveResult {
    return this.#remove(codeKey(this.#id));
  }

  /** Whether a Check of this exercise has ever passed in this browser. */
  isPassed(): boolean {
    return this.#read(progressKey(this.#id)) === 'passed';
  }

  /** The ids of the steps that passed on the most recent Check. */
  loadStepsDone(): string[] {
    const raw = this.#read(stepsKey(this.#id));
    if (raw === undefined) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
    } catch {
      return [];
    }
  }

  /**
   * Records a Check: the steps it passed, and `'passed'` once the whole exercise passes. A pass is
   * never taken back by a later failing Check — the learner did solve it once.
   */
  recordCheck(passed: boolean, stepsDone: readonly string[]): SaveResult {
    const steps = this.#write(stepsKey(this.#id), JSON.stringify(stepsDone));
    if (!steps.ok) return steps;
    if (passed) return this.#write(progressKey(this.#id), 'passed');
    return this.#write(attemptKey(this.#id), 'true');
  }

  /** Whether the learner made an honest attempt (one failed Check), which unlocks the solution. */
  hasAttempted(): boolean {
    return this.#read(attemptKey(this.#id)) === 'true' || this.isPassed();
  }

  #read(key: string): string | undefined {
    try {
      return this.#store?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  #write(key: string, value: string): SaveResult {
    if (!this.#store) return { ok: false, reason: 'storage is not available in this browser' };
    try {
      this.#store.setItem(key, value);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  #remove(key: string): SaveResult {
    if (!this.#store) return { ok: false, reason: 'storage is not available in this browser' };
    try {
      this.#store.removeItem(key);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** localStorage when the browser lets us touch it (it throws in some privacy modes), else undefined. */
export function browserStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
