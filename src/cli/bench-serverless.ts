/**
 * `node --experimental-strip-types src/cli/bench-serverless.ts`: the serverless section of the bench.
 * Starts the built Worker in wrangler's local workerd runtime and measures
 * - cold start: starting workerd until it is ready, and the first /api/grade (loads esbuild-wasm + QuickJS);
 * - the median latency of /api/grade for a correct submission over 20 requests (warm isolate).
 * Needs `npm run build:serverless` first. Prints a table, or JSON with --json.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { serverlessBuildExists, startLocalWorker } from '../deploy/local-worker.ts';

const { values: flags } = parseArgs({ options: { json: { type: 'boolean' } } });
const EXERCISE = 'orders-four-steps';
const SAMPLES = 20;

if (!serverlessBuildExists()) {
  console.error('dist-serverless/ is missing: run npm run build:serverless first');
  process.exit(2);
}

const source = readFileSync(new URL(`../../exercises/${EXERCISE}/solution.ts`, import.meta.url), 'utf8');
const worker = await startLocalWorker({ port: Number(process.env['PORT'] ?? 8791) });

async function gradeOnce(client: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${worker.url}/api/grade`, {
    method: 'POST',
    // A client address per request, so the bench measures grading, not the rate limiter.
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': `10.200.0.${client}` },
    body: JSON.stringify({ exercise: EXERCISE, source }),
  });
  const report = (await response.json()) as { passed?: boolean };
  const elapsed = performance.now() - started;
  if (response.status !== 200 || report.passed !== true) throw new Error(`the solution did not pass on the server (HTTP ${response.status})`);
  return elapsed;
}

try {
  const firstGradeMs = await gradeOnce(0);
  const samples: number[] = [];
  for (let i = 1; i <= SAMPLES; i++) samples.push(await gradeOnce(i));
  samples.sort((a, b) => a - b);
  const median = ((samples[SAMPLES / 2 - 1] ?? 0) + (samples[SAMPLES / 2] ?? 0)) / 2;
  const result = {
    workerStartMs: worker.startupMs,
    firstGradeMs: Math.round(firstGradeMs),
    medianGradeMs: Math.round(median * 10) / 10,
    p90GradeMs: Math.round((samples[Math.ceil(SAMPLES * 0.9) - 1] ?? 0) * 10) / 10,
    samples: SAMPLES,
    exercise: EXERCISE,
  };
  if (flags.json === true) console.log(JSON.stringify(result));
  else {
    console.log('Serverless (workerd, local)');
    console.log(`  worker start (start → ready)          ${result.workerStartMs} ms`);
    console.log(`  first /api/grade (cold isolate)       ${result.firstGradeMs} ms`);
    console.log(`  /api/grade, correct submission        median ${result.medianGradeMs} ms, p90 ${result.p90GradeMs} ms over ${SAMPLES}   goal: warm p50 ≤ 100 ms ${result.medianGradeMs <= 100 ? 'ok' : 'MISSED'}`);
  }
} finally {
  await worker.stop();
}
