/**
 * The editor contributions a learner uses, on top of Monaco's bare `editor.api`: completion,
 * hover, parameter hints, problems (F8), find, comments, multi-cursor, rename, the command
 * palette, Ctrl+M to move focus out with Tab, and the diff editor of "Show solution".
 *
 * Chosen instead of `features/register.all` because some of the rest ask Monaco's editor worker as
 * soon as a model opens (the unicode highlighter, link and colour detection): dropping them keeps that
 * worker (72 KB brotli) unloaded until the diff editor asks for it, and the exercise within its
 * byte budget before ready (3.54 → 3.47 MB brotli). Folding is left out too: its chevrons, drawn
 * invisible until hovered, made the page fetch the codicon font (66 KB brotli) before anything
 * visible used it, and a program of a few dozen lines has nothing worth folding. The others
 * dropped (sticky scroll, inlay hints, code lens, colour picker, inline completions, drag and
 * drop, GPU rendering…) are features this course's short programs never show.
 */
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/caretOperations/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/gotoSymbol/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/inlineProgress/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/quickCommand/register';
import 'monaco-editor/features/quickHelp/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/referenceSearch/register';
import 'monaco-editor/features/rename/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
// The suggest widget itself: register.all reached it only through inline completions.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/tokenization/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/wordPartOperations/register';
