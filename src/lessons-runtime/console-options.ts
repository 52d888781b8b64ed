/**
 * What lesson 03's console offers: the fault switch and the commands the lesson teaches.
 * Kept apart from the session so the page can render them without loading the cluster.
 */

/** A fault the student can arm for the next `message3`; ids are the broker's fault names. */
export interface ConsoleFault {
  id: 'none' | 'lose-request' | 'lose-ack' | 'crash-leader-before-replication';
  label: string;
}

export const CONSOLE_FAULTS: readonly ConsoleFault[] = [
  { id: 'none', label: 'No fault' },
  { id: 'lose-request', label: 'Drop the request' },
  { id: 'lose-ack', label: 'Lose the acknowledgement' },
  { id: 'crash-leader-before-replication', label: 'Leader crashes before replication' },
];

const base = '--bootstrap-server localhost:9092 --topic example-topic';

/** The command lines of the lesson, in the order it teaches them. */
export const LESSON_COMMANDS: readonly { label: string; line: string }[] = [
  { label: 'producer acks=0', line: `kafka-console-producer ${base} --sync --producer-property acks=0` },
  { label: 'producer acks=1', line: `kafka-console-producer ${base} --sync --producer-property acks=1` },
  { label: 'producer acks=all', line: `kafka-console-producer ${base} --sync --producer-property acks=all` },
  { label: 'consumer --from-beginning', line: `kafka-console-consumer ${base} --from-beginning --max-messages 5` },
  { label: 'old --broker-list', line: 'kafka-console-producer --broker-list localhost:9092 --topic example-topic' },
];

/** The lines the console producer reads from its input. */
export const PRODUCER_INPUT: readonly string[] = ['message1', 'message2', 'message3', 'message4', 'message5'];
