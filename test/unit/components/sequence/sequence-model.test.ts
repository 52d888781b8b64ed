import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/broker/index.ts';
import { produceValues } from '../../../../src/lessons-runtime/produce-run.ts';
import { runAtLeastOnce } from '../../../../src/lessons-runtime/at-least-once-run.ts';
import { sequenceModel } from '../../../../src/components/sequence/sequence-model.ts';
import { sequenceFigure, toMarkup } from '../../../../src/components/sequence/sequence-figure.ts';

async function lostAckTrace() {
  const cluster = createCluster({ seed: 5, faults: [{ fault: 'lose-ack', on: { topic: 'orders', value: 'order2' } }] });
  cluster.createTopic({ topic: 'orders', replicationFactor: 3, minInsyncReplicas: 2 });
  await produceValues(cluster, { clientId: 'shop', topic: 'orders', acks: -1, retries: 5, idempotent: false }, ['order1', 'order2']);
  return cluster.trace;
}

describe('sequenceModel', () => {
  it('has a lane per client and per broker, and draws requests to the broker that appended them', async () => {
    const model = sequenceModel(await lostAckTrace());
    expect(model.lanes.map((l) => l.label)).toEqual(['shop', 'broker 0', 'broker 1', 'broker 2']);
    const send = model.steps.find((s) => s.kind === 'send');
    const append = model.steps.find((s) => s.kind === 'append');
    expect(send).toMatchObject({ shape: 'request', from: 'client:shop', to: append?.from });
    expect(model.steps.filter((s) => s.shape === 'replicate').every((s) => s.from === append?.from && s.to !== s.from)).toBe(true);
    expect(model.steps.find((s) => s.kind === 'ack')).toMatchObject({ shape: 'response', to: 'client:shop' });
  });

  it('draws a lost ack as a drop from the broker back to the producer, and a retry after it', async () => {
    const model = sequenceModel(await lostAckTrace());
    const drop = model.steps.find((s) => s.shape === 'drop');
    expect(drop).toMatchObject({ to: 'client:shop', label: 'response lost' });
    expect(model.steps.findIndex((s) => s.kind === 'retry')).toBeGreaterThan(model.steps.indexOf(drop!));
  });

  it('marks a consumer crash, and the new instance before it acts again', async () => {
    const { trace } = await runAtLeastOnce();
    const model = sequenceModel(trace);
    const crash = model.steps.findIndex((s) => s.shape === 'crash');
    const restart = model.steps.findIndex((s) => s.shape === 'restart');
    expect(crash).toBeGreaterThanOrEqual(0);
    expect(restart).toBeGreaterThan(crash);
    expect(model.steps[restart]?.from).toBe(model.steps[crash]?.from);
    expect(model.steps.some((s) => s.kind === 'commit' && s.shape === 'request')).toBe(true);
  });

  it('reads unknown events loosely and caps what it draws', () => {
    const model = sequenceModel([{ t: 1, kind: 'mystery', broker: 1 }, 'not an object', ...Array.from({ length: 500 }, (_, t) => ({ t, kind: 'append', broker: 0 }))]);
    expect(model.steps[0]).toMatchObject({ shape: 'mark', from: 'broker:1', label: 'mystery' });
    expect(model.omitted).toBeGreaterThan(0);
  });
});

describe('the figure markup', () => {
  it('escapes what a program put in the trace', () => {
    const markup = toMarkup(sequenceFigure([{ t: 0, kind: 'send', clientId: '<img src=x onerror=alert(1)>', value: '"><script>' }], { caption: 'a & b', id: 'x' }));
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('a &#38; b');
    expect(markup).toContain('data-testid="sequence-diagram"');
  });
});
