import type { StepRow } from './step-through.ts';

/**
 * Lesson 02's process table (seed 001), one message under each guarantee when a fault hits it.
 * The outcomes are claims about Kafka; test/unit/lessons-runtime/cluster-backed.test.ts checks
 * each against a run of the simulated cluster, so the table cannot drift from what the cluster does.
 */
export const visualBreakdown: {
  caption: string;
  columns: string[];
  steps: StepRow[];
  variables: string[];
  start: Record<string, string>;
  source: string;
} = {
  caption: 'One message under each delivery guarantee',
  columns: ['Guarantee', 'What the producer does', 'Message outcome', 'Effect on correctness'],
  variables: ['message_status', 'retry_attempts'],
  start: { message_status: 'not_sent', retry_attempts: '0' },
  steps: [
    {
      cells: ['at-most-once (acks=0)', 'Sends once, never retries', 'Lost if the request is dropped', 'A lost order is never processed'],
      vars: { message_status: 'sent_once_or_lost', retry_attempts: '0' },
    },
    {
      cells: ['at-least-once (acks=all, retries, not idempotent)', 'Resends until acknowledged', 'Stored twice if an ack is lost', 'An order may be billed twice'],
      vars: { message_status: 'sent_with_possible_duplicates', retry_attempts: '≥ 1' },
    },
    {
      cells: ['exactly-once (idempotent + transaction)', 'Resends; the broker drops the copy; commits', 'Committed once', 'Correct for everything inside Kafka'],
      vars: { message_status: 'committed_once', retry_attempts: '≥ 0' },
    },
    {
      cells: ['—', 'The application consumes the topic', 'What the guarantee left in the log', 'Correctness depends on the guarantee'],
      vars: { message_status: 'final_state_depends_on_guarantee', retry_attempts: 'depends_on_guarantee' },
    },
  ],
  source: 'Each outcome is checked against the simulated cluster in the course’s unit tests.',
};

/**
 * What rows 1–3 claim, as runs of the simulator that the unit tests perform: the fault hits order3,
 * and `fate` is what must happen to it; `retries` is whether the trace must show a retry.
 */
export const visualBreakdownClaims: readonly {
  row: number;
  settings: import('./simulator-options.ts').SimulatorSettings;
  transactional?: boolean;
  fate: import('./delivery-totals.ts').RecordFate;
  retries: 'none' | 'some' | 'any';
}[] = [
  { row: 1, settings: { acks: 0, retries: 0, idempotent: false, fault: 'lose-request' }, fate: 'lost', retries: 'none' },
  { row: 2, settings: { acks: -1, retries: 5, idempotent: false, fault: 'lose-ack' }, fate: 'duplicated', retries: 'some' },
  { row: 3, settings: { acks: -1, retries: 5, idempotent: true, fault: 'lose-ack' }, transactional: true, fate: 'stored once', retries: 'any' },
];
