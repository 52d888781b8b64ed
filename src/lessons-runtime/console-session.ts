import { createCluster } from '../broker/index.ts';
import type { FaultPlan } from '../broker/faults.ts';
import type { SimCluster } from '../broker/types.ts';
import { parseConsoleCommand, type ConsumerCommand, type ProducerCommand } from './console-command.ts';
import { CONSOLE_FAULTS, PRODUCER_INPUT } from './console-options.ts';
import { produceValues } from './produce-run.ts';

/** One line of console output; `note` lines are the course's comments, not the tool's. */
export interface ConsoleLine {
  stream: 'echo' | 'stdout' | 'stderr' | 'note';
  text: string;
}

/** The record the fault switch aims at, as the lesson says. */
const TARGET = 'message3';

/** The fault plan for a switch position: one fault on the first `message3` sent in the session. */
export function consoleFaultPlan(faultId: string, topic = 'example-topic'): FaultPlan {
  const fault = CONSOLE_FAULTS.find((candidate) => candidate.id === faultId)?.id ?? 'none';
  if (fault === 'none') return [];
  return [{ fault, on: { topic, value: TARGET } }];
}

/**
 * The console producer's real defaults (Kafka 4): acks=all, 3 retries, idempotence on — and
 * `--producer-property acks=0|1` silently turns idempotence off, because it needs acks=all.
 */
export function consoleProducerSettings(acksProperty: string | undefined): { acks: 0 | 1 | -1; retries: number; idempotent: boolean } {
  if (acksProperty === '0') return { acks: 0, retries: 0, idempotent: false };
  if (acksProperty === '1') return { acks: 1, retries: 3, idempotent: false };
  return { acks: -1, retries: 3, idempotent: true };
}

/**
 * kafka-console-producer's own settings (Kafka 4): it lingers `--timeout` ms (1000) for more lines
 * before it sends a batch, waits `--request-timeout-ms` (1500) for an answer, and keeps up to 5
 * requests in flight (the Java producer's default). `--sync` sends each line on its own and waits.
 */
export const CONSOLE_PRODUCER = { lingerMs: 1000, requestTimeoutMs: 1500, maxInFlightRequests: 5 } as const;

/**
 * A terminal session on one simulated cluster: commands run in order against the same topics, so a
 * consumer reads what earlier producer commands stored. A new session (fault switch, reset) starts
 * from an empty cluster.
 */
export class ConsoleSession {
  readonly cluster: SimCluster;
  private readonly topics = new Set<string>();
  private faultsReported = 0;
  private producerRuns = 0;

  constructor(faultId: string, seed = 42) {
    this.cluster = createCluster({ seed, faults: consoleFaultPlan(faultId) });
    this.ensureTopic('example-topic');
  }

  /** Runs one command line and returns what the terminal shows. */
  async run(line: string): Promise<ConsoleLine[]> {
    const out: ConsoleLine[] = [{ stream: 'echo', text: `$ ${line.trim()}` }];
    const command = parseConsoleCommand(line);
    if (command.tool === 'error') return [...out, ...command.stderr.map((text) => ({ stream: 'stderr' as const, text }))];
    if (command.tool === 'producer') return [...out, ...(await this.produce(command)), ...this.newFaultNotes()];
    return [...out, ...this.consume(command)];
  }

  private ensureTopic(topic: string): void {
    if (this.topics.has(topic)) return;
    this.cluster.createTopic({ topic, replicationFactor: 3, minInsyncReplicas: 2 });
    this.topics.add(topic);
  }

  private async produce(command: ProducerCommand): Promise<ConsoleLine[]> {
    this.ensureTopic(command.topic); // brokers auto-create topics by default
    const settings = consoleProducerSettings(command.producerProperties['acks']);
    this.producerRuns++;
    const lingerMs = command.lingerMs ?? CONSOLE_PRODUCER.lingerMs;
    const results = await produceValues(
      this.cluster,
      {
        clientId: `console-producer-${this.producerRuns}`,
        topic: command.topic,
        ...settings,
        requestTimeout: CONSOLE_PRODUCER.requestTimeoutMs,
        maxInFlightRequests: CONSOLE_PRODUCER.maxInFlightRequests,
        // The console feeds every line at once, as a paste or a pipe does: without --sync they batch.
        ...(command.sync ? {} : { lingerMs }),
      },
      PRODUCER_INPUT,
    );
    const lines: ConsoleLine[] = PRODUCER_INPUT.map((value) => ({ stream: 'echo', text: `> ${value}` }));
    lines.push({ stream: 'note', text: batchingNote(command.sync === true, lingerMs, PRODUCER_INPUT.length) });
    for (const result of results) {
      if (!result.error) continue;
      lines.push({
        stream: 'stderr',
        text: `ERROR Error when sending message to topic ${command.topic} with key: null, value: ${result.value.length} bytes with error: ${result.error}`,
      });
    }
    return lines;
  }

  private consume(command: ConsumerCommand): ConsoleLine[] {
    if (!this.topics.has(command.topic)) {
      return [{ stream: 'stderr', text: `WARN Error while fetching metadata: {${command.topic}=UNKNOWN_TOPIC_OR_PARTITION}` }, { stream: 'stderr', text: 'Processed a total of 0 messages' }];
    }
    if (!command.fromBeginning) {
      // A console consumer without a committed offset starts at the end (auto.offset.reset=latest).
      return [
        { stream: 'note', text: '(without --from-beginning the consumer starts at the end of the topic and waits for new messages; the console stops it here)' },
        { stream: 'stderr', text: 'Processed a total of 0 messages' },
      ];
    }
    const records = this.cluster.readTopic(command.topic, { isolation: 'read_uncommitted' });
    const shown = command.maxMessages === undefined ? records : records.slice(0, command.maxMessages);
    const lines: ConsoleLine[] = shown.map((record) => ({ stream: 'stdout', text: record.value ?? 'null' }));
    if (command.maxMessages !== undefined && shown.length < command.maxMessages) {
      lines.push({ stream: 'note', text: `(only ${shown.length} of ${command.maxMessages} messages exist: the real consumer keeps waiting; the console stops it here)` });
    } else if (command.maxMessages === undefined) {
      lines.push({ stream: 'note', text: '(the real consumer keeps waiting for more; the console stops it here)' });
    }
    lines.push({ stream: 'stderr', text: `Processed a total of ${shown.length} messages` });
    return lines;
  }

  /** Planned faults that fired since the last command, explained in the cluster's own words. */
  private newFaultNotes(): ConsoleLine[] {
    const hits = this.cluster.faultsHit().slice(this.faultsReported);
    this.faultsReported += hits.length;
    return hits.map((hit) => ({ stream: 'note', text: `(simulated fault at t=${hit.t} ms: ${hit.detail})` }));
  }
}

/** The course's comment on how the producer grouped the lines into requests. */
function batchingNote(sync: boolean, lingerMs: number, lines: number): string {
  if (sync) return `(--sync: each of the ${lines} lines went in its own request, and the next waited for its answer)`;
  if (lingerMs === 0) return `(--timeout 0: no lingering, so each line left in its own request without waiting for the previous answer — up to ${CONSOLE_PRODUCER.maxInFlightRequests} in flight, so a retry can land after later lines)`;
  return `(the ${lines} lines arrived at once, within the ${lingerMs} ms linger (--timeout), so they went as one batch in one request — a retry resends the whole batch; add --sync to send each line on its own)`;
}
