/**
 * Whether the learner's eachMessage / eachBatch handler is running, so that `stop()` and
 * `disconnect()` can wait for it as KafkaJS 2.2.4 does: there, both wait for the fetch loop, and the
 * fetch loop waits for the handler in flight. Awaiting `consumer.disconnect()` inside the handler
 * therefore never resolves — the handler waits for disconnect, disconnect for the handler (kafkajs
 * issues #767 and #601). The simulator keeps that deadlock so code written here does not hang on the
 * real client; calling `disconnect()` without awaiting it and returning lets it complete.
 */

/** Tracks the handler in flight and who waits for it to return. */
export interface HandlerGate {
  /** True while a handler call has not settled. */
  readonly busy: boolean;
  /** Run one handler call, marking the gate busy until it settles. */
  pass<T>(call: () => Promise<T>): Promise<T>;
  /** Resolves once no handler is running (at once when none is). */
  idle(): Promise<void>;
}

export function createHandlerGate(): HandlerGate {
  let busy = false;
  let waiting: (() => void)[] = [];
  return {
    get busy() {
      return busy;
    },
    async pass<T>(call: () => Promise<T>): Promise<T> {
      busy = true;
      try {
        return await call();
      } finally {
        busy = false;
        const wake = waiting;
        waiting = [];
        for (const resolve of wake) resolve();
      }
    },
    idle() {
      return busy ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve();
    },
  };
}
