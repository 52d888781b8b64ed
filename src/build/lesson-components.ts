/**
 * The components a lesson may use in its MDX without importing them, as Starlight offers `Aside` and
 * `Tabs`, and the Vite plugin that makes it so (registered in astro.config.mjs). For each lesson the
 * plugin adds an import of exactly the components its tags use — as a hand-written import did — so a
 * page still ships only the styles and scripts of what it shows. (Astro 7's default MDX processor runs
 * no remark plugins, so this works on the source, before MDX compiles it.) A capitalised tag that is
 * neither listed here nor defined by the lesson (an `import` or `export` of its own) stops the build
 * with `<file>:<line>: <Calout>: unknown component — use one of …`, where MDX would fail only at render,
 * naming neither the file nor the components there are.
 *
 * To make a new component available to lessons, add it here and give it a line in README's table.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin } from 'vite';

/** Tag name → file under src/components/. */
export const LESSON_COMPONENTS: Readonly<Record<string, string>> = {
  AtLeastOnceSteps: 'AtLeastOnceSteps.astro',
  Callout: 'Callout.astro',
  DeliverySimulator: 'DeliverySimulator.astro',
  Exercise: 'Exercise.astro',
  FlowDiagram: 'FlowDiagram.astro',
  IdempotenceTimeline: 'IdempotenceTimeline.astro',
  KafkaConsole: 'KafkaConsole.astro',
  PredictThenRun: 'PredictThenRun.astro',
  Quiz: 'Quiz.astro',
  RunInConsole: 'RunInConsole.astro',
  SimulatorPresets: 'SimulatorPresets.astro',
  StepThrough: 'StepThrough.astro',
  TabItem: 'TabItem.astro',
  Tabs: 'Tabs.astro',
  VisualBreakdownSteps: 'VisualBreakdownSteps.astro',
};

const COMPONENTS_DIR = new URL('../components/', import.meta.url);
// Astro gives every MDX file `Fragment`.
const ALWAYS_DEFINED = ['Fragment'];
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/;
// Code is text, not tags: fenced blocks and inline code spans are blanked before tags are looked for.
const FENCED_CODE = /^(```+|~~~+)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;
const INLINE_CODE = /(`+)[^`\n][\s\S]*?\1/g;
const COMPONENT_TAG = /<([A-Z][A-Za-z0-9_]*)[\s/>]/g;
const IMPORTED_NAMES = /^import\s+([\s\S]*?)\s+from\s+['"][^'"]+['"];?[ \t]*$/gm;
const EXPORTED_NAMES = /^export\s+(?:const|let|function|class)\s+([A-Za-z_$][\w$]*)/gm;

/** Every capitalised tag of an MDX source outside code, with its line in the file. */
function componentTags(source: string): { name: string; line: number }[] {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  const prose = source.replace(FRONT_MATTER, blank).replace(FENCED_CODE, blank).replace(INLINE_CODE, blank);
  return [...prose.matchAll(COMPONENT_TAG)].map((match) => ({ name: match[1] ?? '', line: prose.slice(0, match.index).split('\n').length }));
}

/** Names a lesson defines itself: its imports (`import X`, `import { A, B as C }`) and its exports. */
function definedNames(source: string): Set<string> {
  const names = new Set(ALWAYS_DEFINED);
  for (const [, clause = ''] of source.matchAll(IMPORTED_NAMES)) {
    for (const part of clause.replace(/[{}]/g, ',').split(',')) {
      const name = part.trim().split(/\s+as\s+/).at(-1)?.trim();
      if (name) names.add(name);
    }
  }
  for (const [, name = ''] of source.matchAll(EXPORTED_NAMES)) names.add(name);
  return names;
}

/**
 * The lesson's MDX with imports of the lesson components it uses appended (at the end, so every line
 * keeps its number in MDX's own messages); throws one line per unknown tag, naming `file`.
 */
export function withLessonComponents(source: string, file: string): string {
  const defined = definedNames(source);
  const tags = componentTags(source).filter(({ name }) => !defined.has(name));
  const unknown = tags.filter(({ name }) => !(name in LESSON_COMPONENTS));
  if (unknown.length > 0) {
    const available = Object.keys(LESSON_COMPONENTS).join(', ');
    throw new Error(unknown.map(({ name, line }) => `${file}:${line}: <${name}>: unknown component — use one of ${available} (src/build/lesson-components.ts), or import it in the lesson`).join('\n'));
  }
  const used = [...new Set(tags.map(({ name }) => name))].sort();
  if (used.length === 0) return source;
  const imports = used.map((name) => `import ${name} from ${JSON.stringify(new URL(LESSON_COMPONENTS[name] ?? '', COMPONENTS_DIR).pathname)};`);
  return `${source.replace(/\s*$/, '')}\n\n${imports.join('\n')}\n`;
}

/** Serves every lesson (`content/lessons/*.mdx`) to the MDX compiler with its component imports. */
export function lessonComponentsPlugin(): Plugin {
  return {
    name: 'kdc:lesson-components',
    // A load hook runs before every transform, the MDX compiler's included.
    enforce: 'pre',
    load(id) {
      if (!/\/content\/lessons\/[^/]+\.mdx$/.test(id)) return undefined;
      this.addWatchFile(id);
      return { code: withLessonComponents(readFileSync(id, 'utf8'), relative(process.cwd(), id)), map: null };
    },
  };
}
