import { readFileSync } from 'node:fs';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import * as esbuild from 'esbuild';
import { buildHarnessBundle } from '/work/main/src/runner/harness-bundle.ts';
import { runInQuickJS } from '/work/main/src/runner/quickjs-sandbox.ts';
import { createCompiler } from '/work/main/src/runner/compile.ts';
import { loadExercise } from '/work/main/src/grading/load-exercises.ts';
const [id, file, n] = process.argv.slice(2);
const ex = (await loadExercise(id!))!;
const c = await createCompiler(esbuild).compile(readFileSync(file!, 'utf8'));
if (!c.ok) throw new Error('compile');
const module = await newQuickJSWASMModuleFromVariant(variant);
const bundle = await buildHarnessBundle(esbuild);
for (let i = 0; i < Number(n ?? 1); i++) {
  try {
    const r = await runInQuickJS({ module, harnessBundle: bundle, timeLimitMs: 1500, now: () => Date.now(), onReleaseFailure: (m) => console.log('RELEASE FAILURE', m.slice(0, 80)) }, { code: c.code, map: c.map, driver: ex.checks.driver, runs: ex.checks.runs() });
    console.log(i, r.runs.length, r.sandboxError, r.runs.map((o) => (o.error?.kind ?? '-') + ':' + (o.error?.message ?? '').slice(0, 60)).slice(0, 6));
  } catch (e) { console.log(i, 'THREW', String(e).slice(0, 300)); }
}
