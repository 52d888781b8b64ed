import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Playwright's own Chromium when it is installed; otherwise Debian's, because Playwright's
 * browser download is refused on machines with only the npm registry and Debian packages.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const bundled = safeExecutablePath();
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (bundled && existsSync(bundled)) return { args };
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return { executablePath: candidate, args };
  }
  return { args };
}

function safeExecutablePath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
