import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * Indexes the built site with Pagefind right after `astro build`, so `npm run build` stays the one
 * build command. Only elements marked `data-pagefind-body` (the lesson articles) are indexed.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'kdc-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const outDir = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        await close();
        logger.info(`Pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}
