import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Vite plugin: Monaco's modules import ~120 small `.css` files. Left to Vite, Astro hoists all of
 * them into the head of every page with an exercise as render-blocking `<link>`s (~28 KB gzip)
 * although Monaco itself is only imported when the exercise comes into view. This plugin turns each
 * of those imports into a tiny JS module that inserts the rules as a `<style>` when it runs, so the
 * CSS travels inside Monaco's lazily loaded chunk and costs nothing before then.
 *
 * Relative `url(...)` references (the codicon font) become imported asset URLs, so Vite still
 * fingerprints and emits them.
 */
export function monacoLazyCss(): Plugin {
  const prefix = '\0monaco-lazy-css:';
  return {
    name: 'kdc:monaco-lazy-css',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !source.endsWith('.css') || !importer.includes('/monaco-editor/')) return null;
      // The `.js` suffix keeps Vite's own CSS pipeline from claiming the id.
      return prefix + resolve(dirname(importer), source) + '.js';
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const file = id.slice(prefix.length, -'.js'.length);
      const css = readFileSync(file, 'utf8');
      const imports: string[] = [];
      // Split the CSS around relative url(...)s so each can be replaced by a fingerprinted asset URL.
      const parts: string[] = [];
      let last = 0;
      for (const match of css.matchAll(/url\(\s*(["']?)(\.{1,2}\/[^"')]+)\1\s*\)/g)) {
        const name = `asset${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(resolve(dirname(file), match[2] ?? '') + '?url')};`);
        parts.push(JSON.stringify(css.slice(last, match.index)), `"url(" + JSON.stringify(${name}) + ")"`);
        last = match.index + match[0].length;
      }
      parts.push(JSON.stringify(css.slice(last)));
      return [
        ...imports,
        'const style = document.createElement("style");',
        `style.dataset.monaco = ${JSON.stringify(file.slice(file.lastIndexOf('/monaco-editor/') + 15))};`,
        `style.textContent = ${parts.join(' + ')};`,
        'document.head.append(style);',
      ].join('\n');
    },
  };
}
