/**
 * The KafkaJS 2.2.4 deadlock of `await consumer.disconnect()` (or `stop()`) inside eachMessage: the
 * stop waits for the handler, the handler for the stop, and neither ever returns (kafkajs issues #767
 * and #601). The simulated consumer reproduces it and traces a 'stop-wait' when a stop starts waiting
 * for its own consumer's handler, and a 'stop-resume' when that handler returns. A wait still open at
 * the end of the run, in a process that did not crash, is that deadlock — not a slow program — so the
 * run reports it as a timeout that names the cause and the fix.
 */
import { readTrace, type TraceEventOf } from '../../broker/index.ts';
import type { RunError } from '../../shared/sandbox-protocol.ts';

/** The timeout to record when the trace ends with a stop still waiting for its handler; undefined when none is. */
export function disconnectDeadlock(trace: readonly unknown[]): RunError | undefined {
  const waiting = new Map<string, TraceEventOf<'stop-wait'>>();
  for (const event of readTrace(trace)) {
    if (event.kind === 'stop-wait') waiting.set(`${event.clientId}\u0000${event.groupId}`, event);
    else if (event.kind === 'stop-resume') waiting.delete(`${event.clientId}\u0000${event.groupId}`);
    // A crashed process has no handler left to finish: its stop is not a deadlock.
    else if (event.kind === 'crash' && 'clientId' in event) {
      for (const k of [...waiting.keys()]) if (k.startsWith(`${event.clientId}\u0000`)) waiting.delete(k);
    }
  }
  const stuck = [...waiting.values()][0];
  if (stuck === undefined) return undefined;
  return {
    kind: 'timeout',
    name: 'TimeoutError',
    inVirtualTime: true,
    message:
      `deadlock: ${stuck.clientId}'s consumer was told to stop at t=${stuck.t} ms while its eachMessage/eachBatch handler was running, and that handler never returned. ` +
      'In KafkaJS 2.2.4 disconnect() and stop() wait for the running handler, so `await consumer.disconnect()` inside the handler waits for itself forever (kafkajs issues #767, #601). ' +
      'Call `void consumer.disconnect()` without awaiting it and return from the handler (KafkaJS completes it once the handler returns), or return and disconnect outside the handler.',
  };
}
