/**
 * What every client of one `new Kafka(...)` shares: the cluster (through its client port), clientId,
 * request timeout, retry settings and logger; and KafkaJS's retry arithmetic.
 */
import type { ClusterClientPort, ProcessCall } from '../client-port.ts';
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
  /** The cluster, through the narrow port: the facade never holds the engine. */
  cluster: ClusterClientPort;
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
export function backoff(cluster: ClusterClientPort, r: RetryConfig, retryTime: number): number {
  const delta = r.factor * retryTime;
  return Math.round(retryTime - delta + cluster.random() * 2 * delta);
}

/** Turns a callback-style cluster request into a promise; see {@link laterFor}. */
export type Later = <T>(start: (resolve: (v: T) => void) => void) => Promise<T>;

/**
 * Promises on the virtual clock for one client of `ctx`'s process: what `start` answers is held while
 * the process is frozen, and never delivered once the client (`alive`) or its process died — a dead
 * process runs no more code. Each client binds it once (the producer and the consumer share it).
 */
export function laterFor(ctx: ClientContext, alive: () => boolean): Later {
  return <T>(start: (resolve: (v: T) => void) => void) =>
    new Promise<T>((resolve) => start((v) => ctx.cluster.whenAwake(ctx.process, () => alive() && resolve(v))));
}

/** A pause of `ms` virtual milliseconds for a client, through its bound {@link Later}. */
export function sleep(ctx: ClientContext, later: Later, ms: number): Promise<void> {
  return later<void>((done) => ctx.cluster.schedule(ms, () => done()));
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
  const { ticket, fate } = ctx.cluster.beginCall(ctx.process, failure === undefined ? { label: call.label, values: call.values } : call);
  if (fate === 'crashed') return never();
  if (fate === 'failed' && failure !== undefined) throw failure();
  const result = await perform();
  if (ctx.cluster.endCall(ticket)) return never();
  return result;
}
