// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { pagefindIntegration } from './src/site/pagefind-integration.ts';
import { monacoLazyCss } from './src/components/exercise/monaco-lazy-css.ts';
import { serverlessOptions } from './src/deploy/serverless-options.ts';

// DEPLOY_TARGET=cloudflare (npm run build:serverless) adds the Worker adapter and /api/grade; see README, Deploy.
const serverless = await serverlessOptions(process.env);

// The top level of this repository is fixed, so static assets live in src/public.
export default defineConfig({
  publicDir: './src/public',
  integrations: [mdx(), pagefindIntegration(), ...serverless.integrations],
  ...serverless.settings,
  server: { host: '127.0.0.1' },
  // Monaco's CSS travels inside its lazily loaded chunk instead of blocking every exercise page.
  vite: { plugins: [monacoLazyCss()] },
  // Code is highlighted at build time; both themes are emitted as CSS variables so the
  // light/dark toggle switches them without JavaScript.
  markdown: {
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: 'light' },
  },
});
