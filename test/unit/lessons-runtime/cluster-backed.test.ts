import { describe, expect, test } from 'vitest';
import { createCluster } from '../../../src/broker/index.ts';
import { ConsoleSession } from '../../../src/lessons-runtime/console-session.ts';
import { simulateDelivery } from '../../../src/lessons-runtime/delivery-simulation.ts';
import { SIMULATOR_PRESETS } from '../../../src/lessons-runtime/simulator-options.ts';
import { judgeRecords } from '../../../src/lessons-runtime/delivery-totals.ts';
import { produceValues } from '../../../src/lessons-runtime/produce-run.ts';
import { visualBreakdown, visualBreakdownClaims } from '../../../src/lessons-runtime/visual-breakdown.ts';
import { runAtLeastOnce } from '../../../src/lessons-runtime/at-least-once-run.ts';
import { atLeastOnceTable } from '../../../src/lessons-runtime/at-least-once-steps.ts';
import { trackerTimeline } from '../../../src/lessons-runtime/step-through.ts';
import { idempotenceSteps, idempotenceTimeline } from '../../../src/lessons-runtime/idempotence-run.ts';
import { runPredictScenario } from '../../../src/lessons-runtime/predict-scenarios.ts';

// --sync: one request per line, as the lesson teaches the duplicate quiz; batching is tested apart below.
const producer = 'kafka-console-producer --bootstrap-server localhost:9092 --topic example-topic --sync --producer-property';
const consumer = 'kafka-console-consumer --bootstrap-server localhost:9092 --topic example-topic --from-beginning --max-messages 5';
const printed = async (session: ConsoleSession, line: string) => (await session.run(line)).filter((l) => l.stream === 'stdout').map((l) => l.text);

describe('lesson 03 console, against the simulated cluster', () => {
  test('every producer command runs silently and the consumer prints the expected output', async () => {
    for (const acks of ['0', '1', 'all']) {
      const session = new ConsoleSession('none');
      const produced = await session.run(`${producer} acks=${acks}`);
      expect(produced.filter((l) => l.stream === 'stdout' || l.stream === 'stderr')).toEqual([]);
      const read = await session.run(consumer);
      expect(read.filter((l) => l.stream !== 'echo').map((l) => l.text)).toEqual(['message1', 'message2', 'message3', 'message4', 'message5', 'Processed a total of 5 messages']);
    }
  });

  test('acks=0 loses the dropped message3; acks=1 duplicates it after a lost ack; acks=all does not', async () => {
    let session = new ConsoleSession('lose-request');
    await session.run(`${producer} acks=0`);
    expect(await printed(session, consumer)).toEqual(['message1', 'message2', 'message4', 'message5']);
    session = new ConsoleSession('lose-ack');
    await session.run(`${producer} acks=1`);
    expect(await printed(session, consumer)).toEqual(['message1', 'message2', 'message3', 'message3', 'message4']);
    session = new ConsoleSession('lose-ack');
    await session.run(`${producer} acks=all`);
    expect(await printed(session, consumer)).toEqual(['message1', 'message2', 'message3', 'message4', 'message5']);
  });

  test('acks=1 loses an acknowledged message when the leader crashes before replication; acks=all keeps it', async () => {
    let session = new ConsoleSession('crash-leader-before-replication');
    await session.run(`${producer} acks=1`);
    expect(await printed(session, consumer)).toEqual(['message1', 'message2', 'message4', 'message5']);
    session = new ConsoleSession('crash-leader-before-replication');
    await session.run(`${producer} acks=all`);
    expect(await printed(session, consumer)).toEqual(['message1', 'message2', 'message3', 'message4', 'message5']);
  });

  test('the predict-then-run scenario proves option 1 (message3 lost)', async () => {
    const outcome = await runPredictScenario('acks1-leader-crash');
    expect(outcome.optionIndex).toBe(1);
    expect(outcome.output).toContain('Processed a total of 4 messages');
    await expect(runPredictScenario('nope')).rejects.toThrow('unknown predict-then-run scenario');
  });
});

describe('lesson 03 console producer: batched by default, one request per line with --sync', () => {
  const base = 'kafka-console-producer --bootstrap-server localhost:9092 --topic example-topic';
  const readAll = 'kafka-console-consumer --bootstrap-server localhost:9092 --topic example-topic --from-beginning';
  const m = (...n: number[]) => n.map((i) => `message${i}`);
  // [fault, acks, mode, everything the topic holds afterwards]
  const table: [string, string, '--sync' | '' | '--timeout 0', string[]][] = [
    ['lose-ack', '1', '--sync', m(1, 2, 3, 3, 4, 5)],
    ['lose-ack', '1', '', m(1, 2, 3, 4, 5, 1, 2, 3, 4, 5)],
    ['lose-ack', '1', '--timeout 0', m(1, 2, 3, 4, 5, 3)],
    ['lose-request', '1', '--sync', m(1, 2, 3, 4, 5)],
    ['lose-request', '1', '', m(1, 2, 3, 4, 5)],
    ['lose-request', '1', '--timeout 0', m(1, 2, 4, 5, 3)],
    ['lose-ack', 'all', '--sync', m(1, 2, 3, 4, 5)],
    ['lose-ack', 'all', '', m(1, 2, 3, 4, 5)],
    ['lose-ack', 'all', '--timeout 0', m(1, 2, 3, 4, 5)],
    ['lose-request', '0', '--sync', m(1, 2, 4, 5)],
    ['lose-request', '0', '', []],
  ];
  for (const [fault, acks, mode, expected] of table) {
    test(`${fault}, acks=${acks} ${mode || '(batched, linger 1000 ms)'}: ${expected.join(' ') || 'nothing'}`, async () => {
      const session = new ConsoleSession(fault);
      const produced = await session.run(`${base} ${mode} --producer-property acks=${acks}`);
      expect(produced.filter((l) => l.stream === 'stderr')).toEqual([]);
      expect(await printed(session, readAll)).toEqual(expected);
    });
  }

  test('the producer says how it grouped the lines', async () => {
    const note = async (mode: string) => (await new ConsoleSession('none').run(`${base} ${mode}`)).filter((l) => l.stream === 'note').map((l) => l.text)[0];
    expect(await note('')).toMatch(/one batch in one request .*add --sync/);
    expect(await note('--timeout 250')).toMatch(/within the 250 ms linger/);
    expect(await note('--sync')).toMatch(/each of the 5 lines went in its own request/);
    expect(await note('--timeout 0')).toMatch(/up to 5 in flight/);
  });
});

describe('lesson 05 simulator', () => {
  test('acks=0 with a dropped request loses order3 silently', async () => {
    const run = await simulateDelivery({ acks: 0, retries: 5, idempotent: false, fault: 'lose-request' });
    expect(run.totals).toEqual({ sent: 5, acknowledged: 0, stored: 4, lost: 1, duplicated: 0 });
    expect(run.records.find((r) => r.value === 'order3')?.fate).toBe('lost');
  });

  test('retries without idempotence duplicate after a lost ack; with idempotence the broker dedupes', async () => {
    const plain = await simulateDelivery({ acks: -1, retries: 5, idempotent: false, fault: 'lose-ack' });
    expect(plain.totals).toMatchObject({ stored: 6, duplicated: 1, lost: 0 });
    expect(plain.records.find((r) => r.value === 'order3')?.events.some((e) => e.text.startsWith('retry'))).toBe(true);
    const idempotent = await simulateDelivery({ acks: -1, retries: 5, idempotent: true, fault: 'lose-ack' });
    expect(idempotent.totals).toMatchObject({ stored: 5, duplicated: 0, lost: 0 });
    expect(idempotent.records.find((r) => r.value === 'order3')?.events.some((e) => e.text.startsWith('dedupe'))).toBe(true);
  });

  test('an idempotent producer with acks=1 is refused, as KafkaJS refuses it', async () => {
    const run = await simulateDelivery({ acks: 1, retries: 5, idempotent: true, fault: 'none' });
    expect(run.records.every((r) => r.fate === 'refused')).toBe(true);
    expect(run.summary).toContain('acks');
  });

  test('the same settings give the same timeline (deterministic)', async () => {
    const settings = { acks: 1, retries: 5, idempotent: false, fault: 'crash-leader-before-replication' } as const;
    expect(await simulateDelivery(settings)).toEqual(await simulateDelivery(settings));
  });

  test('the idempotence timeline shows the retried batch answered without a second append', async () => {
    const { rows, stored } = await idempotenceTimeline();
    expect(stored).toEqual(['order1', 'order2', 'order3']);
    const kinds = rows.filter((r) => r.value === 'order2').map((r) => r.kind);
    expect(kinds).toContain('retry');
    expect(kinds).toContain('dedupe');
    expect(kinds.filter((k) => k === 'append')).toHaveLength(1);
  });

  test('the idempotence step-through: the retry keeps producer id and sequence, and the log does not grow', async () => {
    const { rows } = await idempotenceTimeline();
    const table = idempotenceSteps(rows);
    const timeline = trackerTimeline(table.variables, table.start, table.steps);
    const first = rows.findIndex((r) => r.value === 'order2' && r.kind === 'send');
    const retry = rows.findIndex((r) => r.kind === 'retry');
    const dedupe = rows.findIndex((r) => r.kind === 'dedupe');
    expect(rows[retry]).toMatchObject({ producerId: rows[first]?.producerId, sequence: rows[first]?.sequence });
    expect(rows[dedupe]?.offset).toBe(rows.find((r) => r.kind === 'append' && r.value === 'order2')?.offset);
    // Tracker index i + 1 is "after row i": the dedupe leaves the log as it was before the retry.
    expect(timeline[dedupe + 1]?.['log']).toBe(timeline[retry]?.['log']);
    expect(timeline.at(-1)?.['log']).toBe('order1@0, order2@1, order3@2');
  });
});

describe('lesson 02 table, checked against the cluster', () => {
  for (const claim of visualBreakdownClaims) {
    test(`row ${claim.row}: ${visualBreakdown.steps[claim.row - 1]?.cells[2]}`, async () => {
      const cluster = createCluster({ seed: 21, faults: [{ fault: claim.settings.fault as 'lose-ack', on: { topic: 'orders', value: 'order3' } }] });
      cluster.createTopic({ topic: 'orders', replicationFactor: 3, minInsyncReplicas: 2 });
      const sends = await produceValues(
        cluster,
        { clientId: 'claims', topic: 'orders', ...claim.settings, ...(claim.transactional ? { transactionalId: 'claims-tx' } : {}) },
        ['order1', 'order2', 'order3'],
      );
      const isolation = claim.transactional ? 'read_committed' : 'read_uncommitted';
      const outcomes = judgeRecords(sends, cluster.readTopic('orders', { isolation }).map((r) => r.value));
      expect(outcomes.find((o) => o.value === 'order3')?.fate).toBe(claim.fate);
      const retried = cluster.trace.some((e) => e.kind === 'retry');
      if (claim.retries === 'none') expect(retried).toBe(false);
      if (claim.retries === 'some') expect(retried).toBe(true);
    });
  }
});

describe('lesson 04 step-through, from a run with a consumer crash before commit', () => {
  test('eight steps like the seed: order1 processed twice, the crash at step 4 commits nothing, the last step commits 1', async () => {
    const { moments, processed } = await runAtLeastOnce();
    expect(processed).toEqual(['order1', 'order1']);
    const table = atLeastOnceTable(moments);
    expect(table.steps).toHaveLength(8);
    const actions = table.steps.map((s) => s.cells[1]);
    expect(actions).toEqual([
      'Producer sends order1',
      'Consumer 1 fetches order1',
      'Consumer 1 processes order1',
      'Consumer 1 crashes before committing',
      'Consumer 2 starts and joins the group',
      'Consumer 2 fetches order1 again',
      'Consumer 2 processes order1 again',
      'Consumer 2 commits offset 1',
    ]);
    const timeline = trackerTimeline(table.variables, table.start, table.steps);
    // The lesson's quiz reads these cells: nothing committed until the last step.
    expect(timeline.slice(0, 8).map((v) => v['offset_committed'])).toEqual(Array(8).fill('none'));
    expect(timeline[8]).toEqual({ message_state: 'done', offset_committed: '1 (offsets below 1 done)' });
    expect(timeline[6]?.['message_state']).toBe('fetched again');
    // Times come from the virtual clock and never run backwards.
    const times = table.steps.map((s) => Number(/t=(\d+)/.exec(s.cells[0] ?? '')?.[1]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('lesson 05 simulator presets, checked against the cluster', () => {
  for (const preset of [...SIMULATOR_PRESETS.guarantees, ...SIMULATOR_PRESETS.acks]) {
    test(`${preset.label}: order3 is ${preset.expect}, and nothing else goes wrong`, async () => {
      const run = await simulateDelivery(preset.settings);
      expect(run.records.find((r) => r.value === 'order3')?.fate).toBe(preset.expect);
      expect(run.records.filter((r) => r.value !== 'order3').every((r) => r.fate === 'stored once')).toBe(true);
    });
  }
});

describe('quiz answers that quote a step-through agree with its data', () => {
  test('lesson 02, question 3: message_status after step 1 and after step 3', async () => {
    const { readFile } = await import('node:fs/promises');
    const mdx = await readFile(new URL('../../../content/lessons/02-visual-breakdown.mdx', import.meta.url), 'utf8');
    const timeline = trackerTimeline(visualBreakdown.variables, visualBreakdown.start, visualBreakdown.steps);
    const answer = `text: From ${timeline[1]?.['message_status']} to ${timeline[3]?.['message_status']}\n            correct: true`;
    expect(mdx).toContain(answer);
    expect(mdx).toContain(`text: At least 1\n            correct: true`);
    expect(timeline[2]?.['retry_attempts']).toBe('≥ 1');
  });
});
