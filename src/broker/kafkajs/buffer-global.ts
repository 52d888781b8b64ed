/**
 * A declaration for the in-page editor, to add beside kafkajs.d.ts: learner code may use `Buffer`
 * without importing it (the sandbox installs the facade's Buffer as globalThis.Buffer when absent).
 * It lives in a string, not a .d.ts, because the project's type-check must keep Node's own Buffer.
 */
export const BUFFER_GLOBAL_DECLARATION = `declare var Buffer: typeof import('kafkajs').Buffer;\n`;
