/**
 * `defineChecks` types an exercise's hidden checks where they are written, as Astro's `defineConfig`
 * types a config: a misspelt field or a judge that returns the wrong shape is a type error in
 * `exercises/<id>/checks.ts` itself, and the editor completes every field.
 *
 * ```ts
 * export const checks = defineChecks({
 *   driver: 'producer',
 *   runs: () => [...],
 *   judge: (run) => judgeDelivery(run, { producesTo: 'orders' }),
 * });
 * ```
 */
import type { ExerciseChecks } from './checks-types.ts';

/** Returns `checks` unchanged; it exists for the type it gives them. */
export function defineChecks(checks: ExerciseChecks): ExerciseChecks {
  return checks;
}
