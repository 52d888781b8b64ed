/**
 * What every client of one `new Kafka(...)` shares: the engine, clientId, request timeout, retry
 * settings and logger; and KafkaJS's retry arithmetic.
 */
import type { Engine } from '../engine.ts';
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
