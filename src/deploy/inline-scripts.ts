/**
 * The CSP sources that allow a built page's own inline scripts and nothing else: a hash of each
 * `<script>` body (Astro inlines small scripts; the layout has an is:inline theme script) and of each
 * inline event handler such as `onsubmit="return false"`, which CSP only allows by hash with
 * 'unsafe-hashes'. Shared by the serverless build (`_headers`) and the grade CLI's static server.
 */
import { createHash } from 'node:crypto';

const sha256 = (text: string): string => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const decodeAttribute = (value: string): string =>
  value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The hashes (written without quotes) of the inline scripts and of the inline handlers of `html`. */
export function inlineScriptHashes(html: string): { scripts: string[]; handlers: string[] } {
  const scripts = new Set<string>();
  const handlers = new Set<string>();
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const body = match[1] ?? '';
    if (body !== '') scripts.add(sha256(body));
  }
  for (const match of html.matchAll(/\son[a-z]+="([^"]*)"/g)) handlers.add(sha256(decodeAttribute(match[1] ?? '')));
  return { scripts: [...scripts], handlers: [...handlers] };
}

/** The script sources for `contentSecurityPolicy`: 'unsafe-hashes' first when there are handlers, then every hash, sorted. */
export function scriptHashSources(found: readonly { scripts: string[]; handlers: string[] }[]): string[] {
  const scripts = new Set(found.flatMap((entry) => entry.scripts));
  const handlers = new Set(found.flatMap((entry) => entry.handlers));
  return [...(handlers.size > 0 ? ['unsafe-hashes'] : []), ...[...scripts, ...handlers].sort()];
}
