/**
 * The entry point that runs INSIDE the sandbox (a Worker in the browser, QuickJS in Node and on the
 * server), bundled with the simulated cluster and the drivers. It hardens the realm, then runs the
 * exercise's driver once per run and returns raw observations. Verdicts are computed outside, by the
 * grader, from these observations: nothing the learner's code does in here can produce a pass.
 */
import { hardenRealm } from './harden.ts';
import type { Driver } from './drivers/driver.ts';
import { DRIVERS } from './drivers/index.ts';
import { emptyObservation, type DriverKind, type RunObservation, type SandboxHost, type SandboxLimits, type SandboxRequest, type SandboxResult, type SandboxRun } from '../shared/sandbox-protocol.ts';
import { decodeSourceMap, type DecodedMappings } from './source-map.ts';

/** Limits applied when a request leaves them out. */
const DEFAULT_LIMITS: Required<SandboxLimits> = { consoleLines: 200, consoleBytes: 20_000, virtualTimeMs: 600_000 };

/**
 * Runs every run of `request` in order and resolves to their observations. Hardens the realm on first
 * use, so call it only in a realm dedicated to learner code, after the host kept what it needs.
 */
export async function runSandboxed(request: SandboxRequest, host: SandboxHost): Promise<SandboxResult> {
  // Copy the request first: after hardening, nothing the learner touches can reach the host's objects.
  const runs = request.runs.map((run) => ({ ...run, orders: [...run.orders], faults: [...run.faults] }));
  const driver: Driver | undefined = (DRIVERS as Record<DriverKind, Driver | undefined>)[request.driver];
  if (driver === undefined) return { runs: [], sandboxError: `unknown driver ${String(request.driver)}` };
  const mappings = mappingsOf(request.map);
  const realm = hardenRealm();
  const context = {
    host,
    realm,
    code: request.code,
    mappings,
    observe: [...(request.observe ?? [])],
    limits: { ...DEFAULT_LIMITS, ...request.limits },
  };
  const observations: RunObservation[] = [];
  for (const run of runs) {
    const skipped = unreachable.skip(request.code, run);
    const observation = skipped ?? (await driver(context, run));
    if (skipped === undefined) unreachable.learn(request.code, run, observation);
    observations.push(observation);
  }
  return { runs: observations };
}

/**
 * The last source map decoded, and its mappings. The hosts call `runSandboxed` once per run, each time
 * with the same map, and decoding it took more of a short run than the run itself. Only the harness
 * holds it; learner code never sees the mappings.
 */
let lastMap: { json: string; mappings: DecodedMappings | undefined } | undefined;

function mappingsOf(json: string): DecodedMappings | undefined {
  if (lastMap?.json !== json) {
    let mappings: DecodedMappings | undefined;
    try {
      mappings = decodeSourceMap(json);
    } catch {
      mappings = undefined;
    }
    lastMap = { json, mappings };
  }
  return lastMap.mappings;
}

/**
 * Crash points a program never reaches. A family's schedules share one seed; when a schedule's planned
 * fault did not strike, that run was the run without a fault, and it reports how many calls out the
 * program made (`callsOut`): a crash or a failure at any later call cannot strike either, so those runs
 * are skipped, reported with nothing observed, and the grader counts them as unexplored, exactly as if
 * they had run. Same seed and same code give the same run, so this changes no verdict, only the time a
 * Check takes. Kept per realm (a sandbox serves one submission) because the browser asks for one run at
 * a time.
 */
const unreachable = {
  firstUnreached: new Map<string, number>(),
  key: (code: string, run: SandboxRun): string => `${run.family ?? ''}\u0000${run.seed}\u0000${code}`,
  call(run: SandboxRun): number | undefined {
    const fault = run.faults[0] as { call?: unknown } | undefined;
    return run.family !== undefined && typeof fault?.call === 'number' ? fault.call : undefined;
  },
  skip(code: string, run: SandboxRun): RunObservation | undefined {
    const call = this.call(run);
    const limit = this.firstUnreached.get(this.key(code, run));
    return call !== undefined && limit !== undefined && call >= limit ? emptyObservation(run) : undefined;
  },
  learn(code: string, run: SandboxRun, observation: RunObservation): void {
    const fault = (run.faults[0] as { fault?: unknown } | undefined)?.fault;
    if (this.call(run) === undefined || typeof observation.callsOut !== 'number') return;
    if (observation.faultsHit.some((hit) => (hit as { fault?: unknown }).fault === fault)) return;
    const key = this.key(code, run);
    const firstUnreached = observation.callsOut + 1;
    this.firstUnreached.set(key, Math.min(firstUnreached, this.firstUnreached.get(key) ?? firstUnreached));
  },
};
