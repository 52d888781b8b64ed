/**
 * What usually fixes a failure, by the fault that explains it and the guarantee it broke. The fault
 * is recognised by the grader's own words for it (FAULT_PHRASES, the registry the diagnoses are
 * written from), so this table follows the grader instead of guessing at its sentences.
 */
import { FAULT_PHRASES } from '../../grading/diagnose.ts';

type GuaranteeFixes = Partial<Record<'at-most-once' | 'at-least-once' | 'exactly-once', string>>;

const ACKS_ALL = 'wait for every in-sync replica: acks: -1 (all), so an acknowledged order survives the leader';
const ONE_SEND = 'send each order once: retries: 0, so a lost ack is never answered by a second copy';
const IDEMPOTENT = 'turn on the idempotent producer (idempotent: true): the broker drops a retried copy';

const FIXES: Record<string, GuaranteeFixes> = {
  'lose-request': { 'at-least-once': 'keep retrying until the send is acknowledged', 'exactly-once': 'keep retrying, with the idempotent producer' },
  'lose-ack': { 'at-most-once': ONE_SEND, 'exactly-once': IDEMPOTENT },
  'request-timeout': { 'at-most-once': ONE_SEND, 'exactly-once': IDEMPOTENT, 'at-least-once': 'keep retrying until the send is acknowledged' },
  'crash-leader-before-replication': { 'at-least-once': ACKS_ALL, 'exactly-once': ACKS_ALL },
  'restart-broker': { 'at-least-once': ACKS_ALL, 'exactly-once': ACKS_ALL },
  'shrink-isr': { 'at-least-once': ACKS_ALL, 'exactly-once': ACKS_ALL },
  'crash-consumer-before-commit': {
    'at-most-once': 'commit the offset before you charge the order',
    'exactly-once': 'make a redelivered order harmless: charge it with its order id as the key, or store the offset with the charge',
  },
  'crash-consumer-after-commit': { 'at-least-once': 'commit the offset only after the charge has succeeded', 'exactly-once': 'commit the offset only after the charge has succeeded' },
  'zombie-producer': { 'exactly-once': 'stop when the producer is fenced: a fenced producer must not send again' },
};

/** The fix for a diagnosis under `guarantee`, or undefined when none is known. */
export function fixFor(diagnosis: string, guarantee: string): string | undefined {
  const fault = Object.keys(FAULT_PHRASES).find((kind) => diagnosis.includes(FAULT_PHRASES[kind] ?? '\u0000'));
  return fault === undefined ? undefined : FIXES[fault]?.[guarantee as keyof GuaranteeFixes];
}
