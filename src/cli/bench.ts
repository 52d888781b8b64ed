/**
 * `npm run bench`: throughput figures of the simulation, printed as a table. Each section is one
 * entry of SECTIONS; append yours (a name and a function returning rows) — nothing is exported.
 */
import { performance } from 'node:perf_hooks';
import { Engine, type ProduceRequest, type ProduceResponse } from '../broker/engine.ts';
import type { FaultPlan } from '../broker/faults.ts';

interface Row {
  [column: string]: string | number;
}

interface Section {
  name: string;
  run: () => Row[];
}

function peakMemory(): { rss: number; heap: number } {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

const MB = 1024 * 1024;

/**
 * Produce `n` records (batches of `batchSize`, acks=all, 8 batches in flight, RF 3, min.insync 2)
 * through a lost ack and a broker restart, let followers replicate, then consume them all (read_committed).
 */
function brokerThroughput(n: number, batchSize = 1000): Row {
  const faults: FaultPlan = [
    { fault: 'lose-ack', on: { value: 'o500' } },
    { fault: 'restart-broker', broker: 2, at: 3, downForMs: 20 },
  ];
  const start = performance.now();
  let peak = peakMemory();
  const engine = new Engine({ seed: 1, brokers: 3, faults, uncleanLeaderElection: false });
  engine.createTopic({ topic: 'bench', numPartitions: 1, replicationFactor: 3, minInsyncReplicas: 2 });
  const client = engine.registerClient('producer', 'bench', () => {});
  const batches = Math.ceil(n / batchSize);
  let nextBatch = 0;
  let acked = 0;
  const send = (b: number, attempt: number, requestId: number): void => {
    const count = Math.min(batchSize, n - b * batchSize);
    const values: string[] = new Array<string>(count);
    for (let i = 0; i < count; i++) values[i] = `o${b * batchSize + i}`;
    const keys: null[] = new Array<null>(count).fill(null);
    const req: ProduceRequest = {
      client, clientId: 'bench', requestId, attempt, topic: 'bench', partition: 0, acks: -1, requestTimeoutMs: 30_000,
      producerId: -1, producerEpoch: -1, baseSequence: -1, transactionalId: null, keys, values, headers: null,
    };
    let settled = false;
    const timer = engine.clock.schedule(30_000, () => {
      if (!settled) { settled = true; send(b, attempt + 1, requestId); }
    });
    engine.produce(req, (r: ProduceResponse) => {
      if (settled) return;
      settled = true;
      engine.clock.cancel(timer);
      if (r.error !== null) engine.clock.schedule(100, () => send(b, attempt + 1, requestId));
      else {
        acked += count;
        if (nextBatch < batches) send(nextBatch++, 1, engine.newRequestId());
      }
    });
  };
  for (let i = 0; i < 8 && nextBatch < batches; i++) send(nextBatch++, 1, engine.newRequestId());
  while (engine.clock.step()) {
    /* run to quiescence */
  }
  peak = maxMem(peak, peakMemory());
  const produced = performance.now();
  let offset = 0;
  let consumed = 0;
  let done = false;
  const fetchNext = (): void => {
    engine.fetchFrom(client, 'bench', 0, offset, 'read_committed', 50_000, (r) => {
      if (r.error !== null || r.records.length === 0) { done = true; return; }
      consumed += r.records.length;
      offset = r.next;
      fetchNext();
    });
  };
  fetchNext();
  while (!done && engine.clock.step()) {
    /* drain */
  }
  peak = maxMem(peak, peakMemory());
  const end = performance.now();
  const seconds = (end - start) / 1000;
  return {
    records: n,
    acked,
    consumed,
    'produce+replicate ms': Math.round(produced - start),
    'consume ms': Math.round(end - produced),
    'records/s': Math.round(n / seconds),
    'virtual ms': engine.now(),
    'trace events': engine.trace.length,
    'peak rss MB': Math.round(peak.rss / MB),
    'peak heap MB': Math.round(peak.heap / MB),
  };
}

function maxMem(a: { rss: number; heap: number }, b: { rss: number; heap: number }) {
  return { rss: Math.max(a.rss, b.rss), heap: Math.max(a.heap, b.heap) };
}

const SECTIONS: Section[] = [
  {
    name: 'broker: produce + replicate + consume, RF 3, acks=all, faults on (lost ack, broker restart)',
    run: () => [brokerThroughput(10_000), brokerThroughput(1_000_000)],
  },
];

for (const s of SECTIONS) {
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`\n## ${s.name}`);
  console.table(s.run());
}

// ── Exercise page (the in-page runtime's section; its code lives in bench-page.ts) ─────────────
// Async and browser-based, so it runs after the synchronous sections; BENCH_SKIP_PAGE=1 skips it.
if (process.env['BENCH_SKIP_PAGE'] !== '1') {
  console.log('\n## exercise page: Check → verdict, editor ready (cold / warm cache), bytes loaded');
  try {
    const { benchExercisePage, formatPageBench } = await import('./bench-page.ts');
    console.log(formatPageBench(await benchExercisePage()).join('\n'));
  } catch (thrown) {
    console.log(`skipped: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
}
