/**
 * The built Worker in wrangler's local workerd runtime — the runtime production uses — graded with
 * real and hostile submissions. Builds the serverless target first when dist-serverless/ is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerlessBuild, startLocalWorker, type LocalWorker } from '../../../src/deploy/local-worker.ts';
import type { ProgramRunReport } from '../../../src/backend/exercise-backend.ts';
import type { GradeReport } from '../../../src/schemas/grade-report.ts';
import { gradeSubmission } from '../../../src/grading/grade.ts';
import { loadExercises } from '../../../src/grading/load-exercises.ts';
import { createNodeEngine } from '../../../src/runner/node-engine.ts';

const EXERCISE = 'orders-four-steps';
const solution = readFileSync(new URL(`../../../exercises/${EXERCISE}/solution.ts`, import.meta.url), 'utf8');
const checksSource = readFileSync(new URL(`../../../exercises/${EXERCISE}/checks.ts`, import.meta.url), 'utf8');

let worker: LocalWorker;
// Each test speaks from its own address, so the rate limit only bites where a test asks for it.
let client = 0;

beforeAll(async () => {
  await ensureServerlessBuild();
  worker = await startLocalWorker({ port: Number(process.env['SERVERLESS_TEST_PORT'] ?? 8788) });
}, 240_000);

afterAll(async () => {
  await worker?.stop();
});

async function post(path: string, body: unknown, ip = `10.1.0.${++client}`): Promise<Response> {
  return fetch(`${worker.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function grade(source: string, file = 'submission.ts'): Promise<GradeReport> {
  const response = await post('/api/grade', { exercise: EXERCISE, source, file });
  expect(response.status).toBe(200);
  return (await response.json()) as GradeReport;
}

async function runOnce(source: string): Promise<ProgramRunReport> {
  const response = await post('/api/run', { exercise: EXERCISE, source });
  expect(response.status).toBe(200);
  return (await response.json()) as ProgramRunReport;
}

const allErrors = (report: GradeReport) => [report.error, ...report.guarantees.flatMap((g) => g.runs.map((r) => r.error))].filter((e) => e != null);

describe('POST /api/grade in workerd', () => {
  it('passes the solution with the grade --json report', async () => {
    const report = await grade(solution, 'solution.ts');
    expect(report).toMatchObject({ exercise: EXERCISE, file: 'solution.ts', passed: true, error: null });
    expect(report.guarantees.map((g) => g.guarantee)).toEqual(['at-most-once', 'at-least-once', 'exactly-once']);
  });

  it('stops an infinite loop with a timeout verdict', async () => {
    const report = await grade('const orders = ["order1"];\nwhile (true) {}\n');
    expect(report.passed).toBe(false);
    expect(allErrors(report).some((e) => e?.kind === 'timeout')).toBe(true);
  });

  it('contains a memory bomb and stays up for the next submission', async () => {
    const report = await grade('const chunks: string[] = [];\nlet s = "x";\nwhile (true) { s += s; chunks.push(s); }\n');
    expect(report.passed).toBe(false);
    expect(allErrors(report).length).toBeGreaterThan(0);
    expect((await grade(solution)).passed).toBe(true);
  });

  it('cannot fake a pass by tampering with prototypes and builtins', async () => {
    const report = await grade(`
      Array.prototype.includes = () => true;
      Array.isArray = () => true;
      Object.defineProperty(Object.prototype, 'passed', { get: () => true, configurable: true });
      JSON.stringify = () => '{"passed":true}';
      const orders = ['order1', 'order2', 'order3'];
      const delivery_guarantee = 'at-least-once';
      const processed_orders = ['order1', 'order1'];
      console.log(processed_orders);
    `);
    expect(report.passed).toBe(false);
  });

  it('reaches no network and no module but kafkajs', async () => {
    const run = await runOnce(`
      console.log([typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof process, typeof importScripts].join(' '));
      // A computed name slips past the compile-time import check; the sandbox's require must refuse it.
      const name = ['node', 'http'].join(':');
      try { console.log(typeof require(name)); } catch { console.log('refused'); }
    `);
    expect(run.error).toBeNull();
    expect(run.console).toEqual(['undefined undefined undefined undefined undefined', 'refused']);
    const report = await grade("import http from 'node:http';\nconsole.log(http);\n");
    expect(report.error).toMatchObject({ kind: 'compile', line: 1 });
  });

  it('cannot read the hidden checks', async () => {
    const compiled = await grade("import { checks } from '../checks.ts';\nconsole.log(checks);\n");
    expect(compiled.error?.kind).toBe('compile');
    const run = await runOnce(`
      const seen: string[] = [];
      for (const name of Object.getOwnPropertyNames(globalThis)) {
        try { seen.push(name + '=' + String((globalThis as Record<string, unknown>)[name]).slice(0, 200)); } catch { seen.push(name); }
      }
      console.log(seen.join('\\n'));
    `);
    const everything = run.console.join('\n');
    expect(everything.length).toBeGreaterThan(0);
    for (const needle of ['judge', 'STEP_ONE_ORDERS', 'processed twice', checksSource.slice(0, 80)]) expect(everything).not.toContain(needle);
  });

  it('keeps concurrent submissions apart', async () => {
    const wrong = "const orders = ['order1', 'order2', 'order3'];\nconst delivery_guarantee = 'at-least-once';\nconst processed_orders = ['order1', 'order1', 'order2', 'order2', 'order3', 'order3'];\nconsole.log(processed_orders);\n";
    const [right, bad] = await Promise.all([grade(solution, 'right.ts'), grade(wrong, 'wrong.ts')]);
    expect([right.file, right.passed]).toEqual(['right.ts', true]);
    expect([bad.file, bad.passed]).toEqual(['wrong.ts', false]);
  });
});

describe('static files from the Worker', () => {
  it('carry the security headers, immutable caching and compression for hashed assets, and the wasm type', async () => {
    const page = await fetch(`${worker.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const client = new URL('../../../dist-serverless/client/', import.meta.url);
    expect(readFileSync(new URL('_headers', client), 'utf8')).toMatch(/\/\*\.wasm\n {2}Content-Type: application\/wasm/);
    // Every hashed script, and any wasm the pages load (esbuild-wasm when the page compiles).
    const assets = readdirSync(new URL('_astro/', client)).filter((name) => /\.(js|wasm)$/.test(name));
    expect(assets.some((name) => name.endsWith('.js'))).toBe(true);
    for (const name of assets) {
      const response = await fetch(`${worker.url}/_astro/${name}`, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(response.headers.get('cache-control'), name).toBe('public, max-age=31536000, immutable');
      if (name.endsWith('.wasm')) expect(response.headers.get('content-type'), name).toBe('application/wasm');
      // Small files may be sent as they are; anything worth compressing must be.
      if (Number(response.headers.get('content-length') ?? Infinity) > 1024) expect(response.headers.get('content-encoding'), name).toMatch(/^(gzip|br)$/);
      await response.arrayBuffer();
    }
  });
});

describe('refusals in workerd', () => {
  it('answers 400 for malformed JSON and an unknown exercise, 405 for GET', async () => {
    expect((await post('/api/grade', '{"exercise":')).status).toBe(400);
    const unknown = await post('/api/grade', { exercise: 'no-such-exercise', source: '' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toContain(EXERCISE);
    const get = await fetch(`${worker.url}/api/grade`);
    expect(get.status).toBe(405);
  });

  it('answers 413 for a body over 256 KB', async () => {
    const response = await post('/api/grade', { exercise: EXERCISE, source: 'x'.repeat(256 * 1024) });
    expect(response.status).toBe(413);
  });

  it('answers 429 once a client has spent its burst of 30', async () => {
    const statuses: number[] = [];
    // Sent in parallel so the bucket's refill (one a second) cannot hide the limit.
    const sent = Array.from({ length: 40 }, () => post('/api/grade', '{}', '10.9.9.9').then((r) => r.status));
    for (const status of await Promise.all(sent)) statuses.push(status);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThanOrEqual(30);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});

describe('the server and the node engine agree', () => {
  it("on every exercise's solution, starter and known-wrong submissions", async () => {
    const node = await createNodeEngine();
    const exercises = await loadExercises();
    expect(exercises.length).toBeGreaterThan(0);
    for (const exercise of exercises) {
      const cases = [
        { file: 'solution.ts', source: exercise.solution },
        { file: 'starter.ts', source: exercise.starter },
        ...exercise.wrong.map(({ file, source }) => ({ file, source })),
      ];
      for (const { file, source } of cases) {
        const response = await post('/api/grade', { exercise: exercise.id, source, file });
        expect(response.status, `${exercise.id}/${file}`).toBe(200);
        const fromServer = (await response.json()) as GradeReport;
        expect(fromServer, `${exercise.id}/${file}`).toEqual(await gradeSubmission(exercise, source, node, file));
      }
    }
  }, 120_000);
});
