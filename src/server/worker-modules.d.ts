// Modules only the Worker's bundler and runtime provide: Vite + the Cloudflare plugin turn `.wasm?module`
// imports into compiled WebAssembly modules (wrangler's CompiledWasm rule), the serverless integration
// adds `virtual:kx-harness-bundle`, and workerd itself provides `cloudflare:workers`.
declare module '*.wasm?module' {
  const module: WebAssembly.Module;
  export default module;
}
declare module 'virtual:kx-harness-bundle' {
  /** The QuickJS harness IIFE (src/runner/quickjs-entry.ts and everything it imports). */
  const bundle: string;
  export default bundle;
}
declare module 'cloudflare:workers' {
  /** The Worker's bindings (src/deploy/wrangler.jsonc); only the ones this code reads are typed here. */
  export const env: { GRADE_RATE_LIMITER?: import('./rate-limiter.ts').RateLimitBinding };
}
