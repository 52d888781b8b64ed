/**
 * Bytes of JavaScript and CSS each built page ships before any interaction: the scripts and
 * stylesheets it references (inline and external), raw and gzip-compressed. Lazily imported chunks
 * (the cluster, Monaco) are not counted — they load only when an island comes into view.
 *
 *   node src/build/page-weight.ts [dist]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Raw and gzip sizes of one kind of asset on one page. */
export interface Weight { raw: number; gzip: number }

/** What one page ships up front. */
export interface PageWeight { page: string; js: Weight; css: Weight }

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function weigh(chunks: readonly string[]): Weight {
  const text = chunks.join('\n');
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text).length };
}

/** A script and the chunks it imports statically (dynamic `import()`s are lazy, so not followed). */
function withStaticImports(dist: string, file: string, seen: Set<string>): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  const imports = [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => `/_astro/${m[1]}`);
  return [code, ...imports.flatMap((next) => withStaticImports(dist, next, seen))];
}

/** Weighs one built HTML page against the files in `dist`. */
export function pageWeight(dist: string, file: string): PageWeight {
  const html = readFileSync(file, 'utf8');
  const external = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => readFileSync(join(dist, m[1] ?? ''), 'utf8'));
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  const inlineStyles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
  return {
    page: '/' + relative(dist, file).replace(/index\.html$/, ''),
    js: weigh([...inlineScripts, ...[...html.matchAll(/<script[^>]*\bsrc="(\/_astro\/[^"]+\.js)"/g)].flatMap((m) => withStaticImports(dist, m[1] ?? '', seen))]),
    css: weigh([...inlineStyles, ...external(/<link[^>]*rel="stylesheet"[^>]*href="(\/_astro\/[^"]+\.css)"/g), ...external(/<link[^>]*href="(\/_astro\/[^"]+\.css)"[^>]*rel="stylesheet"/g)]),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const file of htmlFiles(dist).sort()) {
    const w = pageWeight(dist, file);
    console.log(`${w.page.padEnd(48)} JS ${kb(w.js.raw)} (${kb(w.js.gzip)} gz)  CSS ${kb(w.css.raw)} (${kb(w.css.gzip)} gz)`);
  }
}
