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
    const results = await produceValues(this.cluster, { clientId: `console-producer-${this.producerRuns}`, topic: command.topic, ...settings }, PRODUCER_INPUT);
    const lines: ConsoleLine[] = PRODUCER_INPUT.map((value) => ({ stream: 'echo', text: `> ${value}` }));
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
