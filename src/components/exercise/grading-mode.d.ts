/**
 * The build-time switch between in-page and server grading. The serverless build defines it as
 * "server" (see src/deploy/serverless-integration.ts); the static build leaves it undefined. Declared
 * here so the exercise client can read it with dot access, which is the form Vite's `define`
 * replaces textually — and so the bundler can drop the other backend's chunk.
 */
interface ImportMetaEnv {
  readonly PUBLIC_GRADING?: 'server' | undefined;
}
