/**
 * gradeSubmission resumes after the engine's wall-clock limit when the engine made progress (a slow
 * cold start), and stops when it made none (an endless loop) — with a scripted engine, so the cases are
 * exact and need no real clock.
 */
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../../src/grading/grade.ts';
import { loadExercise } from '../../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../../src/runner/engine.ts';
import type { RunObservation, SandboxRequest, SandboxRun } from '../../../src/shared/sandbox-protocol.ts';

const exercise = await loadExercise('orders-producer');
if (exercise === undefined) throw new Error('orders-producer is missing');

function delivered(run: SandboxRun): RunObservation {
  return { scenario: run.scenario, seed: run.seed, guarantee: run.guarantee, orders: run.orders, processed_orders: [...run.orders], console: [], faultsHit: [], trace: [] };
}
function timedOut(run: SandboxRun): RunObservation {
  return { ...delivered(run), processed_orders: null, error: { kind: 'timeout', name: 'TimeoutError', message: 'stopped' } };
}

/** An engine whose n-th call completes `completes[n]` runs, then reports the rest as timed out. */
function scriptedEngine(completes: readonly number[], loopsAtScenario?: string): SandboxEngine & { requests: SandboxRequest[] } {
  const requests: SandboxRequest[] = [];
  return {
    requests,
    compile: async () => ({ ok: true, code: '', map: '' }),
    run: async (request) => {
      const budget = completes[requests.length] ?? Number.POSITIVE_INFINITY;
      requests.push(request);
      const stopAt = request.runs.findIndex((run, index) => index >= budget || run.scenario === loopsAtScenario);
      return { runs: request.runs.map((run, index) => (stopAt >= 0 && index >= stopAt ? timedOut(run) : delivered(run))) };
    },
    close: () => undefined,
  };
}

describe('grading across the engine’s time limit', () => {
  it('resumes with the runs a slow first call did not reach, and grades them all', async () => {
    const engine = scriptedEngine([5, 4]);
    const report = await gradeSubmission(exercise, '', engine);
    expect(engine.requests.map((r) => r.runs.length)).toEqual([18, 13, 9]);
    expect(report.passed).toBe(true);
  });

  it('stops when a call makes no progress: the run that loops forever is a timeout, and the rest are not run', async () => {
    const engine = scriptedEngine([], 'lost ack');
    const report = await gradeSubmission(exercise, '', engine);
    // The first call stops at the first looping run; the second starts there and gets nowhere.
    expect(engine.requests.map((r) => r.runs.length)).toEqual([18, 16]);
    const runs = report.guarantees.flatMap((g) => g.runs);
    expect(runs.slice(0, 2).every((r) => r.passed)).toBe(true);
    expect(runs.slice(2).every((r) => r.error?.kind === 'timeout' && !r.passed)).toBe(true);
  });

  it('does not call again for a timeout in the middle of the runs (simulated time ran out, not the wall clock)', async () => {
    const engine = scriptedEngine([]);
    const middle = engine.run;
    engine.run = async (request) => {
      const result = await middle(request);
      return { runs: result.runs.map((o) => (o.scenario === 'lost ack' && o.guarantee === 'at-most-once' ? { ...o, error: { kind: 'timeout', name: 'TimeoutError', message: 'virtual' } } : o)) };
    };
    await gradeSubmission(exercise, '', engine);
    expect(engine.requests).toHaveLength(1);
  });

  it('does not call again for trailing timeouts the driver saw in virtual time (a deadlock recurs on every call)', async () => {
    const engine = scriptedEngine([]);
    const honest = engine.run;
    engine.run = async (request) => {
      const result = await honest(request);
      return { runs: result.runs.map((o, index) => (index >= result.runs.length - 2 ? { ...o, error: { kind: 'timeout', name: 'TimeoutError', message: 'deadlock', inVirtualTime: true } } : o)) };
    };
    const report = await gradeSubmission(exercise, '', engine);
    expect(engine.requests).toHaveLength(1);
    expect(report.guarantees.flatMap((g) => g.runs).slice(-2).map((r) => r.error?.message)).toEqual(['TimeoutError: deadlock', 'TimeoutError: deadlock']);
  });
});
