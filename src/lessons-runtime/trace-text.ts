import type { TraceEvent } from '../broker/types.ts';

/**
 * One trace event as a short phrase for a timeline row, e.g. "append at offset 2 on broker 0".
 * Only the fields the event carries are mentioned, so the wording never invents facts.
 */
export function describeEvent(event: TraceEvent): string {
  const parts: string[] = [event.kind];
  if (event.broker !== undefined) parts.push(`broker ${event.broker}`);
  if (event.offset !== undefined) parts.push(`offset ${event.offset}${event.count !== undefined && event.count > 1 ? `…${event.offset + event.count - 1}` : ''}`);
  // The cluster marks a non-idempotent producer's batches with id and sequence -1 (no id): omit them.
  if (event.producerId !== undefined && event.producerId >= 0) parts.push(`producer id ${event.producerId}`);
  if (event.sequence !== undefined && event.sequence >= 0) parts.push(`seq ${event.sequence}`);
  if (event.acks !== undefined) parts.push(`acks=${event.acks === -1 ? 'all' : event.acks}`);
  if (event.requestId !== undefined) parts.push(`request ${event.requestId}`);
  if (event.error) parts.push(event.error);
  const text = parts.join(' · ');
  return event.detail ? `${text} — ${event.detail}` : text;
}

/**
 * The events that concern one record value: those naming it, and those of the produce requests that
 * carried it (acks and drops name the request, not always the value).
 */
export function eventsForValue(trace: readonly TraceEvent[], value: string): TraceEvent[] {
  const names = (event: TraceEvent) => event.value === value || (event.values?.includes(value) ?? false);
  const requests = new Set(trace.filter((event) => names(event) && event.requestId !== undefined).map((event) => event.requestId));
  return trace.filter((event) => names(event) || (event.requestId !== undefined && requests.has(event.requestId)));
}
