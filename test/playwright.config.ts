import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/browser.ts';

const port = Number(process.env['E2E_PORT'] ?? 4329);

export default defineConfig({
  testDir: './e2e',
  workers: 1,
  retries: 0,
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
