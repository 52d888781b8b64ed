import { describe, expect, it } from 'vitest';
import { ExerciseStorage, codeKey, progressKey, type KeyValueStore } from '../../../../src/components/exercise/exercise-storage.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('ExerciseStorage', () => {
  it('saves and restores the code of one exercise under its own key', () => {
    const store = memoryStore();
    new ExerciseStorage('orders-producer', store).saveCode('const x = 1;');
    expect(store.data.get(codeKey('orders-producer'))).toBe('const x = 1;');
    expect(new ExerciseStorage('orders-producer', store).loadCode()).toBe('const x = 1;');
    expect(new ExerciseStorage('orders-consumer', store).loadCode()).toBeUndefined();
  });

  it("writes kdc:progress:exercise:<id> = 'passed' on a passing Check and never takes it back", () => {
    const store = memoryStore();
    const storage = new ExerciseStorage('orders-four-steps', store);
    storage.recordCheck(true, ['a', 'b']);
    expect(store.data.get('kdc:progress:exercise:orders-four-steps')).toBe('passed');
    storage.recordCheck(false, ['a']);
    expect(store.data.get(progressKey('orders-four-steps'))).toBe('passed');
    expect(storage.loadStepsDone()).toEqual(['a']);
  });

  it('unlocks the solution only after a failed or passed Check', () => {
    const storage = new ExerciseStorage('e', memoryStore());
    expect(storage.hasAttempted()).toBe(false);
    storage.recordCheck(false, []);
    expect(storage.hasAttempted()).toBe(true);
  });

  it('reports a failing write instead of throwing, so the page can warn', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(new ExerciseStorage('e', full).saveCode('x')).toEqual({ ok: false, reason: 'The quota has been exceeded.' });
    expect(new ExerciseStorage('e', undefined).saveCode('x').ok).toBe(false);
  });

  it('ignores saved step lists that are not arrays of strings', () => {
    const store = memoryStore();
    store.data.set('kdc:progress:exercise:e:steps', '{"not":"a list"}');
    expect(new ExerciseStorage('e', store).loadStepsDone()).toEqual([]);
    store.data.set('kdc:progress:exercise:e:steps', 'not json');
    expect(new ExerciseStorage('e', store).loadStepsDone()).toEqual([]);
  });
});
