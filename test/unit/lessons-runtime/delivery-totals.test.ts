import { describe, expect, test } from 'vitest';
import { judgeRecords, totalsOf } from '../../../src/lessons-runtime/delivery-totals.ts';

const sends = (acked: boolean[]) => acked.map((acknowledged, i) => ({ value: `order${i + 1}`, acknowledged }));

describe('judging a produce run', () => {
  test('a silent loss (acks=0, request dropped) counts as lost, not acknowledged', () => {
    const outcomes = judgeRecords(sends([true, true, false]), ['order1', 'order2']);
    expect(outcomes.map((o) => o.fate)).toEqual(['stored once', 'stored once', 'lost']);
    expect(totalsOf(outcomes)).toEqual({ sent: 3, acknowledged: 2, stored: 2, lost: 1, duplicated: 0 });
  });

  test('an acknowledged record missing from the log is "lost after ack"', () => {
    const outcomes = judgeRecords(sends([true, true]), ['order1']);
    expect(outcomes[1]?.fate).toBe('lost after ack');
    expect(totalsOf(outcomes).lost).toBe(1);
  });

  test('two copies of one record are one duplicated record and two stored', () => {
    const outcomes = judgeRecords(sends([true, true]), ['order1', 'order2', 'order2']);
    expect(outcomes[1]).toMatchObject({ fate: 'duplicated', copies: 2 });
    expect(totalsOf(outcomes)).toEqual({ sent: 2, acknowledged: 2, stored: 3, lost: 0, duplicated: 1 });
  });

  test('a send that failed with an error is refused, not silently lost', () => {
    const outcomes = judgeRecords([{ value: 'order1', acknowledged: false, error: 'KafkaJSNonRetriableError' }], []);
    expect(outcomes[0]).toMatchObject({ fate: 'refused', error: 'KafkaJSNonRetriableError' });
    expect(totalsOf(outcomes).lost).toBe(0);
  });
});
