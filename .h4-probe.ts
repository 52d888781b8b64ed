import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '/work/main/src/cli/chromium.ts';
import { serveStatic } from '/work/main/src/cli/static-server.ts';
import { readFileSync } from 'node:fs';
const server = await serveStatic('/work/main/dist');
const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
const page = await browser.newPage();
page.on('console', (m) => console.log('page:', m.text()));
await page.goto(server.url + '/exercises/orders-four-steps/');
await page.locator('[data-state="ready"]').waitFor({ state: 'attached', timeout: 60000 });
const sol = readFileSync('/work/main/exercises/orders-four-steps/solution.ts', 'utf8');
const r = await page.evaluate(async (code) => {
  const hook = window.courseExercises!['orders-four-steps']!;
  hook.setCode(code);
  await hook.check();
  const out: number[] = [];
  for (let i = 0; i < 5; i++) { await new Promise((r) => setTimeout(r, 300)); const t = performance.now(); await hook.check(); out.push(performance.now() - t); console.log(JSON.stringify(performance.getEntriesByType('measure').slice(-2).map(m => [m.name, Math.round(m.duration)]))); }
  return out;
}, sol);
console.log(r);
await browser.close(); await server.close();
