import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, headersFile, SANDBOX_WORKER_CONTENT_SECURITY_POLICY } from '../../../src/deploy/security-headers.ts';

describe('security headers', () => {
  it('keep learner code off the network and allow only what the runner needs', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({
      'connect-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval' blob:",
      'worker-src': "'self' blob:",
      'style-src': "'self' 'unsafe-inline'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline' 'unsafe-eval'");
  });

  it('allow inline scripts by hash only', () => {
    expect(contentSecurityPolicy(['sha256-abc', 'unsafe-hashes'])).toContain("script-src 'self' 'wasm-unsafe-eval' blob: 'sha256-abc' 'unsafe-hashes';");
  });

  it('write a _headers file with security headers everywhere and immutable hashed assets', () => {
    const file = headersFile(['sha256-abc']);
    expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: .*'sha256-abc'/m);
    expect(file).toContain('  X-Content-Type-Options: nosniff');
    expect(file).toContain('  Referrer-Policy: strict-origin-when-cross-origin');
    expect(file).toContain('  Permissions-Policy: ');
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(file).toContain('/*.wasm\n  Content-Type: application/wasm');
    // The sandbox Worker's script gets a second, stricter policy: both apply, so it has no network.
    expect(file).toContain(`/_astro/sandbox.worker-*\n  Content-Security-Policy: ${SANDBOX_WORKER_CONTENT_SECURITY_POLICY}`);
    expect(SANDBOX_WORKER_CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
  });
});
