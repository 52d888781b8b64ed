import { describe, expect, it } from 'vitest';
import { traceRow } from '../../../../src/components/exercise/trace-rows.ts';

describe('traceRow', () => {
  it('describes an append with where, producer and records', () => {
    const row = traceRow({ t: 12, kind: 'append', broker: 1, topic: 'orders', partition: 0, offset: 3, count: 2, producerId: 7, producerEpoch: 0, sequence: 4, values: ['o1', 'o2'] });
    expect(row).toEqual({
      time: '12 ms',
      kind: 'append',
      event: 'Leader appends',
      where: 'broker 1 · orders/0 · offsets 3–4',
      producer: 'producer 7 · epoch 0 · seq 4',
      records: 'o1, o2',
      note: '',
      tone: 'normal',
    });
  });

  it('marks an injected fault, and a crash as its consequence', () => {
    expect(traceRow({ t: 40, kind: 'fault', detail: 'lose-ack: the ack for order2 is lost' })).toMatchObject({ tone: 'fault', event: 'Injected fault', note: 'lose-ack: the ack for order2 is lost' });
    expect(traceRow({ t: 41, kind: 'crash', broker: 2 }).tone).toBe('trouble');
  });

  it('writes acks=-1 as acks=all and keeps the error code and request', () => {
    expect(traceRow({ t: 1, kind: 'ack', acks: -1, requestId: 3, clientId: 'shop' }).note).toBe('request #3 · acks=all · shop');
    expect(traceRow({ t: 2, kind: 'error', requestId: 3, error: 'NOT_ENOUGH_REPLICAS' }).note).toBe('NOT_ENOUGH_REPLICAS · request #3');
  });

  it('shows a malformed event (a field of the wrong type) by its kind and time only', () => {
    expect(traceRow({ t: 3, kind: 'append', broker: 'one', values: ['o1'] })).toMatchObject({ time: '3 ms', kind: 'append', event: 'append', where: '', records: '' });
  });

  it('shows an unknown kind and a non-object event as they are', () => {
    expect(traceRow({ t: 5, kind: 'teleport' }).event).toBe('teleport');
    expect(traceRow('odd').event).toBe('odd');
  });
});
