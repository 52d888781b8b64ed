/**
 * The one interface the exercise controller edits code through: Monaco on desktop, the
 * server-rendered `<textarea>` before Monaco loads and on touch devices.
 */

/** A problem at a place in the learner's file; line and column are 1-based. */
export interface SourceMarker {
  line: number;
  column: number;
  message: string;
  /** Who reported it: our compile step, or Monaco's TypeScript service. */
  source?: 'compile' | 'typescript';
}

/** An editor the controller can read, write, mark and listen to. */
export interface EditorSurface {
  readonly kind: 'monaco' | 'textarea';
  getCode(): string;
  setCode(source: string): void;
  onChange(listener: (source: string) => void): void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRunShortcut(listener: () => void): void;
  setMarkers(markers: readonly SourceMarker[]): void;
  getMarkers(): SourceMarker[];
  /** Shows `solution` beside the learner's code (read-only) inside `host`, never replacing theirs. */
  showDiff(solution: string, host: HTMLElement): void;
  hideDiff(): void;
  focus(): void;
}
