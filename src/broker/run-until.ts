/**
 * runUntil: the loop every host uses to drive a cluster — fire one event, let the learner's promise
 * continuations run, check whether we are done.
 */
import type { SimCluster } from './types.ts';

/** Limits for {@link runUntil}. */
export interface RunLimits {
  /** Stop when the next event is later than this many virtual ms after the start. @default 600000 */
  maxVirtualMs?: number;
  /** Stop after this many events. @default 1000000 */
  maxSteps?: number;
}

/**
 * Drive a cluster until `done()` is true, nothing is scheduled ('idle'), or a limit is reached.
 * `yieldToHost` must let every pending microtask run (MessageChannel in a Worker, setImmediate in
 * Node, executePendingJobs in QuickJS), so learner code reacts to each event before the next one
 * fires. It is called before the first check and after every step that called out of the cluster. A
 * step that called nothing outside (a follower's fetch, a request reaching a broker) ran cluster code
 * only, and nothing can be waiting for a turn after the yield before it drained the queue, so that
 * yield would change nothing: skipping it gives the same run, without a trip through the host's
 * event loop for each internal event. This holds because cluster code never runs learner code except
 * through those counted callbacks: the facade copies what the learner passes into plain strings and
 * numbers, and the sandbox freezes the built-ins cluster code uses (a patched iterator cannot run).
 */
export async function runUntil(
  cluster: SimCluster,
  done: () => boolean,
  yieldToHost: () => Promise<void>,
  limits: RunLimits = {},
): Promise<'done' | 'idle' | 'limit'> {
  const deadline = cluster.now() + (limits.maxVirtualMs ?? 600_000);
  const maxSteps = limits.maxSteps ?? 1_000_000;
  let calledOut = true;
  for (let steps = 0; ; steps++) {
    if (calledOut) await yieldToHost();
    if (done()) return 'done';
    const next = cluster.nextEventAt();
    if (next === undefined) return 'idle';
    if (next > deadline || steps >= maxSteps) return 'limit';
    const before = cluster.outsideCalls();
    cluster.step();
    calledOut = cluster.outsideCalls() !== before;
  }
}
