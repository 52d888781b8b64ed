/**
 * Monaco, set up for one exercise. This module is only ever reached through a dynamic `import()`
 * from the exercise's client script, so none of Monaco (code, CSS, workers) loads before the
 * exercise comes into view or is touched.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import './monaco-features.ts';
import 'monaco-editor/languages/definitions/typescript/register';
import { typescriptDefaults, ModuleKind, ModuleResolutionKind, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { BUFFER_GLOBAL_DECLARATION } from '../../broker/kafkajs/buffer-global.ts';
// The facade's declarations as text: an ambient `declare module 'kafkajs'`, so the learner's import resolves.
import KAFKAJS_DECLARATION from '../../broker/kafkajs/kafkajs.d.ts?raw';
import { PAGE_FILE_NAME } from '../../backend/exercise-backend.ts';
import type { EditorSurface, SourceMarker } from './editor-surface.ts';

// Monaco asks for its workers by label; without this Vite inlines them as data: URLs that fail.
(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id: string, label: string): Worker =>
    label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker(),
};

let languagePrepared = false;

/** The site's theme (`<html data-theme>`, set by the theme toggle), else the system's. */
function isDark(): boolean {
  const theme = document.documentElement.dataset['theme'];
  if (theme !== undefined) return theme === 'dark';
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

// Follow the site's theme toggle; Monaco's theme is global, so one observer serves every editor.
new MutationObserver(() => monaco.editor.setTheme(isDark() ? 'vs-dark' : 'vs')).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ['data-theme'],
});

/** Compiler options and the `kafkajs` module declaration, shared by every editor on the page. */
function prepareLanguage(): void {
  if (languagePrepared) return;
  languagePrepared = true;
  typescriptDefaults.setCompilerOptions({
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    lib: ['es2022'],
    // Every model is a module (TypeScript's ModuleDetectionKind.Force), so a script exercise's
    // top-level names do not collide with the same names in the solution's diff models.
    ...({ moduleDetection: 3 } as object),
  });
  typescriptDefaults.addExtraLib(KAFKAJS_DECLARATION, 'file:///node_modules/@types/kafkajs/index.d.ts');
  // The sandbox provides the facade's Buffer as a global, as Node would.
  typescriptDefaults.addExtraLib(BUFFER_GLOBAL_DECLARATION, 'file:///sandbox-buffer.d.ts');
  // The learner's program only has the console; no DOM, no Node.
  typescriptDefaults.addExtraLib(
    'declare const console: { log(...data: unknown[]): void; error(...data: unknown[]): void; warn(...data: unknown[]): void; info(...data: unknown[]): void };',
    'file:///sandbox-globals.d.ts',
  );
}

/** Options of the learner's editor. */
export interface MonacoEditorOptions {
  /** Accessible label of the editing area. */
  ariaLabel: string;
}

/** Creates Monaco in `container` holding `code`; resolves once the editor and its language are up. */
export async function createMonacoEditor(
  container: HTMLElement,
  exerciseId: string,
  code: string,
  options: MonacoEditorOptions,
): Promise<EditorSurface> {
  prepareLanguage();
  const dark = isDark();
  const model = monaco.editor.createModel(code, 'typescript', monaco.Uri.parse(`file:///exercises/${exerciseId}/${PAGE_FILE_NAME}`));
  const editor = monaco.editor.create(container, {
    model,
    theme: dark ? 'vs-dark' : 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    // No folding contribution is loaded (see monaco-features.ts): give its gutter column to the code.
    folding: false,
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 2,
    ariaLabel: options.ariaLabel,
    // Tab moves focus out of the editor for keyboard users who turn this on with Ctrl+M.
    tabFocusMode: false,
  });
  let diff: monaco.editor.IStandaloneDiffEditor | undefined;
  let diffHost: HTMLElement | undefined;

  return {
    kind: 'monaco',
    getCode: () => model.getValue(),
    setCode: (source) => {
      if (model.getValue() !== source) model.setValue(source);
    },
    onChange: (listener) => {
      model.onDidChangeContent(() => listener(model.getValue()));
    },
    onRunShortcut: (listener) => {
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, listener);
    },
    setMarkers: (markers: readonly SourceMarker[]) => {
      monaco.editor.setModelMarkers(
        model,
        'kdc-compile',
        markers.map((m) => ({
          severity: monaco.MarkerSeverity.Error,
          message: m.message,
          startLineNumber: m.line,
          startColumn: m.column,
          endLineNumber: m.line,
          endColumn: Math.max(m.column + 1, model.getLineMaxColumn(Math.min(m.line, model.getLineCount()))),
        })),
      );
    },
    getMarkers: () =>
      monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
        line: m.startLineNumber,
        column: m.startColumn,
        message: m.message,
        source: m.owner === 'kdc-compile' ? 'compile' : 'typescript',
      })),
    showDiff: (solution, host) => {
      diff?.dispose();
      diffHost = host;
      const original = monaco.editor.createModel(model.getValue(), 'typescript');
      const modified = monaco.editor.createModel(solution, 'typescript');
      diff = monaco.editor.createDiffEditor(host, {
        readOnly: true,
        originalEditable: false,
        automaticLayout: true,
        renderSideBySide: true,
        minimap: { enabled: false },
        theme: isDark() ? 'vs-dark' : 'vs',
      });
      diff.setModel({ original, modified });
    },
    hideDiff: () => {
      const models = diff?.getModel();
      diff?.dispose();
      models?.original.dispose();
      models?.modified.dispose();
      diff = undefined;
      if (diffHost) diffHost.replaceChildren();
    },
    focus: () => editor.focus(),
  };
}
