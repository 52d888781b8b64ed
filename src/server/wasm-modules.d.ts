// Vite + the Cloudflare plugin turn `.wasm?module` imports into compiled WebAssembly modules
// (wrangler's CompiledWasm rule); `virtual:kx-harness-bundle` is added by the serverless integration.
declare module '*.wasm?module' {
  const module: WebAssembly.Module;
  export default module;
}
declare module 'virtual:kx-harness-bundle' {
  /** The QuickJS harness IIFE (src/runner/quickjs-entry.ts and everything it imports). */
  const bundle: string;
  export default bundle;
}
