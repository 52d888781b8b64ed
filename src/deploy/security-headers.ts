/**
 * The security headers of the serverless deploy, in one place: the build writes them into `_headers`
 * for every static file, and the grading endpoint sets them on its own responses.
 *
 * The CSP is the one the in-page runner needs and no wider: scripts only from this origin, WebAssembly
 * compilation for esbuild-wasm, blob: workers for the sandbox and esbuild, and `connect-src 'self'`
 * so learner code running in a Worker cannot reach any other host.
 */

/**
 * Content-Security-Policy for every response. `scriptHashes` ('sha256-…', with 'unsafe-hashes' for
 * inline event handlers; written without quotes) allow the pages' own inline
 * scripts (theme, Astro's tiny hoisted scripts) by content, never inline scripts in general.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
  "default-src 'self'",
  ["script-src 'self' 'wasm-unsafe-eval' blob:", ...scriptHashes.map((hash) => `'${hash}'`)].join(' '),
  "worker-src 'self' blob:",
  "connect-src 'self'",
  // Monaco and Astro's scoped styles inject inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The policy of the sandbox Worker's script. A dedicated Worker takes its policy from its own
 * response, not from the page: learner code runs there, so it may load the harness's chunks and the
 * learner's blob: module, and reach nothing else — no fetch, no WebSocket, no fonts, no images.
 */
export const SANDBOX_WORKER_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' blob:; connect-src 'none'";

/** True for the URL path of the sandbox Worker's built script (`/_astro/sandbox.worker-<hash>.js`). */
export const isSandboxWorkerPath = (path: string): boolean => /\/sandbox\.worker-[^/]*\.js$/.test(path);

/** The policy of responses that are not pages (the endpoints' JSON): no inline script to allow. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers every response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Hashed build output never changes under its name, so browsers may keep it for a year. */
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/**
 * The `_headers` file Cloudflare's static assets honour: security headers everywhere, immutable
 * caching for Astro's hashed `/_astro/*` files, and an explicit wasm type (compressed by the edge).
 */
export function headersFile(scriptHashes: readonly string[] = []): string {
  const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(scriptHashes) };
  const all = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return [
    '# Generated from src/deploy/security-headers.ts by the serverless build.',
    '/*',
    ...all,
    '',
    '/_astro/*',
    `  Cache-Control: ${IMMUTABLE_CACHE}`,
    '',
    '/*.wasm',
    '  Content-Type: application/wasm',
    '',
    // A second CSP header on the Worker's script: both policies apply, so the stricter one wins.
    '/_astro/sandbox.worker-*',
    `  Content-Security-Policy: ${SANDBOX_WORKER_CONTENT_SECURITY_POLICY}`,
    '',
  ].join('\n');
}
