/**
 * A cluster trace as a sequence diagram's content: which lanes (producer and consumer instances by
 * clientId, brokers 0–2, billing when it appears) and, per trace event, one step — an arrow between
 * two lanes (request, response, replication), a drop (an arrow that ends in a cross), or a mark on
 * one lane (append, commit, crash, restart, election, fault…).
 *
 * Pure data in, data out. Well-formed events (the broker's trace union, checked by `isTraceEvent`
 * since the trace crossed the sandbox boundary) are read by their kind's fields; anything else still
 * shows, as a mark with its name. Which broker a request went to is read from the
 * trace itself: the append or the leader election that names a broker for the same request or
 * partition. Nothing here looks at message prose.
 */
import { isTraceEvent, requestOf, valuesOf, type TraceEvent } from '../../broker/index.ts';
import { traceRow, type RowTone } from '../exercise/trace-rows.ts';

/** A vertical line of the diagram. */
export interface Lane {
  id: string;
  label: string;
  kind: 'producer' | 'consumer' | 'client' | 'broker' | 'billing';
}

/** How one step is drawn. */
export type StepShape = 'request' | 'response' | 'replicate' | 'drop' | 'mark' | 'crash' | 'restart' | 'fault';

/** One trace event, placed on the lanes. */
export interface DiagramStep {
  /** Index of the event in the trace given. */
  event: number;
  t: number;
  kind: string;
  shape: StepShape;
  /** The lane the arrow starts from, or the lane the mark sits on. */
  from: string;
  /** The lane an arrow points to; absent for a mark. */
  to?: string;
  /** A few words drawn beside the arrow or mark ("order3 @2", "commit 1"). */
  label: string;
  /** The event in a full sentence, for the step caption and screen readers. */
  text: string;
  tone: RowTone;
}

/** What the diagram draws. */
export interface SequenceModel {
  lanes: Lane[];
  steps: DiagramStep[];
  /** Events beyond the cap that are not drawn. */
  omitted: number;
}

/** The most events one diagram draws: beyond that a picture stops helping. */
export const MAX_DIAGRAM_STEPS = 400;

/** A value that is no well-formed trace event: drawn as a mark named by its kind (or itself). */
interface UnknownEvent {
  kind: 'unknown';
  name: string;
  t: number;
  broker?: number;
}

/** What the diagram draws a step for. */
type Shown = TraceEvent | UnknownEvent;

function shown(input: unknown): Shown {
  if (isTraceEvent(input)) return input;
  const e = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const name = typeof e['kind'] === 'string' ? e['kind'] : String(input);
  return { kind: 'unknown', name, t: finite(e['t']) ? e['t'] : 0, ...(finite(e['broker']) ? { broker: e['broker'] } : {}) };
}

const kindOf = (e: Shown): string => (e.kind === 'unknown' ? e.name : e.kind);
const brokerOf = (e: Shown): number | undefined => ('broker' in e ? e.broker : undefined);
const clientOf = (e: Shown): string | undefined => (e.kind !== 'charge' && 'clientId' in e ? e.clientId : undefined);
const groupOf = (e: Shown): string | undefined => ('groupId' in e ? e.groupId : undefined);
const requestIn = (e: Shown): number | undefined => (e.kind === 'unknown' ? undefined : requestOf(e));
const offsetOf = (e: Shown): number | undefined => ('offset' in e ? e.offset : undefined);
const partitionKey = (e: Shown): string => ('topic' in e ? `${e.topic ?? ''}/${e.partition ?? 0}` : '/0');

const shortValues = (e: Shown): string => {
  const values = e.kind === 'unknown' ? [] : valuesOf(e).map((v) => (v === null ? 'null' : v));
  return values.length <= 2 ? values.join(', ') : `${values[0]} +${values.length - 1}`;
};
const offsetText = (e: Shown): string => {
  const offset = offsetOf(e);
  if (offset === undefined) return '';
  const count = 'count' in e ? e.count : 1;
  return count > 1 ? `@${offset}–${offset + count - 1}` : `@${offset}`;
};
const join = (...parts: (string | undefined)[]): string => parts.filter((p) => p !== undefined && p !== '').join(' ');

/** Builds the diagram's lanes and steps from a trace. */
export function sequenceModel(trace: readonly unknown[]): SequenceModel {
  const events = trace.slice(0, MAX_DIAGRAM_STEPS).map(shown);

  // Lanes: clients in order of appearance, then brokers, then billing.
  const clients = new Map<string, Lane['kind']>();
  const brokers = new Set<number>([0, 1, 2]);
  let billing = false;
  for (const e of events) {
    const broker = brokerOf(e);
    if (broker !== undefined && broker >= 0) brokers.add(broker);
    if (e.kind === 'charge') billing = true;
    const client = clientOf(e);
    if (client === undefined) continue;
    const consumes = e.kind === 'fetch' || e.kind === 'deliver' || e.kind === 'commit' || groupOf(e) !== undefined;
    const role: Lane['kind'] = consumes ? 'consumer' : e.kind === 'send' || e.kind === 'retry' || e.kind === 'ack' ? 'producer' : 'client';
    const known = clients.get(client);
    if (known === undefined || known === 'client') clients.set(client, role);
  }
  const clientLane = (id: string) => `client:${id}`;
  const lanes: Lane[] = [
    ...[...clients].map(([id, kind]): Lane => ({ id: clientLane(id), label: id, kind })),
    ...[...brokers].sort((a, b) => a - b).map((b): Lane => ({ id: `broker:${b}`, label: `broker ${b}`, kind: 'broker' })),
    ...(billing ? [{ id: 'billing', label: 'billing', kind: 'billing' } satisfies Lane] : []),
  ];
  const brokerLane = (b: number) => `broker:${b}`;

  // Which broker leads each partition, and which broker appended each request: read ahead, so a
  // send is drawn to the broker that will append it.
  const requestBroker = new Map<number, number>();
  for (const e of events) {
    const request = requestIn(e);
    const broker = brokerOf(e);
    if (request !== undefined && broker !== undefined && !requestBroker.has(request)) requestBroker.set(request, broker);
  }
  const leaders = new Map<string, number>();
  const appended = new Set<number>();
  const leaderOf = (e: Shown): number => {
    const request = requestIn(e);
    return (request !== undefined ? requestBroker.get(request) : undefined) ?? leaders.get(partitionKey(e)) ?? 0;
  };

  // Where an event sits: its client, else its broker; an event naming neither (a group's rebalance,
  // a fault announced before it strikes) sits on its group's consumer or on the lane of what follows.
  const laneOf = (e: Shown): string | undefined => {
    const client = clientOf(e);
    const broker = brokerOf(e);
    return client !== undefined ? clientLane(client) : broker !== undefined ? brokerLane(broker) : undefined;
  };
  const groupClients = new Map<string, string>();
  for (const e of events) {
    const group = groupOf(e);
    const client = clientOf(e);
    if (group !== undefined && client !== undefined && !groupClients.has(group)) groupClients.set(group, clientLane(client));
  }
  const groupLane = (e: Shown): string | undefined => groupClients.get(groupOf(e) ?? '');
  const nextLane = (index: number): string | undefined => {
    for (const e of events.slice(index + 1, index + 4)) {
      const lane = laneOf(e);
      if (lane !== undefined) return lane;
    }
    return undefined;
  };

  const steps: DiagramStep[] = [];
  events.forEach((e, index) => {
    const kind = kindOf(e);
    const row = traceRow(trace[index]);
    const text = join(`${row.time}:`, row.event, row.where && `(${row.where})`, row.records && `— ${row.records}`, row.note && `— ${row.note}`);
    const client = clientOf(e);
    const broker = brokerOf(e);
    const request = requestIn(e);
    const base = { event: index, t: e.t, kind, text, tone: row.tone };
    const at = laneOf(e) ?? groupLane(e) ?? nextLane(index) ?? lanes[0]?.id ?? 'broker:0';
    const push = (step: Omit<DiagramStep, keyof typeof base>) => steps.push({ ...base, ...step });

    if (kind === 'append' && broker !== undefined) leaders.set(partitionKey(e), broker);
    if (kind === 'elect' && broker !== undefined) leaders.set(partitionKey(e), broker);
    if (kind === 'append' && request !== undefined) appended.add(request);

    switch (e.kind) {
      case 'send':
      case 'retry':
        return push({ shape: 'request', from: at, to: brokerLane(leaderOf(e)), label: join(kind === 'retry' ? 'retry' : 'send', shortValues(e)) });
      case 'ack':
        return push({ shape: 'response', from: brokerLane(leaderOf(e)), to: at, label: join('ack', offsetText(e)) });
      case 'fetch':
        return push({ shape: 'request', from: at, to: brokerLane(leaderOf(e)), label: join('fetch', offsetText(e)) });
      case 'deliver':
        return push({ shape: 'response', from: brokerLane(leaderOf(e)), to: at, label: join(shortValues(e), offsetText(e)) });
      case 'commit':
        return client !== undefined
          ? push({ shape: 'request', from: at, to: brokerLane(leaderOf(e)), label: join('commit', String(e.offset)) })
          : push({ shape: 'mark', from: at, label: 'commit' });
      case 'replicate': {
        const leader = leaders.get(partitionKey(e)) ?? 0;
        return push({ shape: 'replicate', from: brokerLane(leader), to: at, label: join('copy', offsetText(e)) });
      }
      case 'drop': {
        // A request that reached no broker was lost on its way; one already appended lost its response.
        const target = brokerLane(leaderOf(e));
        const responseLost = request !== undefined && appended.has(request);
        return responseLost
          ? push({ shape: 'drop', from: target, to: at, label: 'response lost' })
          : push({ shape: 'drop', from: at, to: target, label: 'request lost' });
      }
      case 'crash':
        return push({ shape: 'crash', from: at, label: 'crash' });
      case 'restart':
        return push({ shape: 'restart', from: at, label: 'restart' });
      case 'fault':
        return push({ shape: 'fault', from: at, label: 'fault' });
      case 'append':
        return push({ shape: 'mark', from: at, label: join(shortValues(e), offsetText(e)) });
      case 'charge':
        return push({ shape: 'request', from: clientLane(e.clientId), to: 'billing', label: join('charge', shortValues(e)) });
      default:
        return push({ shape: 'mark', from: at, label: kind === 'elect' ? 'becomes leader' : kind === 'dedupe' ? 'duplicate dropped' : kind });
    }
  });
  return { lanes, steps: withRestarts(steps), omitted: Math.max(0, trace.length - events.length) };
}

/**
 * A client that crashed and then acts again was started anew by its host (a new instance under the
 * same clientId): the diagram marks the restart just before that instance's first step.
 */
function withRestarts(steps: readonly DiagramStep[]): DiagramStep[] {
  const down = new Set<string>();
  const result: DiagramStep[] = [];
  for (const step of steps) {
    if (step.shape === 'crash') down.add(step.from);
    else if (step.shape === 'restart') down.delete(step.from);
    else if (down.has(step.from) && step.from.startsWith('client:')) {
      down.delete(step.from);
      result.push({ event: step.event, t: step.t, kind: 'restart', shape: 'restart', from: step.from, label: 'new instance', tone: 'normal',
        text: `${step.t} ms: ${step.from.slice('client:'.length)} starts again as a new instance` });
    }
    result.push(step);
  }
  return result;
}
