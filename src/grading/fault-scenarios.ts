/**
 * The runs of a Check built from named fault scenarios: every scenario under every guarantee asked
 * for, each with its own seed and its own order ids, so the checks of the fault-driven exercises declare
 * only their scenarios.
 */
import type { SandboxRun } from '../shared/sandbox-protocol.ts';
import { GUARANTEES, type Guarantee } from '../schemas/guarantees.ts';
import { orderIdsFor } from './order-ids.ts';

/** A fault scenario: its name in reports and its fault plan (the broker's format) for the run's orders. */
export interface FaultScenario {
  name: string;
  faults(orders: readonly string[]): unknown[];
}

/** The family of schedules where the learner's process dies at each of its calls out in turn. */
export const CRASH_FAMILY = 'crash at any call';
/** The family of schedules where each call out in turn fails once the client's retries ran out. */
export const FAILURE_FAMILY = 'any call fails';

/**
 * Crash points explored per guarantee: every call out of the first process, 1..`calls` (see the
 * broker's processes.ts), as deterministic simulation testing walks them. A process that makes fewer
 * calls leaves the later points unexplored (the grader counts only the schedules whose fault struck).
 */
export interface CrashPointOptions {
  /** The highest call number explored; enough for every call a correct program makes. */
  calls: number;
  /** Also explore a failure of each call (a refused commit, retries that ran out). @default true */
  failures?: boolean;
}

/** Where the seeds start and which guarantees are graded. */
export interface ScenarioRunsOptions {
  /** The seed of the first scenario under the first guarantee; the next guarantee adds 100, the next scenario 1. */
  seedBase: number;
  /** @default every guarantee, weakest first */
  guarantees?: readonly Guarantee[];
  /** Orders handed to the learner in each run. @default 3 */
  ordersPerRun?: number;
  /** Explore crash points too, after the named scenarios of each guarantee. @default none */
  crashPoints?: CrashPointOptions;
}

/** One run per scenario per guarantee, guarantee by guarantee, in the order the report shows them. */
export function scenarioRuns(scenarios: readonly FaultScenario[], { seedBase, guarantees = GUARANTEES, ordersPerRun = 3, crashPoints }: ScenarioRunsOptions): SandboxRun[] {
  return guarantees.flatMap((guarantee, g) => {
    const named = scenarios.map((scenario, s) => {
      const seed = seedBase + 100 * g + s;
      const orders = orderIdsFor(seed, ordersPerRun);
      return { scenario: scenario.name, seed, guarantee, orders, faults: scenario.faults(orders) };
    });
    if (crashPoints === undefined) return named;
    // Every schedule of a guarantee shares one seed and one list of orders, so "call 3" is the same call in each.
    const seed = seedBase + 100 * g + 90;
    return [...named, ...crashPointRuns(crashPoints, seed, guarantee, orderIdsFor(seed, ordersPerRun))];
  });
}

/** The schedules of the crash and failure families, smallest first: the order in which the grader names the first failing one. */
function crashPointRuns({ calls, failures = true }: CrashPointOptions, seed: number, guarantee: Guarantee, orders: readonly string[]): SandboxRun[] {
  const run = (family: string, scenario: string, fault: unknown): SandboxRun => ({ scenario, family, seed, guarantee, orders: [...orders], faults: [fault] });
  const points = Array.from({ length: calls }, (_, i) => i + 1);
  // Dying just before call k leaves the world as dying just after call k-1 does; only "before the
  // first call" is a state of its own.
  const crashes = [
    run(CRASH_FAMILY, 'crash before the first call', { fault: 'crash-process', call: 1, when: 'before' }),
    ...points.map((k) => run(CRASH_FAMILY, `crash after call ${k}`, { fault: 'crash-process', call: k, when: 'after' })),
  ];
  const failed = failures ? points.map((k) => run(FAILURE_FAMILY, `call ${k} fails`, { fault: 'fail-call', call: k })) : [];
  return [...crashes, ...failed];
}
