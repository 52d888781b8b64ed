/**
 * The learner's realm as learner code sees it, in every engine: QuickJS through the Node engine, and
 * the page's real sandbox Worker in headless Chromium (the `grade --engine browser` path, served by the
 * CLI's static server with its Content-Security-Policy). Each probe is a submission that reports what
 * it found in its runs' error messages (see realm-probes.ts):
 * - no property of any reachable object — globals, their prototypes, hidden intrinsics — can be
 *   patched, deleted, added or re-parented;
 * - the global surface is exactly the allowlist, the same in both engines;
 * - a run cannot leave a mark that a later run of the same Check finds;
 * - a forged run request or observation changes nothing;
 * - a bounded busy-wait on the clock ends, the same way everywhere.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type EngineName, type GradingEngine } from '../../../src/cli/engines.ts';
import { LEARNER_GLOBALS } from '../../../src/runner/learner-globals.ts';
import { createNodeEngine } from '../../../src/runner/node-engine.ts';
import type { GradeReport } from '../../../src/schemas/grade-report.ts';
import { exercise, type ExerciseId } from './attack-kit.ts';
import { CROSS_RUN_PROBE_SUBMISSION, GLOBALS_PROBE_SUBMISSION, PATCH_PROBE, PATCH_PROBE_SUBMISSION, probeResult } from './realm-probes.ts';

/** Generous: these tests are about what the realm allows, never about the time limit. */
const TIME_LIMIT_MS = 30_000;
const ENGINES: EngineName[] = process.env['SANDBOX_TESTS_NODE_ONLY'] === '1' ? ['node'] : ['node', 'browser'];

interface PatchFindings {
  objects: number;
  tried: number;
  stuck: string[];
  stuckCount: number;
}

const errorsOf = (report: GradeReport): (string | undefined)[] => report.guarantees.flatMap((g) => g.runs.map((run) => run.error?.message));

/** The solution of the script exercise compiled, as a forger would put it in a request of its own. */
async function forgedRunRequest(): Promise<unknown> {
  const solution = readFileSync('exercises/orders-four-steps/solution.ts', 'utf8');
  const engine = await createNodeEngine();
  try {
    const compiled = await engine.compile(solution);
    if (!compiled.ok) throw new Error('the solution does not compile');
    const runs = (await exercise('orders-four-steps')).checks.runs();
    return { code: compiled.code, map: compiled.map, driver: 'script', runs, observe: ['orders', 'delivery_guarantee', 'processed_orders'] };
  } finally {
    engine.close();
  }
}

/** A script submission that delivers nothing and tries every path to start a run of its own or post observations. */
function forgerSubmission(request: unknown, observations: unknown[]): string {
  return String.raw`
const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee: string = 'exactly-once';
const processed_orders: string[] = [];
const G: any = globalThis;
const run = { type: 'run', request: ${JSON.stringify(request)} };
const observations: any[] = ${JSON.stringify(observations)};
const tried: string[] = [];
const attempt = (name: string, send: () => void): void => { try { send(); tried.push(name + ': sent'); } catch (e) { tried.push(name + ': refused'); } };
const event = (data: unknown): any => (typeof G.MessageEvent === 'function' ? new G.MessageEvent('message', { data }) : { type: 'message', data, isTrusted: true });
attempt('dispatchEvent', () => G.dispatchEvent(event(run)));
attempt('EventTarget.prototype.dispatchEvent', () => G.EventTarget.prototype.dispatchEvent.call(G, event(run)));
attempt('dispatchEvent on the prototype chain', () => {
  let found = false;
  for (let o = G; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'dispatchEvent');
    if (d !== undefined) { d.value.call(G, event(run)); found = true; }
  }
  if (!found) throw new Error('no dispatchEvent');
});
attempt('onmessage', () => G.onmessage(event(run)));
attempt('postMessage of observations', () => { for (const o of observations) G.postMessage({ type: 'observation', observation: o }); G.postMessage({ type: 'done' }); });
attempt('MessageChannel', () => { const channel = new G.MessageChannel(); channel.port1.postMessage(run); });
throw new Error('forger: ' + JSON.stringify(tried));
`;
}

describe('the patch probe', () => {
  it('finds patches that stick in a realm nobody hardened (so it can fail)', async () => {
    const { code } = await transform(`(${PATCH_PROBE})()`, { loader: 'ts' });
    const findings = runInNewContext(code) as PatchFindings;
    expect(findings.objects).toBeGreaterThan(100);
    expect(findings.stuckCount).toBeGreaterThan(100);
    expect(findings.stuck.join('\n')).toMatch(/array iterator prototype\[next\]/);
  });
});

const surfaces = new Map<EngineName, string[]>();
const forgedVerdicts = new Map<EngineName, boolean[]>();

describe.each(ENGINES)('the learner realm in the %s engine', (name) => {
  let engine: GradingEngine | undefined;
  // The browser engine builds the site first when it is stale: minutes on a busy machine.
  beforeAll(async () => {
    engine = await createEngine(name, { timeLimitMs: TIME_LIMIT_MS });
  }, 900_000);
  afterAll(async () => {
    await engine?.close();
  });
  const grade = async (id: ExerciseId, source: string): Promise<GradeReport> => {
    if (engine === undefined) throw new Error('engine not started');
    return engine.grade(await exercise(id), source, 'probe.ts');
  };

  it('lets no reachable object be patched: globals, prototypes and hidden intrinsics', async () => {
    const report = await grade('orders-four-steps', PATCH_PROBE_SUBMISSION);
    const messages = errorsOf(report);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      const findings = probeResult<PatchFindings>(message, 'patch-probe');
      expect(findings.stuck).toEqual([]);
      expect(findings.objects).toBeGreaterThan(100);
      expect(findings.tried).toBeGreaterThan(1000);
    }
  }, 120_000);

  it('shows exactly the allowed global names', async () => {
    const report = await grade('orders-four-steps', GLOBALS_PROBE_SUBMISSION);
    const names = probeResult<string[]>(errorsOf(report)[0], 'globals');
    expect(names.filter((n) => !LEARNER_GLOBALS.has(n))).toEqual([]);
    expect([...LEARNER_GLOBALS].filter((n) => !names.includes(n))).toEqual([]);
    surfaces.set(name, names);
  }, 120_000);

  it('keeps runs of one Check from seeing each other', async () => {
    const report = await grade('orders-transactions', CROSS_RUN_PROBE_SUBMISSION);
    const findings = errorsOf(report).map((m) => probeResult<{ marks: number; objects: number; interval: string; legacy: unknown }>(m, 'runs-probe'));
    expect(findings.length).toBeGreaterThan(1);
    for (const found of findings) {
      expect(found.objects).toBeGreaterThan(100);
      expect(found).toMatchObject({ marks: 0, interval: findings[0]?.interval, legacy: null });
    }
  }, 120_000);

  it('gives a submission that forges a run request or observations its own failing verdict', async () => {
    const runs = (await exercise('orders-four-steps')).checks.runs();
    const passing = runs.map((run) => ({ ...run, processed_orders: run.orders, console: [JSON.stringify(run.orders)], faultsHit: [], trace: [], observed: { orders: run.orders, delivery_guarantee: run.guarantee, processed_orders: run.orders } }));
    const report = await grade('orders-four-steps', forgerSubmission(await forgedRunRequest(), passing));
    expect(report.error).toBeNull();
    expect(report.passed).toBe(false);
    expect(report.guarantees.map((g) => g.passed)).toEqual([false, false, false]);
    const tried = errorsOf(report).map((m) => probeResult<string[]>(m, 'forger'));
    expect(tried.flat().length).toBeGreaterThan(0);
    expect(tried.flat().filter((attempt) => attempt.endsWith(': sent'))).toEqual([]);
    forgedVerdicts.set(name, report.guarantees.flatMap((g) => g.runs.map((run) => run.passed)));
  }, 120_000);

  it('fails the known-wrong submission that patches %ArrayIteratorPrototype%.next on exactly-once', async () => {
    const report = await grade('orders-consumer', readFileSync('exercises/orders-consumer/wrong/intrinsic-patch.ts', 'utf8'));
    expect(report.guarantees.find((g) => g.guarantee === 'exactly-once')?.passed).toBe(false);
  }, 120_000);

  it('ends a bounded busy-wait on Date.now and performance.now, with the same clock readings', async () => {
    const source = String.raw`
const orders = ['order1', 'order2', 'order3'];
const delivery_guarantee: string = 'at-least-once';
const processed_orders: string[] = [];
const start = Date.now();
while (Date.now() < start + 50) {}
const p = performance.now();
while (performance.now() < p + 50) {}
throw new Error('clock: ' + JSON.stringify([start, Date.now(), p, performance.now()]));
`;
    const report = await grade('orders-four-steps', source);
    const readings = errorsOf(report).map((m) => probeResult<number[]>(m, 'clock'));
    expect(readings[0]?.[1]).toBeGreaterThanOrEqual((readings[0]?.[0] ?? 0) + 50);
    surfaces.set(`${name} clock` as EngineName, readings.flat().map(String));
  }, 120_000);
});

describe.runIf(ENGINES.length > 1)('every engine', () => {
  it('shows the same global surface', () => {
    expect(surfaces.get('browser')).toEqual(surfaces.get('node'));
  });

  it('reads the same virtual clock values', () => {
    expect(surfaces.get('browser clock' as EngineName)).toEqual(surfaces.get('node clock' as EngineName));
  });

  it('gives the forger the same verdict', () => {
    expect(forgedVerdicts.get('browser')).toEqual(forgedVerdicts.get('node'));
  });
});
