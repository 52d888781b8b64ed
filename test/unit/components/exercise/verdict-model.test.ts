import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../../../src/schemas/grade-report.ts';
import { diagnosisKey, verdictModel } from '../../../../src/components/exercise/verdict-model.ts';

const run = (scenario: string, passed: boolean, message: string, processed: string[] | null = ['order-a']) =>
  ({ scenario, seed: 1, processed_orders: processed, passed, message });

const report = (guarantees: GradeReport['guarantees']): GradeReport => ({ exercise: 'x', file: 'main.ts', passed: guarantees.every((g) => g.passed), error: null, steps: [], guarantees });

describe('verdictModel', () => {
  const acksOne = report([
    { guarantee: 'at-most-once', passed: false, runs: [run('no fault', true, 'at-most-once: ok'), run('lost ack', false, 'at-most-once: order-9 duplicated (2 copies) after the producer retried it when the ack was lost at t=4 ms', ['order-9', 'order-9'])] },
    { guarantee: 'at-least-once', passed: false, runs: [run('no fault', true, 'at-least-once: ok'), run('leader crash', false, 'at-least-once: order-3 lost when the leader crashed before the followers copied it at t=3 ms')] },
    { guarantee: 'exactly-once', passed: false, runs: [run('no fault', true, 'exactly-once: ok'), run('leader crash', false, 'exactly-once: order-7 lost when the leader crashed before the followers copied it at t=3 ms')] },
  ]);

  it('says what holds, and picks the cause most cells share, with its fix', () => {
    const model = verdictModel(acksOne);
    expect(model.guaranteesSentence).toBe('Your code guarantees none of the 3 guarantees yet.');
    expect(model.first?.cells.map((c) => c.guarantee)).toEqual(['at-least-once', 'exactly-once']);
    expect(model.first?.fix).toContain('acks: -1');
  });

  it('has one row per scenario, one cell per guarantee', () => {
    const model = verdictModel(acksOne);
    expect(model.rows.map((r) => r.scenario)).toEqual(['no fault', 'lost ack', 'leader crash']);
    expect(model.rows[1]?.cells.map((c) => c?.passed)).toEqual([false, undefined, undefined]);
    expect(model.rows[0]?.passed).toBe(true);
  });

  it('lists a repeated diagnosis once, whatever order ids and times it names', () => {
    const message = (g: string, id: string) => `${g}: the re-run could not set delivery_guarantee for ${id}`;
    const model = verdictModel(report(['at-most-once', 'at-least-once', 'exactly-once'].map((g) => ({
      guarantee: g as 'at-most-once', passed: false, runs: [run('a', false, message(g, 'order-1')), run('b', false, message(g, 'order-2'))],
    }))));
    expect(model.diagnoses).toHaveLength(1);
    expect(model.diagnoses[0]?.cells).toHaveLength(6);
    expect(model.diagnoses[0]?.text).not.toMatch(/^at-most-once/);
  });

  it('folds several runs of one scenario into one cell with a tally, schedules included', () => {
    const model = verdictModel(report([{ guarantee: 'at-least-once', passed: false, runs: [
      { ...run('crash after call', true, 'ok'), schedules: { explored: 4, failed: 0 } },
      { ...run('crash after call', false, 'at-least-once: order-1 lost'), schedules: { explored: 5, failed: 2 } },
    ] as never }]));
    expect(model.rows).toHaveLength(1);
    expect(model.rows[0]?.cells[0]).toMatchObject({ passed: false, tally: '2/9' });
  });

  it('recognises repeats by their text with particulars removed', () => {
    expect(diagnosisKey('order-3f1 lost at t=12 ms')).toBe(diagnosisKey('order-9a0 lost at t=4 ms'));
  });
});
