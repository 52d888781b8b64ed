/**
 * What every client of one `new Kafka(...)` shares: the engine, clientId, request timeout, retry
 * settings and logger; and KafkaJS's retry arithmetic.
 */
import type { Engine } from '../engine.ts';
import type { ProcessCall } from '../fault-runtime.ts';
import type { LoggerLike, RetryOptionsLike } from './shapes.ts';

/** Resolved retry settings. KafkaJS defaults: 5 retries, 300 ms initial, ×2, ±20 %, 30 s cap. */
export interface RetryConfig {
  retries: number;
  initialRetryTime: number;
  factor: number;
  multiplier: number;
  maxRetryTime: number;
}

/** Shared by the clients of one Kafka instance. */
export interface ClientContext {
  engine: Engine;
  /** The process the clients live in (see processes.ts): they die, freeze and count calls with it. */
  process: number;
  clientId: string;
  /** KafkaJS `requestTimeout`. @default 30000 */
  requestTimeout: number;
  retry: RetryOptionsLike;
  logger: LoggerLike;
}

/** Fill in KafkaJS's retry defaults (an idempotent producer retries "forever"). */
export function resolveRetry(r: RetryOptionsLike, idempotent: boolean): RetryConfig {
  return {
    retries: r.retries ?? (idempotent ? Number.MAX_SAFE_INTEGER : 5),
    initialRetryTime: r.initialRetryTime ?? 300,
    factor: r.factor ?? 0.2,
    multiplier: r.multiplier ?? 2,
    maxRetryTime: r.maxRetryTime ?? 30_000,
  };
}

/** A retry time randomized by ±factor with the cluster's seeded random source. */
export function backoff(engine: Engine, r: RetryConfig, retryTime: number): number {
  const delta = r.factor * retryTime;
  return Math.round(retryTime - delta + engine.random() * 2 * delta);
}

/**
 * A promise on the virtual clock for a client of `ctx`'s process: what `start` answers is held while
 * the process is frozen, and never delivered once the client (`alive`) or its process died — a dead
 * process runs no more code.
 */
export function later<T>(ctx: ClientContext, alive: () => boolean, start: (resolve: (v: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve) => start((v) => ctx.engine.faults.whenAwake(ctx.process, () => alive() && resolve(v))));
}

/** A promise that never settles: the answer to a call of a process that died. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/**
 * A call out of the process (see processes.ts): counted, and subject to the fault plan's crash points
 * and failures. `perform` makes the call; its result reaches the caller unless a planned crash strikes
 * after the call took effect. `failure` builds the error the application sees when a planned failure
 * refuses the call (the call then has no effect).
 */
export async function callOut<T>(ctx: ClientContext, call: ProcessCall, failure: (() => Error) | undefined, perform: () => Promise<T>): Promise<T> {
  const { ticket, fate } = ctx.engine.faults.beginCall(ctx.process, failure === undefined ? { label: call.label, values: call.values } : call);
  if (fate === 'crashed') return never();
  if (fate === 'failed' && failure !== undefined) throw failure();
  const result = await perform();
  if (ctx.engine.faults.endCall(ticket)) return never();
  return result;
}
