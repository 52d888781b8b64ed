/** How an error raised inside one run is shown in a report. */
import type { RunError } from '../shared/sandbox-protocol.ts';
import type { GradeError } from '../schemas/grade-report.ts';

/**
 * The report's form of a run's error: the error's name is prefixed to its message unless the message
 * already starts with it (so a learner sees "TypeError: …" once, never twice), positions kept when known.
 */
export function gradeErrorOf({ kind, name, message, line, column }: RunError): GradeError {
  const error: GradeError = { kind, message: name === '' || message.startsWith(name) ? message : `${name}: ${message}` };
  if (line !== undefined) error.line = line;
  if (column !== undefined) error.column = column;
  return error;
}
