import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newestMtime, siteIsFresh } from '../../../src/build/site-build.ts';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'kdc-site-'));
  for (const dir of ['src/a', 'content', 'exercises/e', 'dist']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ['src/a/x.ts', 'content/l.mdx', 'exercises/e/starter.ts', 'astro.config.mjs', 'package.json']) writeFileSync(join(root, file), '');
  return root;
}

const at = (root: string, file: string, seconds: number): void => utimesSync(join(root, file), seconds, seconds);

describe('siteIsFresh', () => {
  it('is false without a build, true when the build is newer than every source', () => {
    const root = project();
    expect(siteIsFresh(root)).toBe(false);
    writeFileSync(join(root, 'dist/index.html'), '');
    for (const path of ['src/a/x.ts', 'src/a', 'src', 'content/l.mdx', 'content', 'exercises/e/starter.ts', 'exercises/e', 'exercises', 'astro.config.mjs', 'package.json']) at(root, path, 1000);
    at(root, 'dist/index.html', 2000);
    expect(siteIsFresh(root)).toBe(true);
  });

  it('is false once any source, however deep, is newer than the build', () => {
    const root = project();
    writeFileSync(join(root, 'dist/index.html'), '');
    for (const path of ['src/a', 'src', 'content/l.mdx', 'content', 'exercises/e/starter.ts', 'exercises/e', 'exercises', 'astro.config.mjs', 'package.json']) at(root, path, 1000);
    at(root, 'dist/index.html', 2000);
    at(root, 'src/a/x.ts', 3000);
    expect(newestMtime(join(root, 'src'))).toBe(3_000_000);
    expect(siteIsFresh(root)).toBe(false);
  });
});
