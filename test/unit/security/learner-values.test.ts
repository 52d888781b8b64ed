/**
 * Values learner code hands the facade must reach the cluster as the cluster's own primitives: a
 * partition given as the string "0", a list that is an Array subclass with lying methods, an error
 * whose name is an object. Each submission below gives only at-least-once, and used to slip past the
 * planned consumer crash (or, for the error, to break the whole Check); each must now fail exactly-once
 * in the crash-before-commit scenario, with no sandbox error.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxEngine } from '../../../src/runner/engine.ts';
import { createNodeEngine } from '../../../src/runner/node-engine.ts';
import type { GradeReport } from '../../../src/schemas/grade-report.ts';
import { type ExerciseId, expectNoPass, grade } from './attack-kit.ts';

// None of these programs loops: a generous time limit keeps a busy machine from turning a verdict
// into a timeout, which would fail the run for the wrong reason.
let sandbox: SandboxEngine | undefined;
beforeAll(async () => {
  sandbox = await createNodeEngine({ timeLimitMs: 20_000 });
});
afterAll(() => sandbox?.close());
const engine = (): SandboxEngine => sandbox as SandboxEngine;

/** The commit line of the known-wrong at-least-once programs. */
const COMMIT = 'await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);';

/** A list class whose `some`/`find` say "nothing here" and whose `map` keeps the class. */
const LYING_LIST = `
class LyingList<T> extends Array<T> {
  static get [Symbol.species]() { return LyingList; }
  some(): boolean { return false; }
  find(): undefined { return undefined; }
  filter(): T[] { return new LyingList<T>(); }
}
`;

const disguises: [string, string, string][] = [
  ['the partition as the string "0"', '', 'await consumer.commitOffsets([{ topic, partition: String(partition) as any, offset: String(Number(message.offset) + 1) }]);'],
  ['an Array subclass with lying methods', LYING_LIST, 'await consumer.commitOffsets(LyingList.from([{ topic, partition, offset: String(Number(message.offset) + 1) }]));'],
  [
    'a partition behind a getter that answers differently on each read',
    'let reads = 0;\n',
    'await consumer.commitOffsets([{ topic, get partition() { return reads++ % 2 === 0 ? String(partition) as any : 99; }, offset: String(Number(message.offset) + 1) }]);',
  ],
];

async function disguised(id: ExerciseId, wrongFile: string, prelude: string, commit: string): Promise<string> {
  const source = await readFile(new URL(`../../../exercises/${id}/wrong/${wrongFile}`, import.meta.url), 'utf8');
  expect(source).toContain(COMMIT);
  return `${prelude}${source.replace(COMMIT, commit)}`;
}

function crashBeforeCommitRun(report: GradeReport) {
  const exactlyOnce = report.guarantees.find((g) => g.guarantee === 'exactly-once');
  return exactlyOnce?.runs.find((run) => run.scenario.includes('crash before commit'));
}

describe.each<[ExerciseId, string]>([
  ['orders-consumer', 'process-then-commit-without-key.ts'],
  ['orders-transactions', 'commit-offsets-outside-transaction.ts'],
])('%s: at-least-once code committing through a disguise', (id, wrongFile) => {
  it.each(disguises)('still fails exactly-once with %s', async (_what, prelude, commit) => {
    const report = await grade(engine(), id, await disguised(id, wrongFile, prelude, commit));
    expectNoPass(report);
    const run = crashBeforeCommitRun(report);
    expect(run).toBeDefined();
    expect(run?.passed).toBe(false);
    // Failed because the planned crash struck and the order came back, not for any other reason.
    expect(run?.message).toMatch(/duplicated \(2 copies\).*after the consumer crashed before committing/);
    expect(report.error).toBeNull();
  });
});

describe('orders-consumer: a thrown error with an object for its name', () => {
  it('is a runtime failure of the handler, not a sandbox failure of the whole Check', async () => {
    const source = `
import type { Kafka } from 'kafkajs';
export async function consumeOrders(kafka: Kafka, billing: any, _guarantee: string): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      await billing.charge(message.value?.toString() ?? '');
      const error = new Error('x');
      Object.defineProperty(error, 'name', { value: { nested: () => 1 } });
      Object.defineProperty(error, 'message', { value: Symbol('hidden') });
      throw error;
    },
  });
}
`;
    const report = await grade(engine(), 'orders-consumer', source);
    expectNoPass(report);
    const kinds = report.guarantees.flatMap((g) => g.runs.map((run) => run.error?.kind));
    expect(kinds).not.toContain('sandbox');
    expect(report.error).toBeNull();
  });
});
