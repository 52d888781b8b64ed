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
  const client = engine.registerClient('producer', 'bench', () => {}, undefined, engine.spawnProcess('bench'));
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
    'goal ≥ 1 M records/s': n / seconds >= 1_000_000 ? 'ok' : n < 100_000 ? '(warm-up size)' : 'MISSED',
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
  console.log('\n## exercise pages (browser engine): Check → verdict, schedules per Check, editor ready (cold / warm cache), bytes loaded');
  try {
    const { benchExercisePage, formatPageBench } = await import('./bench-page.ts');
    const { listExerciseIds } = await import('../grading/load-exercises.ts');
    for (const id of await listExerciseIds()) console.log(formatPageBench(await benchExercisePage(id)).join('\n'));
  } catch (thrown) {
    console.log(`skipped: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
}

// ── Grading in Node: a whole Check (every guarantee and scenario) per exercise, QuickJS engine ────
{
  console.log('\n## grading (node engine, QuickJS): Check of each solution after one warm-up; Run; QuickJS memory per Check');
  const { loadExercises } = await import('../grading/load-exercises.ts');
  const { gradeSubmission } = await import('../grading/grade.ts');
  const { runProgramOnce } = await import('../grading/run-once.ts');
  const { schedulesExplored } = await import('../grading/schedule-count.ts');
  const { createNodeEngine } = await import('../runner/node-engine.ts');
  const { spread } = await import('./bench-page.ts');
  const { readFileSync } = await import('node:fs');
  const engine = await createNodeEngine({ timeLimitMs: 10_000 });
  const memory = await quickjsMemoryPerCheck();
  const timed = async (count: number, pauseMs: number, task: () => Promise<unknown>): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const started = performance.now();
      await task();
      times.push(performance.now() - started);
    }
    return times;
  };
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const rows = [];
  try {
    for (const exercise of await loadExercises()) {
      const source = readFileSync(`exercises/${exercise.id}/solution.ts`, 'utf8');
      const report = await gradeSubmission(exercise, source, engine);
      const check = () => gradeSubmission(exercise, source, engine);
      const apart = spread(await timed(3, 1000, check));
      const backToBack = spread(await timed(5, 0, check));
      const run = spread(await timed(3, 0, () => runProgramOnce(exercise, source, engine, 'main.ts')));
      rows.push({
        exercise: exercise.id,
        'schedules per Check': schedulesExplored(report),
        'sandbox runs asked': exercise.checks.runs().length,
        'Check p50/p90, 1 s apart': `${ms(apart.p50)} / ${ms(apart.p90)}`,
        'Check p50/p90, back to back': `${ms(backToBack.p50)} / ${ms(backToBack.p90)}`,
        'Check goal': `≤ 50 ms: ${apart.p50 <= 50 && backToBack.p50 <= 50 ? 'ok' : 'MISSED'}`,
        'Run p50 (goal ≤ 30 ms)': `${ms(run.p50)} ${run.p50 <= 30 ? 'ok' : 'MISSED'}`,
        'QuickJS MB in use at Check end': Number(((memory.get(exercise.id) ?? Number.NaN) / MB).toFixed(1)),
      });
    }
  } finally {
    await engine.close();
  }
  console.table(rows);
}

/**
 * The memory a Check's sandbox holds at its end, per exercise: QuickJS's own count of its allocations
 * (harness, cluster, learner state), the request being run in-process here rather than in the engine's
 * worker thread so the figure can be read before the runtime is freed.
 */
async function quickjsMemoryPerCheck(): Promise<Map<string, number>> {
  const { loadExercises } = await import('../grading/load-exercises.ts');
  const { createCompiler } = await import('../runner/compile.ts');
  const { buildHarnessBundle } = await import('../runner/harness-bundle.ts');
  const { runInQuickJS } = await import('../runner/quickjs-sandbox.ts');
  const { newQuickJSWASMModuleFromVariant } = await import('quickjs-emscripten-core');
  const variant = (await import('@jitl/quickjs-wasmfile-release-sync')).default;
  const esbuild = await import('esbuild');
  const { readFileSync } = await import('node:fs');
  const module = await newQuickJSWASMModuleFromVariant(variant);
  const harnessBundle = await buildHarnessBundle(esbuild);
  const compiler = createCompiler(esbuild);
  const bytes = new Map<string, number>();
  for (const exercise of await loadExercises()) {
    const compiled = await compiler.compile(readFileSync(`exercises/${exercise.id}/solution.ts`, 'utf8'));
    if (!compiled.ok) continue;
    const { checks } = exercise;
    await runInQuickJS(
      { module, harnessBundle, timeLimitMs: 10_000, now: () => Date.now(), onMemoryUsage: (used) => bytes.set(exercise.id, used) },
      { code: compiled.code, map: compiled.map, driver: checks.driver, runs: checks.runs(), ...(checks.observe === undefined ? {} : { observe: [...checks.observe] }) },
    );
  }
  return bytes;
}

// ── What each page type ships up front (JS and CSS, raw and gzip), from the static build ───────────
{
  const { existsSync } = await import('node:fs');
  console.log('\n## page weight: JS and CSS each page ships before interaction (from dist/)');
  if (!existsSync('dist/index.html')) console.log('skipped: run npm run build first');
  else {
    const { pageWeight } = await import('../build/page-weight.ts');
    const kb = (n: number) => Number((n / 1024).toFixed(1));
    const pages = ['index.html', ...['01-why-delivery-guarantees', '02-visual-breakdown', '03-the-commands', '04-at-least-once-step-by-step', '05-delivery-semantics'].map((slug) => `lessons/${slug}/index.html`)];
    console.table(pages.filter((page) => existsSync(`dist/${page}`)).map((page) => {
      const w = pageWeight('dist', `dist/${page}`);
      return { page: w.page, 'JS KB': kb(w.js.raw), 'JS KB gzip': kb(w.js.gzip), 'CSS KB': kb(w.css.raw), 'CSS KB gzip': kb(w.css.gzip) };
    }));
  }
}

// ── Serverless endpoint (workerd, local): its own process, since it starts wrangler ───────────────
if (process.env['BENCH_SKIP_SERVERLESS'] !== '1') {
  console.log('\n## serverless: /api/grade latency and cold start (needs npm run build:serverless)');
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', 'src/cli/bench-serverless.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  console.log((result.stdout || result.stderr).trim());
}
