/**
 * A minimal source-map reader: enough to turn a position in esbuild's output into the learner's
 * TypeScript line and column. Only version-3 maps with one source, which is what `transform` emits.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping segment: generated column → original line and column (all 0-based). */
interface Segment {
  generatedColumn: number;
  originalLine: number;
  originalColumn: number;
}

/** Decodes a Base64 VLQ string into its integers. */
export function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`invalid VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** The decoded `mappings` of a source map, one segment list per generated line. */
export type DecodedMappings = Segment[][];

/** Decodes the `mappings` field of a version-3 source map (JSON text). */
export function decodeSourceMap(mapJson: string): DecodedMappings {
  const map = JSON.parse(mapJson) as { mappings?: unknown };
  const mappings = typeof map.mappings === 'string' ? map.mappings : '';
  const lines: DecodedMappings = [];
  let originalLine = 0;
  let originalColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    let generatedColumn = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeVlq(segmentText);
      generatedColumn += fields[0] ?? 0;
      if (fields.length >= 4) {
        originalLine += fields[2] ?? 0;
        originalColumn += fields[3] ?? 0;
        segments.push({ generatedColumn, originalLine, originalColumn });
      }
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * Maps a 1-based generated position to a 1-based original one: the last segment at or before the
 * column, else the line's first segment; undefined when the line has no mapping at all.
 */
export function originalPosition(
  mappings: DecodedMappings,
  line: number,
  column: number,
): { line: number; column: number } | undefined {
  const segments = mappings[line - 1];
  if (segments === undefined || segments.length === 0) return undefined;
  let best = segments[0];
  for (const segment of segments) {
    if (segment.generatedColumn <= column - 1) best = segment;
    else break;
  }
  return best === undefined ? undefined : { line: best.originalLine + 1, column: best.originalColumn + 1 };
}
