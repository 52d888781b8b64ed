/**
 * Errors named and shaped like KafkaJS's (name, message, retriable, and for protocol errors type and
 * code), so learner code can test `e.name`, `e.type` or `e.retriable` as it would against KafkaJS.
 */
import { ERRORS, type ErrorType } from '../error-codes.ts';

/** Base class: every error the facade throws. */
export class KafkaJSError extends Error {
  readonly retriable: boolean;
  readonly helpUrl?: string;
  override readonly cause?: Error;
  constructor(e: Error | string, metadata: { retriable?: boolean; cause?: Error } = {}) {
    super(typeof e === 'string' ? e : e.message);
    this.name = 'KafkaJSError';
    this.retriable = metadata.retriable ?? true;
    if (metadata.cause) this.cause = metadata.cause;
  }
}

/** An error that retrying will not fix. */
export class KafkaJSNonRetriableError extends KafkaJSError {
  constructor(e: Error | string, metadata: { cause?: Error } = {}) {
    super(e, { ...metadata, retriable: false });
    this.name = 'KafkaJSNonRetriableError';
  }
}

/** A broker answered with a Kafka protocol error. */
export class KafkaJSProtocolError extends KafkaJSError {
  readonly code: number;
  readonly type: string;
  constructor(e: Error | string | ErrorType, metadata: { retriable?: boolean } = {}) {
    const info = typeof e === 'string' && e in ERRORS ? ERRORS[e as ErrorType] : undefined;
    super(info ? info.message : e, { retriable: metadata.retriable ?? info?.retriable ?? false });
    this.name = 'KafkaJSProtocolError';
    this.code = info?.code ?? -1;
    this.type = info?.type ?? 'UNKNOWN';
  }
}

/** Retries ran out; `cause` is the last error. */
export class KafkaJSNumberOfRetriesExceeded extends KafkaJSNonRetriableError {
  declare readonly stack: string;
  readonly retryCount: number;
  readonly retryTime: number;
  constructor(e: Error, metadata: { retryCount: number; retryTime: number }) {
    super(e, { cause: e });
    this.name = 'KafkaJSNumberOfRetriesExceeded';
    // KafkaJS shows the cause in the stack; so do we.
    this.stack = `${this.name}\n  Caused by: ${e.stack ?? e.message}`;
    this.retryCount = metadata.retryCount;
    this.retryTime = metadata.retryTime;
  }
}

/** The connection to a broker failed or closed. */
export class KafkaJSConnectionError extends KafkaJSError {
  readonly broker: string;
  constructor(e: Error | string, metadata: { broker?: string } = {}) {
    super(e, { retriable: true });
    this.name = 'KafkaJSConnectionError';
    this.broker = metadata.broker ?? 'simulated';
  }
}

/** No response within the request timeout. */
export class KafkaJSRequestTimeoutError extends KafkaJSError {
  readonly broker: string;
  readonly correlationId: number;
  readonly createdAt: number;
  readonly sentAt: number;
  readonly pendingDuration: number;
  constructor(e: Error | string, metadata: { broker?: string; correlationId?: number; createdAt?: number; sentAt?: number; pendingDuration?: number } = {}) {
    super(e, { retriable: true });
    this.name = 'KafkaJSRequestTimeoutError';
    this.broker = metadata.broker ?? 'simulated';
    this.correlationId = metadata.correlationId ?? -1;
    this.createdAt = metadata.createdAt ?? 0;
    this.sentAt = metadata.sentAt ?? 0;
    this.pendingDuration = metadata.pendingDuration ?? 0;
  }
}

/** Something the simulator does not model. */
export class KafkaJSNotImplemented extends KafkaJSNonRetriableError {
  constructor(e: Error | string) {
    super(e);
    this.name = 'KafkaJSNotImplemented';
  }
}

/** The error a broker error type becomes on the client. */
export function protocolError(type: ErrorType): KafkaJSError {
  if (type === 'NETWORK_EXCEPTION') return new KafkaJSConnectionError('Connection to the broker was closed (the broker crashed)');
  return new KafkaJSProtocolError(type);
}
