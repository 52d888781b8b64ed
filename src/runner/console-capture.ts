/**
 * A `console` for learner code that records lines instead of printing them, within a cap, so a
 * submission that prints in a loop cannot flood the host or the report.
 */
import { formatConsoleArgument } from '../shared/format-value.ts';

export interface CapturedConsole {
  /** The object handed to the learner's module as `console`. */
  console: Record<string, (...args: unknown[]) => void>;
  /** The lines recorded so far (the last one says how much was dropped, if anything was). */
  lines(): string[];
}

export function captureConsole(maxLines = 200, maxBytes = 20_000): CapturedConsole {
  const lines: string[] = [];
  let bytes = 0;
  let dropped = 0;
  const record = (prefix: string) => (...args: unknown[]): void => {
    if (lines.length >= maxLines || bytes >= maxBytes) {
      // Full: count without formatting, so a print loop costs as little as possible.
      dropped++;
      return;
    }
    let text: string;
    try {
      text = prefix + args.map(formatConsoleArgument).join(' ');
    } catch {
      text = `${prefix}[unprintable value]`;
    }
    if (lines.length >= maxLines || bytes + text.length > maxBytes) {
      dropped++;
      return;
    }
    lines.push(text);
    bytes += text.length;
  };
  const log = record('');
  const console = Object.freeze({
    log,
    info: log,
    debug: log,
    trace: log,
    warn: record('warn: '),
    error: record('error: '),
    table: log,
    dir: log,
  });
  return {
    console,
    lines: () => (dropped === 0 ? [...lines] : [...lines, `… ${dropped} more console line(s) not shown`]),
  };
}
