import { createCluster } from '../broker/index.ts';
import type { TraceEvent } from '../broker/types.ts';
import { produceValues } from './produce-run.ts';
import { PRODUCER_INPUT } from './console-options.ts';

/** What a predict-then-run scenario reveals: which option the run proved right, and the evidence. */
export interface PredictOutcome {
  /** Index of the option (in the MDX `options` order) that matches what happened. */
  optionIndex: number;
  explanation: string;
  /** What the learner would see in a terminal. */
  output: string[];
  /** The run's cluster trace, for the sequence diagram of the answer. */
  trace: readonly TraceEvent[];
}

/**
 * Lesson 03: five messages with acks=1, one request per line (--sync); the leader crashes right after acknowledging message3,
 * before replication. Options: 0 all five, 1 message3 lost, 2 message3 twice — chosen by the run.
 */
async function acks1LeaderCrash(): Promise<PredictOutcome> {
  const cluster = createCluster({ seed: 11, faults: [{ fault: 'crash-leader-before-replication', on: { topic: 'example-topic', value: 'message3' } }] });
  cluster.createTopic({ topic: 'example-topic', replicationFactor: 3, minInsyncReplicas: 2 });
  const sends = await produceValues(cluster, { clientId: 'console-producer', topic: 'example-topic', acks: 1, retries: 3, idempotent: false }, PRODUCER_INPUT);
  const values = cluster.readTopic('example-topic', { isolation: 'read_uncommitted' }).map((r) => r.value ?? 'null');
  const copies = values.filter((v) => v === 'message3').length;
  const optionIndex = copies === 0 ? 1 : copies > 1 ? 2 : 0;
  const acked = sends.find((s) => s.value === 'message3')?.acknowledged ?? false;
  const explanation =
    optionIndex === 1
      ? `message3 was ${acked ? 'acknowledged' : 'sent'}, yet it is gone: the leader crashed before a follower copied it, a follower took over without it, and the producer had no reason to resend.`
      : optionIndex === 2 ? 'message3 was resent and stored twice.' : 'message3 survived the crash.';
  const output = [
    '$ kafka-console-consumer --bootstrap-server localhost:9092 --topic example-topic --from-beginning --max-messages 5',
    ...values.slice(0, 5),
    `Processed a total of ${Math.min(5, values.length)} messages`,
    ...cluster.faultsHit().map((hit) => `(simulated fault at t=${hit.t} ms: ${hit.detail})`),
  ];
  return { optionIndex, explanation, output, trace: cluster.trace };
}

const SCENARIOS: Record<string, () => Promise<PredictOutcome>> = {
  'acks1-leader-crash': acks1LeaderCrash,
};

/** The scenario ids a `<PredictThenRun id>` may use. */
export const PREDICT_SCENARIO_IDS = Object.keys(SCENARIOS);

/** Runs the named scenario on a fresh simulated cluster. */
export async function runPredictScenario(id: string): Promise<PredictOutcome> {
  const scenario = SCENARIOS[id];
  if (!scenario) throw new Error(`unknown predict-then-run scenario "${id}" (known: ${PREDICT_SCENARIO_IDS.join(', ')})`);
  return scenario();
}
