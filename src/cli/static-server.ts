/**
 * A minimal static file server for the built site (`dist/`), for the grade CLI's browser engine and
 * the page bench. It exists so grading does not depend on `astro preview` (one per project, with a
 * lock file): any number can run, each on a free port. sirv does the serving (types, ranges, paths
 * that stay inside the root; `application/wasm`, which esbuild-wasm's streaming compile requires).
 *
 * Every response carries a Content-Security-Policy: pages get the site's policy with the hashes of
 * their own inline scripts; the sandbox Worker's script gets the Worker's policy (no network at all),
 * which is the policy the learner's code runs under.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import sirv from 'sirv';
import { inlineScriptHashes, scriptHashSources } from '../deploy/inline-scripts.ts';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY, isSandboxWorkerPath, SANDBOX_WORKER_CONTENT_SECURITY_POLICY } from '../deploy/security-headers.ts';

/** The Content-Security-Policy `file` is served with. */
export function policyFor(file: string): string {
  if (isSandboxWorkerPath(file.split(sep).join('/'))) return SANDBOX_WORKER_CONTENT_SECURITY_POLICY;
  if (extname(file) !== '.html') return CONTENT_SECURITY_POLICY;
  return contentSecurityPolicy(scriptHashSources([inlineScriptHashes(readFileSync(file, 'utf8'))]));
}

/** A running server: its base URL and a way to stop it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The file sirv answers `pathname` with, tried in sirv's own order (the path, then an `index.html`
 * below it, then the path plus `.html`); sirv has already found one, and only inside the root.
 */
function servedFile(root: string, pathname: string): string {
  const path = join(root, pathname);
  const candidates = [path, join(path, 'index.html'), `${path.replace(/[/\\]$/, '')}.html`];
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile() === true) ?? path;
}

/** Serves `root` on 127.0.0.1 at a free port; `precompressed`: send a file's `.br`/`.gz` sibling when the client accepts it. */
export async function serveStatic(root: string, { precompressed = false }: { precompressed?: boolean } = {}): Promise<StaticServer> {
  const absoluteRoot = resolve(root);
  const files = sirv(absoluteRoot, {
    extensions: ['html'],
    brotli: precompressed,
    gzip: precompressed,
    setHeaders: (response, pathname) => {
      const file = servedFile(absoluteRoot, pathname);
      response.setHeader('cache-control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      response.setHeader('content-security-policy', policyFor(file));
      response.setHeader('x-content-type-options', 'nosniff');
    },
  });
  const server = createServer((request, response) => files(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
