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
 * the Lighthouse viewer). Chromium comes from CHROME_PATH, else Debian's /usr/bin/chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { serveStatic } from './static-server.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(PROJECT_ROOT, 'dist');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

/** One page's result: a score per category (0–100) and the audits below a full score. */
export interface PageScores {
  path: string;
  scores: Record<Category, number | undefined>;
  failing: string[];
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
    return { path, scores, failing };
  } catch (error) {
    return { path, scores: { performance: undefined, accessibility: undefined, 'best-practices': undefined, seo: undefined }, failing: [], error: String(error) };
  }
}

/** The table printed at the end: page × category, then each page's lost points. */
export function scoreTable(results: PageScores[]): string {
  const headers = ['page', 'perf', 'a11y', 'best', 'seo'];
  const rows = results.map((result) => [result.path, ...CATEGORIES.map((id) => (result.scores[id] === undefined ? '—' : String(result.scores[id])))]);
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  const lost = results.flatMap((result) => [
    ...(result.error ? [`${result.path}: ${result.error}`] : []),
    ...result.failing.map((audit) => `${result.path}: ${audit}`),
  ]);
  return [line(headers), ...rows.map(line), '', ...(lost.length > 0 ? ['Below a full score:', ...lost.map((entry) => `  ${entry}`)] : ['Every audit that counts scored in full.'])].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { page: { type: 'string', multiple: true }, json: { type: 'string' }, reports: { type: 'string' } } });
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('No built site in dist/: run `npm run build` first.');
    return 2;
  }
  const chrome = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  const pages = values.page ?? sitePages(DIST);
  if (values.reports) mkdirSync(values.reports, { recursive: true });
  const server = await serveStatic(DIST);
  const browser = await startChromium(chrome);
  const results: PageScores[] = [];
  try {
    for (const path of pages) {
      process.stderr.write(`lighthouse ${path}\n`);
      results.push(await measure(`${server.url}${path}`, path, browser.port, values.reports));
    }
  } finally {
    await browser.stop();
    await server.close();
  }
  console.log(scoreTable(results));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  return results.every((result) => !result.error) ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
