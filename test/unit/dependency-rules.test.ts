/**
 * The layer rules in `.dependency-cruiser.mjs` (run by `npm test` as `test:deps`) are only worth
 * something if a wrong import fails them. This cruises a small throwaway tree laid out like `src/`,
 * with the project's own rules, and reads what `depcruise` says about each import.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = new URL('../..', import.meta.url).pathname;
const depcruise = join(projectRoot, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const rules = join(projectRoot, '.dependency-cruiser.mjs');

/** Each probe file, its imports, and the rule it must break (null: an import the layers allow). */
const probes: { file: string; imports: string[]; breaks: string | null }[] = [
  { file: 'src/runner/probe-cli.ts', imports: ['../cli/tool.ts'], breaks: 'runner-builds-only-on-shared' },
  { file: 'src/grading/probe-runner.ts', imports: ['../runner/engine.ts'], breaks: 'grading-builds-only-on-shared' },
  { file: 'src/broker/probe-grading.ts', imports: ['../grading/grade.ts'], breaks: 'broker-imports-nothing-of-ours' },
  { file: 'src/broker/probe-node.ts', imports: ['node:fs'], breaks: 'broker-uses-no-host-api' },
  { file: 'src/lessons-runtime/probe-site.ts', imports: ['../site/island.ts'], breaks: 'lessons-runtime-builds-only-on-shared' },
  { file: 'src/server/probe-components.ts', imports: ['../components/widget.ts'], breaks: 'server-builds-on-grading-and-runner' },
  { file: 'src/site/probe-build.ts', imports: ['../build/exercise-ids.ts'], breaks: 'runtime-code-does-not-import-build-code' },
  { file: 'src/site/probe-node.ts', imports: ['node:path'], breaks: 'browser-islands-use-no-node' },
  { file: 'src/grading/grade.ts', imports: ['../shared/protocol.ts', '../broker/engine.ts'], breaks: null },
  { file: 'src/site/island.ts', imports: ['../lessons-runtime/run.ts', '../components/widget.ts'], breaks: null },
];

/** Plain files the probes import, so every import resolves. */
const targets = ['src/cli/tool.ts', 'src/runner/engine.ts', 'src/broker/engine.ts', 'src/components/widget.ts',
  'src/build/exercise-ids.ts', 'src/shared/protocol.ts', 'src/lessons-runtime/run.ts'];

let report = '';
let exitCode = 0;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'kdc-layers-'));
  const write = (file: string, text: string): void => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true, module: 'preserve' } }));
  for (const file of targets) write(file, 'export const value = 1;\n');
  for (const probe of probes) write(probe.file, `${probe.imports.map((spec, i) => `import * as m${i} from '${spec}';`).join('\n')}\nexport const all = [${probe.imports.map((_, i) => `m${i}`).join(', ')}];\n`);
  try {
    ({ stdout: report } = await promisify(execFile)(process.execPath, [depcruise, 'src', '--config', rules, '--output-type', 'err'], { cwd: root }));
  } catch (error) {
    const failed = error as { stdout?: string; code?: number };
    report = failed.stdout ?? '';
    exitCode = failed.code ?? 1;
  }
}, 60_000);

describe('the dependency rules', () => {
  it('fail the run when an import crosses a layer the wrong way', () => {
    expect(exitCode).not.toBe(0);
    expect(report).toMatch(/\d+ dependency violations/);
  });

  for (const probe of probes.filter((p) => p.breaks !== null)) {
    it(`name ${probe.breaks} for ${probe.file} → ${probe.imports.join(', ')}`, () => {
      const [target] = probe.imports;
      const shown = target?.startsWith('node:') ? target.slice('node:'.length) : join(dirname(probe.file), target ?? '');
      expect(report).toContain(`${probe.breaks}: ${probe.file} → ${shown}`);
    });
  }

  it('let the imports the layers allow through', () => {
    for (const probe of probes.filter((p) => p.breaks === null)) expect(report).not.toContain(`: ${probe.file} →`);
  });
});
