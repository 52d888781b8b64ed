/**
 * Evaluates the learner's compiled module once, as a fresh CommonJS module, with a `require` that only
 * knows 'kafkajs' and a captured console; and turns what it throws into a `RunError` at the learner's
 * TypeScript line.
 */
import type { RunError, SandboxHost } from '../shared/sandbox-protocol.ts';
import { originalPosition, type DecodedMappings } from './source-map.ts';
import { learnerFrame } from './stack-position.ts';
import { unwrapPosition, wrapModule } from './wrap-module.ts';

export interface LoadOptions {
  /** What `require('kafkajs')` returns; undefined when the exercise has no cluster. */
  kafkajs: unknown;
  console: unknown;
  /** Top-level names whose values the module hands back after its body ran. */
  observe?: readonly string[];
}

export interface LoadedLearnerModule {
  exports: unknown;
  /** Reads the observed top-level names now (they may change after the body ran, e.g. in timers). */
  observed(): Record<string, unknown>;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The learner's module, compiled and turned into a function: each `instantiate` is a fresh evaluation. */
export interface LearnerModuleFactory {
  /** Runs the module's body in a new module scope (new closures, new top-level state); throws what the body throws. */
  instantiate(options: LoadOptions): LoadedLearnerModule;
}

/**
 * Turns the compiled module into its factory. Asynchronous because a host may need to be (a Worker turns
 * text into code only by importing it); instantiating is synchronous, so a process of the program starts
 * at a definite point of the run, whichever engine runs it.
 */
export async function prepareLearnerModule(host: SandboxHost, code: string, observe: readonly string[] = []): Promise<LearnerModuleFactory> {
  const names = observe.filter((name) => IDENTIFIER.test(name));
  // `typeof` keeps an undeclared name from throwing; the getter is called after the body has run.
  const epilogue =
    names.length === 0
      ? ''
      : `__kx_observe(function () { return { ${names.map((n) => `${JSON.stringify(n)}: typeof ${n} === "undefined" ? undefined : ${n}`).join(', ')} }; });`;
  const evaluated = host.evaluate(wrapModule(code, epilogue));
  const factory = evaluated instanceof Promise ? await evaluated : evaluated;
  if (typeof factory !== 'function') throw new Error('the sandbox host did not return a module function');
  return { instantiate: (options) => instantiate(factory as (...args: unknown[]) => unknown, options) };
}

/** Evaluates the module once; rejects with whatever the module's body throws. */
export async function loadLearnerModule(host: SandboxHost, code: string, options: LoadOptions): Promise<LoadedLearnerModule> {
  return (await prepareLearnerModule(host, code, options.observe)).instantiate(options);
}

function instantiate(factory: (...args: unknown[]) => unknown, options: LoadOptions): LoadedLearnerModule {
  const module = { exports: {} as unknown };
  let getter: (() => unknown) | undefined;
  const require = (specifier: unknown): unknown => {
    if (specifier === 'kafkajs' && options.kafkajs !== undefined) return options.kafkajs;
    throw new Error(`Cannot find module '${String(specifier)}': only 'kafkajs' can be imported here`);
  };
  const observe = (read: unknown): void => {
    if (typeof read === 'function') getter = read as () => unknown;
  };
  factory(module.exports, Object.freeze(require), module, options.console, observe);
  return {
    exports: module.exports,
    observed() {
      if (getter === undefined) return {};
      const values = getter();
      return typeof values === 'object' && values !== null ? copyPlain(values as Record<string, unknown>) : {};
    },
  };
}

/** Copies observed values as JSON, so later mutation (or a hostile getter) cannot change what was recorded. */
function copyPlain(values: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(values)) {
    try {
      const json = JSON.stringify(values[key]);
      copy[key] = json === undefined ? undefined : (JSON.parse(json) as unknown);
    } catch {
      copy[key] = '[value that cannot be copied]';
    }
  }
  return copy;
}

/** Longest error name and message kept: a multi-megabyte message must not flood the report. */
const MAX_ERROR_NAME = 100;
const MAX_ERROR_MESSAGE = 2000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** Describes a thrown value as a runtime error, positioned in the learner's TypeScript when the stack allows. */
export function toRunError(thrown: unknown, host: SandboxHost, mappings: DecodedMappings | undefined): RunError {
  const error = describeThrown(thrown, host, mappings);
  error.name = clip(error.name, MAX_ERROR_NAME);
  error.message = clip(error.message, MAX_ERROR_MESSAGE);
  return error;
}

function describeThrown(thrown: unknown, host: SandboxHost, mappings: DecodedMappings | undefined): RunError {
  const error: RunError = { kind: 'runtime', name: 'Error', message: '' };
  if ((typeof thrown === 'object' && thrown !== null) || typeof thrown === 'function') {
    const fields = thrown as { name?: unknown; message?: unknown; stack?: unknown };
    try {
      error.name = typeof fields.name === 'string' ? fields.name : 'Error';
      error.message = typeof fields.message === 'string' ? fields.message : 'the program threw a non-Error object';
      const frame = learnerFrame(fields.stack, host.learnerFileName);
      if (frame !== undefined) {
        const compiled = unwrapPosition(frame.line, frame.column);
        const original = mappings === undefined ? undefined : originalPosition(mappings, compiled.line, compiled.column);
        if (original !== undefined) {
          error.line = original.line;
          error.column = original.column;
        }
      }
    } catch {
      error.message = 'the program threw a value that cannot be described';
    }
  } else {
    error.name = 'Thrown value';
    try {
      error.message = `the program threw ${JSON.stringify(thrown) ?? String(thrown)}`;
    } catch {
      error.message = 'the program threw a value that cannot be described';
    }
  }
  return error;
}
