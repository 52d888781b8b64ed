import { requestOf, valuesOf, type TraceEvent } from '../broker/index.ts';

/**
 * One trace event as a short phrase for a timeline row, e.g. "append at offset 2 on broker 0".
 * Only the fields the event carries are mentioned, so the wording never invents facts.
 */
export function describeEvent(event: TraceEvent): string {
  const parts: string[] = [event.kind];
  if ('broker' in event && event.broker !== undefined) parts.push(`broker ${event.broker}`);
  if ('offset' in event && event.offset !== undefined) {
    const count = 'count' in event ? event.count : 1;
    parts.push(`offset ${event.offset}${count > 1 ? `…${event.offset + count - 1}` : ''}`);
  }
  // The cluster marks a non-idempotent producer's batches with id and sequence -1 (no id): omit them.
  if ('producerId' in event && event.producerId !== undefined && event.producerId >= 0) parts.push(`producer id ${event.producerId}`);
  if ('sequence' in event && event.sequence !== undefined && event.sequence >= 0) parts.push(`seq ${event.sequence}`);
  if ('acks' in event) parts.push(`acks=${event.acks === -1 ? 'all' : event.acks}`);
  if ('requestId' in event && event.requestId !== undefined) parts.push(`request ${event.requestId}`);
  if ('error' in event && event.error) parts.push(event.error);
  const text = parts.join(' · ');
  return 'detail' in event && event.detail ? `${text} — ${event.detail}` : text;
}

/**
 * The events that concern one record value: those naming it, and those of the produce requests that
 * carried it (acks and drops name the request, not always the value).
 */
export function eventsForValue(trace: readonly TraceEvent[], value: string): TraceEvent[] {
  const names = (event: TraceEvent) => valuesOf(event).includes(value);
  const requests = new Set(trace.filter(names).map(requestOf).filter((id): id is number => id !== undefined));
  return trace.filter((event) => names(event) || requests.has(requestOf(event) ?? -1));
}
