import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser.ts';

const port = Number(process.env['E2E_PORT'] ?? 4329);

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  retries: 0,
  // axe takes 10–15 s a page when the machine is shared and busy; 30 s (the default) timed out
  // clean pages. A limit, not an assertion: a fast machine finishes as quickly as before.
  timeout: 120_000,
  reporter: process.env['CI'] ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
