/**
 * Builds the code that runs inside QuickJS — the harness, the drivers and the simulated cluster — into
 * one IIFE string. Node-side (it reads files), used by the Node engine at first use and by any build
 * step that needs the bundle as a file (the serverless function).
 */
import type { BuildOptions, BuildResult } from 'esbuild';

/** The esbuild function used; native `esbuild` provides it. */
export interface EsbuildBuildApi {
  build(options: BuildOptions & { write: false }): Promise<BuildResult & { outputFiles: { text: string }[] }>;
}

/** Absolute path of the QuickJS entry point. */
const QUICKJS_ENTRY = new URL('./quickjs-entry.ts', import.meta.url).pathname;

/** Bundles `quickjs-entry.ts` and everything it imports into one script for QuickJS. */
export async function buildHarnessBundle(esbuild: EsbuildBuildApi): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [QUICKJS_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2020',
    // QuickJS has no `process`; the cluster must not depend on it, and nothing else should either.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no harness bundle');
  return output.text;
}
