/**
 * A minimal static file server for the built site (`dist/`), for the grade CLI's browser engine and
 * the page bench. It exists so grading does not depend on `astro preview` (one per project, with a
 * lock file): any number can run, each on a free port. Serves `application/wasm` with its real type,
 * which esbuild-wasm's streaming compile requires.
 *
 * Every response carries a Content-Security-Policy: pages get the site's policy with the hashes of
 * their own inline scripts; the sandbox Worker's script gets the Worker's policy (no network at all),
 * which is the policy the learner's code runs under.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { inlineScriptHashes, scriptHashSources } from '../deploy/inline-scripts.ts';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY, isSandboxWorkerPath, SANDBOX_WORKER_CONTENT_SECURITY_POLICY } from '../deploy/security-headers.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.pf_meta': 'application/octet-stream',
};

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

/** The file a URL path maps to inside `root` (directories → index.html), or undefined outside it. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const absoluteRoot = resolve(root);
  const candidate = resolve(join(absoluteRoot, normalize(path)));
  if (candidate !== absoluteRoot && !candidate.startsWith(absoluteRoot + sep)) return undefined;
  try {
    return statSync(candidate).isDirectory() ? join(candidate, 'index.html') : candidate;
  } catch {
    return candidate;
  }
}

/** Serves `root` on 127.0.0.1 at a free port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const file = resolveStaticPath(root, request.url ?? '/');
    let size: number | undefined;
    try {
      if (file !== undefined && statSync(file).isFile()) size = statSync(file).size;
    } catch {
      size = undefined;
    }
    if (file === undefined || size === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': file.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': policyFor(file),
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
