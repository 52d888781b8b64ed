import { afterEach, describe, expect, it, vi } from 'vitest';
import { joinResults, runInWorker, splitRuns } from '../../../../src/runner/browser/browser-engine.ts';
import { WorkerPool } from '../../../../src/runner/browser/worker-pool.ts';
import { timeoutMessage } from '../../../../src/runner/engine.ts';
import type { RunObservation, SandboxRequest, SandboxRun } from '../../../../src/shared/sandbox-protocol.ts';

afterEach(() => void vi.useRealTimers());

/** A stand-in for a sandbox Worker: the test decides what it answers. */
class FakeWorker extends EventTarget {
  terminated = false;
  posted: unknown[] = [];
  onPost: (message: unknown, self: FakeWorker) => void = () => undefined;
  postMessage(message: unknown): void {
    this.posted.push(message);
    this.onPost(message, this);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

/** Node has no ErrorEvent; a Worker's error event is an Event with a message. */
const errorEvent = (message: string): Event => Object.assign(new Event('error'), { message });

const run = (scenario: string): SandboxRun => ({ scenario, seed: 1, guarantee: 'at-least-once', orders: ['o1'], faults: [] });
const request = (...scenarios: string[]): SandboxRequest => ({ code: '', map: '', driver: 'script', runs: scenarios.map(run) });
const observation = (scenario: string): RunObservation => ({
  scenario, seed: 1, guarantee: 'at-least-once', orders: ['o1'], processed_orders: ['o1'], console: [], faultsHit: [], trace: [],
});

describe('runInWorker', () => {
  it('collects each observation until done, then terminates the worker', async () => {
    const worker = new FakeWorker();
    worker.onPost = (_m, self) => {
      self.say({ type: 'observation', observation: observation('a') });
      self.say({ type: 'observation', observation: observation('b') });
      self.say({ type: 'done' });
    };
    const result = await runInWorker(worker as unknown as Worker, request('a', 'b'), 2000);
    expect(result.runs.map((r) => r.scenario)).toEqual(['a', 'b']);
    expect(result.sandboxError).toBeUndefined();
    expect(worker.terminated).toBe(true);
  });

  it('keeps the runs that finished and reports the hung one and the rest as timeouts', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    worker.onPost = (_m, self) => self.say({ type: 'observation', observation: observation('a') });
    const pending = runInWorker(worker as unknown as Worker, request('a', 'b', 'c'), 1500);
    vi.advanceTimersByTime(1500);
    const result = await pending;
    expect(worker.terminated).toBe(true);
    expect(result.runs.map((r) => [r.scenario, r.error?.kind])).toEqual([['a', undefined], ['b', 'timeout'], ['c', 'timeout']]);
    expect(result.runs[1]?.error?.message).toBe(timeoutMessage(1500));
    expect(result.runs[2]?.error?.message).toMatch(/^Not run/);
  });

  it('gives each run the time limit from the answer before it, and the call a few limits in all', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const pending = runInWorker(worker as unknown as Worker, request('a', 'b', 'c'), 1000);
    vi.advanceTimersByTime(900);
    worker.say({ type: 'observation', observation: observation('a') });
    vi.advanceTimersByTime(900);
    worker.say({ type: 'observation', observation: observation('b') });
    // 1.8 s into the call, over one limit: neither run was slow, so nothing timed out yet.
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1000);
    const result = await pending;
    expect(result.runs.map((r) => [r.scenario, r.error?.kind])).toEqual([['a', undefined], ['b', undefined], ['c', 'timeout']]);
    expect(worker.terminated).toBe(true);
  });

  it('ends a call whose every run takes just under the limit after a few limits', async () => {
    vi.useFakeTimers();
    const worker = new FakeWorker();
    const scenarios = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const pending = runInWorker(worker as unknown as Worker, request(...scenarios), 1000);
    for (const scenario of scenarios) {
      if (worker.terminated) break;
      vi.advanceTimersByTime(900);
      worker.say({ type: 'observation', observation: observation(scenario) });
    }
    const result = await pending;
    // 20 runs: at most max(2, ceil(20 / 8)) = 3 limits, so the run answering after 3 s and the rest time out.
    expect(result.runs.filter((r) => r.error === undefined)).toHaveLength(3);
    expect(result.runs).toHaveLength(20);
  });

  it('accepts only the observations it asked for, in order, one per run', async () => {
    const worker = new FakeWorker();
    worker.onPost = (_m, self) => {
      self.say({ type: 'observation', observation: observation('a') });
      // A second answer for "a" where "b" is due: not from the harness.
      self.say({ type: 'observation', observation: observation('a') });
      self.say({ type: 'observation', observation: observation('b') });
      self.say({ type: 'done' });
    };
    const result = await runInWorker(worker as unknown as Worker, request('a', 'b'), 2000);
    expect(result.runs.map((r) => r.scenario)).toEqual(['a']);
    expect(result.sandboxError).toMatch(/another run than "b"/);
    expect(worker.terminated).toBe(true);
  });

  it('refuses more observations than runs, and ignores everything after the call ended', async () => {
    const worker = new FakeWorker();
    worker.onPost = (_m, self) => {
      self.say({ type: 'observation', observation: observation('a') });
      self.say({ type: 'observation', observation: { ...observation('a'), scenario: 'extra' } });
      self.say({ type: 'done' });
    };
    const result = await runInWorker(worker as unknown as Worker, request('a'), 2000);
    expect(result.runs.map((r) => r.scenario)).toEqual(['a']);
    expect(result.sandboxError).toMatch(/more observations than runs/);
  });

  it('refuses an early done: every run must be answered first', async () => {
    const worker = new FakeWorker();
    worker.onPost = (_m, self) => {
      self.say({ type: 'observation', observation: observation('a') });
      self.say({ type: 'done' });
    };
    const result = await runInWorker(worker as unknown as Worker, request('a', 'b'), 2000);
    expect(result.runs.map((r) => r.scenario)).toEqual(['a']);
    expect(result.sandboxError).toMatch(/"done" after 1 of 2 runs/);
  });

  it('refuses an observation labelled with another seed or guarantee', async () => {
    for (const forged of [{ ...observation('a'), seed: 2 }, { ...observation('a'), guarantee: 'exactly-once' as const }]) {
      const worker = new FakeWorker();
      worker.onPost = (_m, self) => self.say({ type: 'observation', observation: forged });
      const result = await runInWorker(worker as unknown as Worker, request('a'), 2000);
      expect(result.runs).toEqual([]);
      expect(result.sandboxError).toMatch(/another run/);
    }
  });

  it('turns a crashed worker into a sandbox error', async () => {
    const worker = new FakeWorker();
    worker.onPost = (_m, self) => self.dispatchEvent(errorEvent('out of memory'));
    const result = await runInWorker(worker as unknown as Worker, request('a'), 2000);
    expect(result.sandboxError).toMatch(/crashed: out of memory/);
  });
});

describe('WorkerPool', () => {
  /** A pool whose Workers say ready as soon as they start, and the Workers it started, in order. */
  const poolOfReadyWorkers = (size?: number): { pool: WorkerPool; spawned: FakeWorker[] } => {
    const spawned: FakeWorker[] = [];
    const pool = new WorkerPool(() => {
      const worker = new FakeWorker();
      spawned.push(worker);
      queueMicrotask(() => worker.say({ type: 'ready' }));
      return worker as unknown as Worker;
    }, size);
    return { pool, spawned };
  };

  it('hands out a spare that said ready and starts the next one', async () => {
    const { pool, spawned } = poolOfReadyWorkers();
    pool.warm();
    expect(spawned).toHaveLength(1);
    const first = await pool.take();
    expect(first.worker).toBe(spawned[0]);
    expect(spawned).toHaveLength(2);
    const second = await pool.take();
    expect(second.worker).toBe(spawned[1]);
    await pool.dispose();
    expect(spawned[2]?.terminated).toBe(true);
  });

  it('keeps as many spares as asked for, starting them one after another', async () => {
    const { pool, spawned } = poolOfReadyWorkers(3);
    pool.warm();
    // One at a time: several Workers hardening at once would take the CPU from the editor.
    expect(spawned).toHaveLength(1);
    await vi.waitFor(() => expect(pool.readyCount).toBe(3));
    expect(spawned).toHaveLength(3);
    const taken = [await pool.take(), await pool.take(), await pool.take()].map((t) => t.worker);
    expect(taken).toEqual(spawned.slice(0, 3));
    await vi.waitFor(() => expect(pool.readyCount).toBe(3));
    expect(spawned).toHaveLength(6);
    await pool.dispose();
    expect(spawned.slice(3).every((w) => w.terminated)).toBe(true);
  });

  it('starts no replacement while a caller that took several Workers is still using them', async () => {
    const { pool, spawned } = poolOfReadyWorkers(2);
    pool.warm();
    await vi.waitFor(() => expect(pool.readyCount).toBe(2));
    await Promise.all([pool.take({ replenish: false }), pool.take({ replenish: false })]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(spawned).toHaveLength(2);
    pool.warm();
    await vi.waitFor(() => expect(pool.readyCount).toBe(2));
    expect(spawned).toHaveLength(4);
    await pool.dispose();
  });

  it('warms after the current task, and not at all once disposed', async () => {
    const { pool, spawned } = poolOfReadyWorkers();
    pool.warmAfterThisTask();
    await Promise.resolve();
    expect(spawned).toHaveLength(0);
    await vi.waitFor(() => expect(pool.readyCount).toBe(1));
    await pool.take({ replenish: false });
    pool.warmAfterThisTask();
    await pool.dispose();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(spawned).toHaveLength(1);
  });

  it('rejects when a worker fails to start, and tries a fresh one next time', async () => {
    let attempt = 0;
    const pool = new WorkerPool(() => {
      const worker = new FakeWorker();
      const fail = attempt++ === 0;
      queueMicrotask(() => (fail ? worker.dispatchEvent(errorEvent('bad module')) : worker.say({ type: 'ready' })));
      return worker as unknown as Worker;
    });
    await expect(pool.take()).rejects.toThrow(/bad module/);
    await expect(pool.take()).resolves.toBeDefined();
    await pool.dispose();
  });
});

describe('splitRuns and joinResults (runs spread over the spare Workers)', () => {
  it('splits runs into contiguous, nearly equal batches, never more than there are runs', () => {
    expect(splitRuns([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5], [6, 7]]);
    expect(splitRuns([1, 2], 4)).toEqual([[1], [2]]);
    expect(splitRuns([], 4)).toEqual([[]]);
  });

  it('joins the batches in run order', () => {
    const joined = joinResults([
      { runs: [run('a'), run('b')], result: { runs: [observation('a'), observation('b')] } },
      { runs: [run('c')], result: { runs: [observation('c')] } },
    ], 1000);
    expect(joined.runs.map((r) => r.scenario)).toEqual(['a', 'b', 'c']);
    expect(joined.sandboxError).toBeUndefined();
  });

  it('reports everything after the first run cut off by the time limit as cut off, as one Worker would', () => {
    const hung: RunObservation = { ...observation('b'), error: { kind: 'timeout', name: 'TimeoutError', message: timeoutMessage(1000) } };
    const joined = joinResults([
      { runs: [run('a'), run('b')], result: { runs: [observation('a'), hung] } },
      { runs: [run('c'), run('d')], result: { runs: [observation('c'), observation('d')] } },
    ], 1000);
    expect(joined.runs.map((r) => [r.scenario, r.error?.kind])).toEqual([['a', undefined], ['b', 'timeout'], ['c', 'timeout'], ['d', 'timeout']]);
    expect(joined.runs[2]?.error?.message).toMatch(/^Not run/);
  });

  it('keeps the runs after a timeout the driver saw in virtual time (a deadlock): the time limit did not cut it', () => {
    const deadlocked: RunObservation = { ...observation('b'), error: { kind: 'timeout', name: 'TimeoutError', message: 'deadlock: …', inVirtualTime: true } };
    const joined = joinResults([
      { runs: [run('a'), run('b')], result: { runs: [observation('a'), deadlocked] } },
      { runs: [run('c')], result: { runs: [observation('c')] } },
    ], 1000);
    expect(joined.runs.map((r) => [r.scenario, r.error?.message])).toEqual([['a', undefined], ['b', 'deadlock: …'], ['c', undefined]]);
  });

  it('stops at a batch that answered fewer runs than it was given, so no run lands on another scenario', () => {
    const joined = joinResults([
      { runs: [run('a'), run('b')], result: { runs: [observation('a')] } },
      { runs: [run('c')], result: { runs: [observation('c')] } },
    ], 1000);
    expect(joined.runs.map((r) => r.scenario)).toEqual(['a']);
  });

  it('passes on a sandbox error from any batch', () => {
    const joined = joinResults([
      { runs: [run('a')], result: { runs: [observation('a')] } },
      { runs: [run('b')], result: { runs: [], sandboxError: 'boom' } },
    ], 1000);
    expect(joined.sandboxError).toBe('boom');
  });
});
