import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { serveStatic, type StaticServer } from '../../../src/cli/static-server.ts';

/** GET `path` exactly as given, without the URL normalisation fetch() applies. */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    get({ hostname, port, path }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => done({ status: response.statusCode ?? 0, body }));
    }).on('error', fail);
  });
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const root = mkdtempSync(join(tmpdir(), 'kdc-static-'));
const secretName = `${root.split('/').pop() ?? 'x'}-outside`;
mkdirSync(join(root, 'exercises', 'x'), { recursive: true });
mkdirSync(join(root, '_astro'));
writeFileSync(join(root, 'exercises', 'x', 'index.html'), '<h1>x</h1>');
writeFileSync(join(root, '_astro', 'esbuild.abc.wasm'), Buffer.from([0, 97, 115, 109]));
writeFileSync(join(root, '_astro', 'sandbox.worker-Ab1.js'), 'export {};');
writeFileSync(join(root, 'inline.html'), '<script>theme()</script><form onsubmit="return false"></form>');

describe('serveStatic', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(root);
  });
  afterAll(() => server.close());

  it('serves wasm as application/wasm, hashed assets as immutable', async () => {
    const response = await fetch(`${server.url}/_astro/esbuild.abc.wasm`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('serves pages as HTML and answers 404 for what is missing', async () => {
    const page = await fetch(`${server.url}/exercises/x/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toBe('<h1>x</h1>');
    expect((await fetch(`${server.url}/nope/`)).status).toBe(404);
  });

  it('never serves a file outside the root', async () => {
    writeFileSync(join(root, '..', `${secretName}.txt`), 'secret');
    // Sent as written: fetch() would resolve the dots before they reach the server.
    for (const path of [`/../${secretName}.txt`, `/%2e%2e/${secretName}.txt`, `/_astro/..%2f..%2f${secretName}.txt`, '/%E0%A4%A']) {
      const { status, body } = await rawGet(server.url, path);
      expect(body).not.toContain('secret');
      expect(status).toBe(404);
    }
  });

  it('sends a Content-Security-Policy that allows the page inline scripts by hash, and nothing else inline', async () => {
    const policy = (await fetch(`${server.url}/inline.html`)).headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' blob: /);
    expect(policy).toContain(sha256('theme()'));
    expect(policy).toContain(`'unsafe-hashes' `);
    expect(policy).toContain(sha256('return false'));
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("connect-src 'self'");
  });

  it('serves the sandbox Worker with a policy of its own: no network at all', async () => {
    const response = await fetch(`${server.url}/_astro/sandbox.worker-Ab1.js`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/script-src 'self' blob:(;|$)/);
    const other = (await fetch(`${server.url}/_astro/esbuild.abc.wasm`)).headers.get('content-security-policy') ?? '';
    expect(other).toContain("connect-src 'self'");
  });
});
