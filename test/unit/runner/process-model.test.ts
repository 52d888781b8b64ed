/**
 * A crash kills a process, not a consumer: each run of the learner's program is a fresh evaluation of
 * its module, and nothing of a dead process — module state, timers, pending calls — runs again. Driven
 * through the Node engine (QuickJS), as `grade --engine node` runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../../src/grading/load-exercises.ts';
import type { SandboxEngine } from '../../../src/runner/engine.ts';
import { createNodeEngine } from '../../../src/runner/node-engine.ts';
import type { RunObservation, SandboxRun } from '../../../src/shared/sandbox-protocol.ts';

const consumer = await loadExercise('orders-consumer');
if (consumer === undefined) throw new Error('orders-consumer is missing');

let engine: SandboxEngine;
beforeAll(async () => {
  // Generous: these tests are about what runs, not about how fast.
  engine = await createNodeEngine({ timeLimitMs: 20_000 });
});
afterAll(() => engine.close());

const CRASH_AFTER_FIRST_CHARGE: SandboxRun = { scenario: 'crash after call 1', family: 'crash at any call', seed: 42, guarantee: 'at-least-once', orders: ['o-1', 'o-2', 'o-3'], faults: [{ fault: 'crash-process', call: 1, when: 'after' }] };

async function observe(source: string, run: SandboxRun = CRASH_AFTER_FIRST_CHARGE): Promise<RunObservation> {
  const compiled = await engine.compile(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const result = await engine.run({ code: compiled.code, map: compiled.map, driver: 'consumer', runs: [run] });
  const observation = result.runs[0];
  if (observation === undefined) throw new Error(result.sandboxError ?? 'no observation');
  return observation;
}

const program = (body: string): string => `import type { Kafka } from 'kafkajs';
type Billing = { charge(id: string): Promise<void> };
${body}
export async function consumeOrders(kafka: Kafka, billing: Billing) {
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
  await consumer.run({ autoCommit: false, eachMessage: async ({ topic, partition, message }) => {
    await billing.charge(String(message.value));
    await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
  } });
}`;

describe('the process model', () => {
  it('evaluates the module afresh in each process: module-level state starts over after a crash', async () => {
    const observation = await observe(program(`let evaluations = 0;\nevaluations++;\nconsole.log('module evaluated, count', evaluations);`));
    expect(observation.faultsHit.map((hit) => (hit as { fault: string }).fault)).toEqual(['crash-process']);
    expect(observation.console).toEqual(['module evaluated, count 1', 'module evaluated, count 1']);
  });

  it('stops a dead process for good: its interval never fires after the crash', async () => {
    const observation = await observe(program(`const me = Math.random().toString(36).slice(2, 8);\nsetInterval(() => console.log(me, Date.now()), 1);`));
    const crashedAt = (observation.trace as { kind: string; t: number }[]).find((event) => event.kind === 'crash')?.t ?? Number.NaN;
    // Lines "<process> <time>"; the console's own note that it was capped is not a tick.
    const ticks = observation.console.filter((line) => /^\w+ \d+$/.test(line)).map((line) => line.split(' ')).map(([who, at]) => ({ who, at: Number(at) - 1_767_225_600_000 }));
    const beforeCrash = new Set(ticks.filter((tick) => tick.at <= crashedAt).map((tick) => tick.who));
    const afterCrash = new Set(ticks.filter((tick) => tick.at > crashedAt).map((tick) => tick.who));
    // The first process ticked while it lived; after the crash only its replacement ticks.
    expect(beforeCrash.size).toBe(1);
    expect(afterCrash.size).toBe(1);
    expect([...afterCrash].some((who) => beforeCrash.has(who))).toBe(false);
  });

  it('gives the same observation, trace included, for the same code and seed', async () => {
    const source = program('');
    expect(await observe(source)).toEqual(await observe(source));
  });
});
