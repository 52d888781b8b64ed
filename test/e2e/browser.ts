// Shared with the grade CLI's browser engine, which needs the same launch options from src/.
export { chromiumLaunchOptions } from '../../src/cli/chromium.ts';
