/**
 * The runs of a Check built from named fault scenarios: every scenario under every guarantee asked
 * for, each with its own seed and its own order ids, so the checks of the fault-driven exercises declare
 * only their scenarios.
 */
import type { SandboxRun } from '../runner/sandbox-protocol.ts';
import { GUARANTEES, type Guarantee } from '../schemas/guarantees.ts';
import { orderIdsFor } from './order-ids.ts';

/** A fault scenario: its name in reports and its fault plan (the broker's format) for the run's orders. */
export interface FaultScenario {
  name: string;
  faults(orders: readonly string[]): unknown[];
}

/** Where the seeds start and which guarantees are graded. */
export interface ScenarioRunsOptions {
  /** The seed of the first scenario under the first guarantee; the next guarantee adds 100, the next scenario 1. */
  seedBase: number;
  /** @default every guarantee, weakest first */
  guarantees?: readonly Guarantee[];
  /** Orders handed to the learner in each run. @default 3 */
  ordersPerRun?: number;
}

/** One run per scenario per guarantee, guarantee by guarantee, in the order the report shows them. */
export function scenarioRuns(scenarios: readonly FaultScenario[], { seedBase, guarantees = GUARANTEES, ordersPerRun = 3 }: ScenarioRunsOptions): SandboxRun[] {
  return guarantees.flatMap((guarantee, g) =>
    scenarios.map((scenario, s) => {
      const seed = seedBase + 100 * g + s;
      const orders = orderIdsFor(seed, ordersPerRun);
      return { scenario: scenario.name, seed, guarantee, orders, faults: scenario.faults(orders) };
    }),
  );
}
