/** What every harness driver receives, and the shape of a driver. */
import type { HardenedRealm } from '../harden.ts';
import type { RunError, RunObservation, SandboxHost, SandboxLimits, SandboxRun } from '../../shared/sandbox-protocol.ts';
import type { DecodedMappings } from '../source-map.ts';

export interface DriverContext {
  host: SandboxHost;
  realm: HardenedRealm;
  /** The learner's compiled module. */
  code: string;
  mappings: DecodedMappings | undefined;
  observe: readonly string[];
  limits: Required<SandboxLimits>;
}

/** Runs the learner's module for one run and reports what it observed. Never throws for learner faults. */
export type Driver = (context: DriverContext, run: SandboxRun) => Promise<RunObservation>;

/** True when `value` is an array of strings (what processed_orders must be). */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The error a driver throws when the module does not export the function it calls. */
export function missingExportError(name: string, signature: string): TypeError {
  return new TypeError(missingExport(name, signature).message);
}

/** The runtime error of a module that does not export the function the driver calls. */
export function missingExport(name: string, signature: string): RunError {
  return { kind: 'runtime', name: 'TypeError', message: `export an async function ${name}${signature} — the exercise calls it` };
}
