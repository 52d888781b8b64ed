/**
 * `PORT=N npm run preview:serverless`: builds the serverless target, then serves the whole site and
 * /api/grade on 127.0.0.1:N in wrangler's local workerd runtime until stopped (Ctrl+C / SIGTERM).
 * `--no-build` serves the existing dist-serverless/ (what the tests use after building once).
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startLocalWorker } from './local-worker.ts';

const port = Number(process.env['PORT'] ?? 8788);
if (!Number.isInteger(port) || port <= 0) {
  console.error(`PORT must be a port number, got ${process.env['PORT']}`);
  process.exit(2);
}

const { values: flags } = parseArgs({ options: { 'no-build': { type: 'boolean' } } });
if (flags['no-build'] !== true) {
  const build = spawnSync('npm', ['run', '--silent', 'build:serverless'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const worker = await startLocalWorker({ port, logLevel: 'info' });
console.log(`Serverless preview (workerd) on ${worker.url} — started in ${worker.startupMs} ms; stop with Ctrl+C`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
