/**
 * Runs the learner's long-running program (a consumer loop) the way a deployment does: start it, let
 * the cluster run, and when a planned fault kills its process, start the program again — a new process
 * (see program-process.ts), resuming from whatever it committed.
 */
import { runUntil, type SimCluster } from '../../broker/index.ts';
import type { SandboxHost } from '../../shared/sandbox-protocol.ts';

/** Restarts allowed per run: enough for every planned crash, not enough to loop forever. */
const MAX_RESTARTS = 5;

export interface ProgramOptions {
  cluster: SimCluster;
  host: SandboxHost;
  /** Starts one instance of the program (the `n`th, from 1); returns its promise. */
  start(n: number): unknown;
  /** Told what an instance's promise rejected with. */
  onError(thrown: unknown): void;
  /** Virtual time to keep the cluster running after each start, for the program to catch up. */
  runForMs: number;
  /** Extra restarts to trigger, besides client crashes (e.g. a replacement instance after a zombie fault). */
  restartWhen?: () => boolean;
}

/** Starts the program, restarts it after each crash, and returns how many instances ran. */
export async function runRestartable(options: ProgramOptions): Promise<number> {
  const { cluster } = options;
  let crashes = 0;
  cluster.onClientCrash(() => {
    crashes++;
  });
  let handled = 0;
  let instances = 0;
  const launch = (): void => {
    instances++;
    let outcome: Promise<unknown>;
    try {
      outcome = Promise.resolve(options.start(instances));
    } catch (thrown) {
      outcome = Promise.reject(thrown);
    }
    outcome.then(undefined, (thrown: unknown) => options.onError(thrown));
  };
  launch();
  for (;;) {
    const wantsRestart = (): boolean => crashes > handled || options.restartWhen?.() === true;
    await runUntil(cluster, wantsRestart, () => options.host.yieldToHost(), { maxVirtualMs: options.runForMs });
    if (!wantsRestart() || instances > MAX_RESTARTS) break;
    handled = crashes;
    launch();
  }
  return instances;
}
