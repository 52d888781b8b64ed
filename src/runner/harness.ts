/**
 * The entry point that runs INSIDE the sandbox (a Worker in the browser, QuickJS in Node and on the
 * server), bundled with the simulated cluster and the drivers. It hardens the realm, then runs the
 * exercise's driver once per run and returns raw observations. Verdicts are computed outside, by the
 * grader, from these observations: nothing the learner's code does in here can produce a pass.
 */
import { hardenRealm } from './harden.ts';
import type { Driver } from './drivers/driver.ts';
import { DRIVERS } from './drivers/index.ts';
import type { DriverKind, RunObservation, SandboxHost, SandboxLimits, SandboxRequest, SandboxResult } from './sandbox-protocol.ts';
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
  let mappings: DecodedMappings | undefined;
  try {
    mappings = decodeSourceMap(request.map);
  } catch {
    mappings = undefined;
  }
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
  for (const run of runs) observations.push(await driver(context, run));
  return { runs: observations };
}
