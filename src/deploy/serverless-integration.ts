import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { inlineScriptHashes as hashesOf, scriptHashSources } from './inline-scripts.ts';
import { headersFile } from './security-headers.ts';

/** The value `import.meta.env.PUBLIC_GRADING` has in the serverless build's pages. */
const SERVER_GRADING = 'server';

const HARNESS_ID = 'virtual:kx-harness-bundle';
const RESOLVED_HARNESS_ID = `\0${HARNESS_ID}`;

/**
 * What the serverless build adds to the static site, kept out of `astro.config.mjs`:
 * - the on-demand routes `POST /api/grade` and `POST /api/run` (injected, so the static build has no
 *   server route at all);
 * - the QuickJS harness bundle as a server-only virtual module, built with native esbuild at build time
 *   (a Worker cannot bundle at run time) and refused in the client environment;
 * - the QuickJS wasm under a name ending in `.wasm`, which the Cloudflare plugin imports as a module;
 * - `import.meta.env.PUBLIC_GRADING = "server"`, so pages send Check to the endpoint;
 * - `_headers` with the security headers and caching rules for the static files.
 */
export function serverlessIntegration(): AstroIntegration {
  let clientDir: URL | undefined;
  return {
    name: 'kdc-serverless',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        injectRoute({ pattern: '/api/grade', entrypoint: './src/server/routes/grade.ts', prerender: false });
        injectRoute({ pattern: '/api/run', entrypoint: './src/server/routes/run.ts', prerender: false });
        const require = createRequire(import.meta.url);
        updateConfig({
          vite: {
            define: { 'import.meta.env.PUBLIC_GRADING': JSON.stringify(SERVER_GRADING) },
            // A pattern, not a plain key: the import carries a `?module` query that must survive the alias.
            resolve: { alias: [{ find: /^kx-quickjs\.wasm/, replacement: require.resolve('@jitl/quickjs-wasmfile-release-sync/wasm') }] },
            plugins: [
              {
                name: 'kdc-harness-bundle',
                resolveId: (id) => (id === HARNESS_ID ? RESOLVED_HARNESS_ID : undefined),
                async load(id) {
                  if (id !== RESOLVED_HARNESS_ID) return undefined;
                  if (this.environment.name === 'client') throw new Error(`${HARNESS_ID} is server-only; a client module imported it`);
                  const esbuild = await import('esbuild');
                  const { buildHarnessBundle } = await import('../runner/harness-bundle.ts');
                  return `export default ${JSON.stringify(await buildHarnessBundle(esbuild))};`;
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        clientDir = config.build.client;
      },
      'astro:build:done': async ({ logger }) => {
        if (clientDir === undefined) return;
        const hashes = await inlineScriptHashes(fileURLToPath(clientDir));
        // Replaces the adapter's _headers: ours carries the same immutable rule for /_astro/*.
        await writeFile(new URL('./_headers', clientDir), headersFile(hashes));
        logger.info(`wrote _headers (security headers, ${hashes.length} inline script hashes, immutable /_astro/*, application/wasm)`);
      },
    },
  };
}

/** The CSP sources for every inline script in the built pages (see inline-scripts.ts). */
async function inlineScriptHashes(clientDir: string): Promise<string[]> {
  const found: ReturnType<typeof hashesOf>[] = [];
  const entries = await readdir(clientDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    found.push(hashesOf(await readFile(`${entry.parentPath}/${entry.name}`, 'utf8')));
  }
  return scriptHashSources(found);
}
