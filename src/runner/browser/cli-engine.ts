/**
 * Where `src/cli/engines.ts` looks for the browser grading engine. The engine is a Node program
 * (it drives Chromium), so it lives in `src/cli/browser-engine.ts`; this re-exports it.
 */
export { createBrowserEngine } from '../../cli/browser-engine.ts';
