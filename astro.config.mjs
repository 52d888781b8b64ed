// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The top level of this repository is fixed, so static assets live in src/public.
export default defineConfig({
  publicDir: './src/public',
  integrations: [mdx()],
  server: { host: '127.0.0.1' },
});
