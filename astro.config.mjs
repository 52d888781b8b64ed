// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { pagefindIntegration } from './src/build/pagefind-integration.ts';
import { monacoLazyCss } from './src/build/monaco-lazy-css.ts';
import { serverlessOptions } from './src/deploy/serverless-options.ts';
import { exerciseMetaPlugin } from './src/build/exercise-meta-plugin.ts';
import { lessonComponentsPlugin } from './src/build/lesson-components.ts';

// DEPLOY_TARGET=cloudflare (npm run build:serverless) adds the Worker adapter and /api/grade; see README, Deploy.
const serverless = await serverlessOptions(process.env);

// The top level of this repository is fixed, so static assets live in src/public.
export default defineConfig({
  publicDir: './src/public',
  integrations: [mdx(), pagefindIntegration(), ...serverless.integrations],
  ...serverless.settings,
  server: { host: '127.0.0.1' },
  // A Content-Security-Policy <meta> in every page, with hashes of the pages' inline scripts, for hosts
  // that send no headers (the static build). It matches src/deploy/security-headers.ts: scripts only
  // from this origin and blob: (learner modules), WebAssembly for esbuild-wasm, workers from this origin
  // and blob:, requests only to this origin. The search form's `onsubmit="return false"` is allowed by
  // its hash. (A <meta> policy cannot set frame-ancestors; the sandbox Worker gets its own policy from
  // the server that sends it, see src/cli/static-server.ts.)
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'", 'blob:', "'unsafe-hashes'"],
        hashes: ['sha256-GZIcz60Uwd6wT3vaYke/atSr53TehbYAPepOa3d03Vw='],
      },
      // Monaco and Astro's scoped styles inject inline styles.
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  // The page styles travel inside each page: no round trip for a render-blocking stylesheet before
  // the first paint (a phone on a slow network waited ~0.3 s for it). They are 7–9 KB compressed.
  build: { inlineStylesheets: 'always' },
  // Monaco's CSS travels inside its lazily loaded chunk instead of blocking every exercise page.
  // Lessons use the components of src/build/lesson-components.ts without importing them; exercise.md
  // files reach bundles as validated JSON (src/build/exercise-meta-plugin.ts).
  vite: { plugins: [monacoLazyCss(), lessonComponentsPlugin(), exerciseMetaPlugin()] },
  // Code is highlighted at build time; both themes are emitted as CSS variables so the
  // light/dark toggle switches them without JavaScript.
  markdown: {
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: 'light' },
  },
});
