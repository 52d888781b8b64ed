/**
 * Lighthouse on every page of the built site, for maintainers: `npm run lighthouse` (after
 * `npm run build`). It serves `dist/` with the project's static server (the same headers a deploy
 * sends, CSP included), runs Lighthouse with its defaults — a phone, simulated slow 4G and a 4× slower
 * CPU — on the home page, every lesson, every exercise page and the 404 page, and prints one row per
 * page with the performance, accessibility, best-practices and SEO scores, and the audits that cost
 * a page its 100.
 *
 * Not part of `npm test`: a run takes minutes, and performance scores move with the machine's load.
 * It is a measuring tool; the checks that must never regress (axe, overflow, the JavaScript budget)
 * live in test/e2e.
 *
 * Options: `--page /lessons/…/` (repeatable) to measure only some pages; `--json FILE` to keep the
 * scores and failing audits; `--reports DIR` to keep each page's full Lighthouse report (JSON, for
 * the Lighthouse viewer); `--runs N` to measure each page N times and keep the median run.
 *
 * Pages are sent compressed, as every host a course deploys to sends them (Cloudflare compresses
 * text with brotli): the site is copied to a temporary folder with a brotli and a gzip sibling of
 * each text file, so first paint is not measured from bytes no student receives.
 *
 * Performance depends on the host: Lighthouse slows the CPU 4× on top of the machine's own speed,
 * so on a busy machine (the `cpu` column, Lighthouse's benchmark index, well below 1000) blocking
 * time is inflated; the table says so. Chromium comes from CHROME_PATH, else Debian's /usr/bin/chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { serveStatic } from './static-server.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(PROJECT_ROOT, 'dist');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
/** Lighthouse calibrates its mobile CPU slowdown for hosts scoring about this much or more. */
const BUSY_BENCHMARK_INDEX = 1000;

/** One page's result: a score per category (0–100) and the audits below a full score. */
export interface PageScores {
  path: string;
  scores: Record<Category, number | undefined>;
  failing: string[];
  /** Lighthouse's measure of the host's CPU speed during the run; below ~1000 the machine was busy. */
  benchmarkIndex?: number;
  error?: string;
}

/** Every page a student can reach, as served paths; the 404 page by its file (a 404 status stops Lighthouse). */
export function sitePages(dist: string): string[] {
  const folder = (name: string): string[] =>
    existsSync(join(dist, name))
      ? readdirSync(join(dist, name), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `/${name}/${entry.name}/`).sort()
      : [];
  return ['/', ...folder('lessons'), ...folder('exercises'), '/404.html'];
}

/** Starts headless Chromium with a DevTools port for Lighthouse; resolves once the port is known. */
async function startChromium(executable: string): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'kdc-lighthouse-'));
  const child: ChildProcess = spawn(
    executable,
    ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`Chromium (${executable}) exited with ${code} before opening its DevTools port:\n${seen}`)));
  });
  return {
    port,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Runs Lighthouse (mobile defaults) on one URL through the browser on `port`. */
async function measure(url: string, path: string, port: number, reports: string | undefined): Promise<PageScores> {
  try {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    const lhr = result?.lhr;
    if (lhr === undefined) throw new Error('Lighthouse returned no report');
    if (reports !== undefined) writeFileSync(join(reports, `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.json`), JSON.stringify(lhr));
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => {
        const score = lhr.categories[id]?.score;
        return [id, typeof score === 'number' ? Math.round(score * 100) : undefined];
      }),
    ) as Record<Category, number | undefined>;
    const failing = CATEGORIES.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit !== undefined && typeof audit.score === 'number' && audit.score < 1)
        .map((audit) => `${id}: ${audit?.id}${audit?.displayValue ? ` (${audit.displayValue})` : ''}`),
    );
    return { path, scores, failing, benchmarkIndex: Math.round(lhr.environment.benchmarkIndex) };
  } catch (error) {
    return { path, scores: { performance: undefined, accessibility: undefined, 'best-practices': undefined, seo: undefined }, failing: [], error: String(error) };
  }
}

/** Of several runs of one page, the one with the median performance score (Lighthouse's advice for noisy hosts). */
export function medianRun(runs: PageScores[]): PageScores {
  const sorted = [...runs].sort((a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? runs[0] as PageScores;
}

/** The table printed at the end: page × category, then each page's lost points. */
export function scoreTable(results: PageScores[]): string {
  const headers = ['page', 'perf', 'a11y', 'best', 'seo', 'cpu'];
  const rows = results.map((result) => [
    result.path,
    ...CATEGORIES.map((id) => (result.scores[id] === undefined ? '—' : String(result.scores[id]))),
    result.benchmarkIndex === undefined ? '—' : String(result.benchmarkIndex),
  ]);
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  const lost = results.flatMap((result) => [
    ...(result.error ? [`${result.path}: ${result.error}`] : []),
    ...result.failing.map((audit) => `${result.path}: ${audit}`),
  ]);
  const busy = results.some((result) => result.benchmarkIndex !== undefined && result.benchmarkIndex < BUSY_BENCHMARK_INDEX);
  const note = busy
    ? [`cpu = Lighthouse's benchmark index of this machine during the run. Below ${BUSY_BENCHMARK_INDEX} the machine was busy: its 4× CPU slowdown then models a far slower phone than intended, and performance scores (blocking time above all) are not meaningful. Measure again on an idle machine.`, '']
    : [];
  return [line(headers), ...rows.map(line), '', ...note, ...(lost.length > 0 ? ['Below a full score:', ...lost.map((entry) => `  ${entry}`)] : ['Every audit that counts scored in full.'])].join('\n');
}

const TEXT_FILE = /\.(html|css|js|mjs|json|svg|txt|xml)$/;

/** A copy of `dist` in a temporary folder with `.br` and `.gz` beside each text file; removed by the caller. */
function compressedCopy(dist: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'kdc-lighthouse-site-'));
  cpSync(dist, copy, { recursive: true });
  for (const entry of readdirSync(copy, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TEXT_FILE.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
  return copy;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { page: { type: 'string', multiple: true }, json: { type: 'string' }, reports: { type: 'string' }, runs: { type: 'string', default: '1' } } });
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('No built site in dist/: run `npm run build` first.');
    return 2;
  }
  const chrome = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  const pages = values.page ?? sitePages(DIST);
  if (values.reports) mkdirSync(values.reports, { recursive: true });
  const site = compressedCopy(DIST);
  const server = await serveStatic(site, { precompressed: true });
  const browser = await startChromium(chrome);
  const results: PageScores[] = [];
  try {
    for (const path of pages) {
      process.stderr.write(`lighthouse ${path}\n`);
      const runs: PageScores[] = [];
      for (let run = 0; run < Math.max(1, Number(values.runs)); run++) runs.push(await measure(`${server.url}${path}`, path, browser.port, values.reports));
      results.push(medianRun(runs));
    }
  } finally {
    await browser.stop();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
  console.log(scoreTable(results));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  return results.every((result) => !result.error) ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
