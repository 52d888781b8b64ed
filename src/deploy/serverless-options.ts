import type { AstroIntegration, AstroUserConfig } from 'astro';
import { serverlessIntegration } from './serverless-integration.ts';

/** The environment variable that switches `astro build` to the serverless target. */
export const DEPLOY_TARGET_VARIABLE = 'DEPLOY_TARGET';
/** Its value for Cloudflare Workers (the only serverless target so far). */
export const CLOUDFLARE_TARGET = 'cloudflare';
/** Where the serverless build goes, beside (never over) the static build's dist/. */
export const SERVERLESS_OUT_DIR = './dist-serverless';
/** The wrangler config kept in the repo; the adapter derives the deployable one from it. */
export const WRANGLER_CONFIG = './src/deploy/wrangler.jsonc';

export interface ServerlessOptions {
  /** Added after the site's own integrations. */
  integrations: AstroIntegration[];
  /** Spread into the Astro config: the adapter and the output folder. */
  settings: Pick<AstroUserConfig, 'adapter' | 'outDir' | 'session'>;
}

/**
 * What `astro.config.mjs` adds for the serverless target, or nothing for the default static build.
 * The adapter is imported only when it is used, so the static build never loads wrangler's toolchain.
 */
export async function serverlessOptions(env: Record<string, string | undefined>): Promise<ServerlessOptions> {
  if (env[DEPLOY_TARGET_VARIABLE] !== CLOUDFLARE_TARGET) return { integrations: [], settings: {} };
  const { default: cloudflare } = await import('@astrojs/cloudflare');
  return {
    // Pages prerender in Node like the static build (they read exercise files at build time);
    // only /api/grade runs in the Worker.
    integrations: [serverlessIntegration()],
    settings: {
      // No images are transformed and no sessions are kept: without these two options the adapter
      // would ask Cloudflare for an Images binding and a KV namespace the course never uses.
      adapter: cloudflare({ configPath: WRANGLER_CONFIG, prerenderEnvironment: 'node', imageService: 'passthrough' }),
      session: false,
      outDir: SERVERLESS_OUT_DIR,
    },
  };
}
