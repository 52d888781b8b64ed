/**
 * The learner's wrapped module as the text of an ES module whose default export is the module
 * function, laid out so that every line and column in it is where `wrapModule` put it: the harness
 * maps stack positions back to the learner's TypeScript assuming `WRAPPER_PREFIX` on line 1.
 *
 * A module is strict already, so the prefix's `'use strict'` can go; what remains is padded with
 * spaces to the prefix's exact length.
 */
import { MODULE_PARAMETERS, WRAPPER_PREFIX } from '../wrap-module.ts';

const HEAD = `export default function (${MODULE_PARAMETERS.join(',')}) {`;

/** The ES module text for `wrapped` (an output of `wrapModule`). Throws if it is not one. */
export function toBlobModule(wrapped: string): string {
  if (!wrapped.startsWith(WRAPPER_PREFIX) || !wrapped.endsWith('})')) {
    throw new Error('the sandbox was given code that wrapModule did not produce');
  }
  if (HEAD.length > WRAPPER_PREFIX.length) throw new Error('the module head no longer fits in WRAPPER_PREFIX');
  return HEAD.padEnd(WRAPPER_PREFIX.length, ' ') + wrapped.slice(WRAPPER_PREFIX.length, -2) + '}';
}
