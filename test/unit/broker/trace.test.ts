/** The trace is one union: readers trust `readTrace`'s events and branch on structured fields, never on prose. */
import { describe, expect, it } from 'vitest';
import { createCluster, readTrace, TRACE_KINDS } from '../../../src/broker/index.ts';
import { leftBeforeDelivery, offsetsCommittedInTransaction } from '../../../src/grading/consumer-history.ts';
import { produceValues } from '../../../src/lessons-runtime/produce-run.ts';
import { runAtLeastOnce } from '../../../src/lessons-runtime/at-least-once-run.ts';

describe('readTrace', () => {
  it('keeps well-formed events and drops a malformed one or an unknown kind', () => {
    const good = { t: 1, kind: 'deliver', clientId: 'c', groupId: 'g', topic: 'orders', partition: 0, offset: 2, value: 'o1' };
    const wrongType = { t: 2, kind: 'deliver', clientId: 'c', groupId: 'g', topic: 'orders', partition: '0', offset: 2, value: 'o1' };
    expect(readTrace([good, wrongType, { t: 3, kind: 'teleport' }, 'odd', null])).toEqual([good]);
  });

  it('every event a run emits survives JSON and readTrace, and its kind is one the union declares', async () => {
    const cluster = createCluster({ seed: 5, faults: [{ fault: 'lose-ack', on: { topic: 'orders', value: 'order2' } }] });
    cluster.createTopic({ topic: 'orders', replicationFactor: 3, minInsyncReplicas: 2 });
    await produceValues(cluster, { clientId: 'shop', topic: 'orders', acks: -1, retries: 5, idempotent: true }, ['order1', 'order2']);
    const { trace: consumed } = await runAtLeastOnce();
    for (const events of [cluster.trace, consumed]) {
      const sent = JSON.parse(JSON.stringify(events)) as unknown[];
      expect(sent.length).toBeGreaterThan(5);
      expect(readTrace(sent)).toHaveLength(sent.length);
      expect(events.every((e) => (TRACE_KINDS as readonly string[]).includes(e.kind))).toBe(true);
    }
  });
});

describe('grading reads structure, not prose', () => {
  it("a commit counts as transactional by its 'via', whatever its detail says", () => {
    const commit = { t: 1, kind: 'commit', groupId: 'g', topic: 'orders', partition: 0, offset: 1 };
    expect(offsetsCommittedInTransaction([{ ...commit, via: 'transaction', transactionalId: 'tx', detail: 'anything' }])).toBe(true);
    expect(offsetsCommittedInTransaction([{ ...commit, via: 'consumer', clientId: 'c', detail: 'transaction tx' }])).toBe(false);
  });

  it("a member left by a stop by its rebalance 'reason', not by the words of its detail", () => {
    const rebalance = { t: 1, kind: 'rebalance', groupId: 'g', generation: 2, member: 'm-1', change: 'left' };
    expect(leftBeforeDelivery([{ ...rebalance, reason: 'stopped', detail: '' }])).toEqual({ t: 1, how: 'stopped' });
    expect(leftBeforeDelivery([{ ...rebalance, reason: 'crashed', detail: 'm-1 left (stopped)' }])).toBeUndefined();
  });
});
