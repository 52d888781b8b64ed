/**
 * Parses the two Kafka console tools lesson 03 teaches, with Kafka 4's rules: `--bootstrap-server`
 * is required and `--broker-list` (deprecated in 2.5, removed in 4.0) is an unknown option.
 * Only the options the lesson uses are accepted; anything else is answered the way the real tool
 * answers an unknown option, so students do not learn flags that would fail on a real cluster.
 */

/**
 * `kafka-console-producer … [--sync] --producer-property acks=…`. `--sync` (send each line as its own
 * request and wait for the answer) is accepted and changes nothing: this console always sends one
 * line per request, so a fault hits one message, as it does on a real cluster only with `--sync`.
 */
export interface ProducerCommand {
  tool: 'producer';
  bootstrapServer: string;
  topic: string;
  /** `--producer-property` pairs (or Kafka 4.2's `--command-property`), e.g. `{ acks: '1' }`. */
  producerProperties: Record<string, string>;
  /** `--sync`: each line is sent as its own request, and the next waits for its answer. Absent = batched. */
  sync?: true;
  /** `--timeout`: how long a batch lingers for more lines (linger.ms). Absent = the tool's 1000 ms. */
  lingerMs?: number;
}

/** `kafka-console-consumer … [--from-beginning] [--max-messages N]`. */
export interface ConsumerCommand {
  tool: 'consumer';
  bootstrapServer: string;
  topic: string;
  fromBeginning: boolean;
  /** Stop after this many records; undefined = run until stopped. */
  maxMessages: number | undefined;
}

/** What the real tool would print on stderr before exiting with status 1. */
export interface CommandError {
  tool: 'error';
  stderr: string[];
}

export type ConsoleCommand = ProducerCommand | ConsumerCommand | CommandError;

const TOOLS = new Set(['kafka-console-producer', 'kafka-console-producer.sh', 'kafka-console-consumer', 'kafka-console-consumer.sh']);
// `command-property` is Kafka 4.2's name for `producer-property` (KIP-1147), which 4.2 deprecates.
const VALUE_OPTIONS = new Set(['bootstrap-server', 'topic', 'producer-property', 'command-property', 'max-messages', 'timeout']);
const FLAG_OPTIONS = new Set(['from-beginning', 'sync']);
/** Options only one of the two tools has (this console models no consumer settings for --command-property). */
const PRODUCER_ONLY = new Set(['producer-property', 'command-property', 'sync', 'timeout']);
const CONSUMER_ONLY = new Set(['from-beginning', 'max-messages']);

/** Splits a command line on whitespace, honouring single and double quotes. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

/** Parses one command line typed into the lesson console. */
export function parseConsoleCommand(line: string): ConsoleCommand {
  const [program = '', ...args] = splitWords(line.trim());
  if (!TOOLS.has(program)) {
    return { tool: 'error', stderr: [`${program || '(empty)'}: command not found — this console runs kafka-console-producer and kafka-console-consumer`] };
  }
  const isProducer = program.startsWith('kafka-console-producer');
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) return { tool: 'error', stderr: [`Found non-option argument "${arg}"`] };
    const name = arg.slice(2);
    // The real tools parse options with jopt-simple, whose wording for an unknown option this copies.
    if (FLAG_OPTIONS.has(name)) { flags.add(name); continue; }
    if (!VALUE_OPTIONS.has(name)) {
      const error = [`${name} is not a recognized option`];
      if (name === 'broker-list') error.push('(Kafka 4.0 removed --broker-list, deprecated since 2.5: use --bootstrap-server localhost:9092)');
      return { tool: 'error', stderr: error };
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return { tool: 'error', stderr: [`Option ${name} requires an argument`] };
    values.set(name, [...(values.get(name) ?? []), value]);
    i++;
  }
  const bootstrapServer = values.get('bootstrap-server')?.[0];
  if (!bootstrapServer) return { tool: 'error', stderr: ['Missing required option(s) [bootstrap-server]'] };
  const topic = values.get('topic')?.[0];
  if (!topic) return { tool: 'error', stderr: ['Missing required option(s) [topic]'] };
  const foreign = [...flags, ...values.keys()].find((name) => (isProducer ? CONSUMER_ONLY : PRODUCER_ONLY).has(name));
  if (foreign !== undefined) return { tool: 'error', stderr: [`${foreign} is not a recognized option`] };
  if (isProducer) {
    const producerProperties: Record<string, string> = {};
    for (const pair of [...(values.get('producer-property') ?? []), ...(values.get('command-property') ?? [])]) {
      const eq = pair.indexOf('=');
      if (eq <= 0) return { tool: 'error', stderr: [`Invalid producer property "${pair}": expected key=value`] };
      producerProperties[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const acks = producerProperties['acks'];
    if (acks !== undefined && !['0', '1', 'all', '-1'].includes(acks)) {
      return { tool: 'error', stderr: [`Invalid value ${acks} for configuration acks: String must be one of: all, -1, 0, 1`] };
    }
    const command: ProducerCommand = { tool: 'producer', bootstrapServer, topic, producerProperties };
    if (flags.has('sync')) command.sync = true;
    const timeout = values.get('timeout')?.[0];
    if (timeout !== undefined) {
      const lingerMs = Number(timeout);
      if (!/^\d+$/.test(timeout) || !Number.isSafeInteger(lingerMs)) return { tool: 'error', stderr: [`Cannot parse argument '${timeout}' of option timeout`] };
      command.lingerMs = lingerMs;
    }
    return command;
  }
  const max = values.get('max-messages')?.[0];
  const maxMessages = max === undefined ? undefined : Number(max);
  if (maxMessages !== undefined && (!Number.isInteger(maxMessages) || maxMessages < 1)) {
    return { tool: 'error', stderr: [`Invalid value for --max-messages: ${max}`] };
  }
  return { tool: 'consumer', bootstrapServer, topic, fromBeginning: flags.has('from-beginning'), maxMessages };
}
