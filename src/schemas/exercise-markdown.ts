/**
 * Reads the prose of an exercise from the body of its `exercise.md`, so a maintainer writes Markdown
 * instead of one long line of JSON. The body has a fixed shape, in the spirit of TutorialKit's
 * `content.md`:
 *
 * ````md
 * One paragraph: what the learner builds (the summary).
 *
 * ## Steps                              (optional: without it the exercise is graded per guarantee)
 *
 * ### Create the orders {#create-orders}
 *
 * What to do, in a sentence or two.
 *
 * > Hint: shown behind "Need a hint?".
 *
 * ## Contract
 *
 * ```ts
 * export async function sendOrders(kafka: Kafka, orders: string[]): Promise<void>
 * ```
 *
 * What the harness does with the code and what is graded.
 * ````
 *
 * A paragraph's lines are joined by single spaces, as Markdown joins them on the page; the fenced
 * block is kept line for line. The result is plain data that `exerciseSchema` then validates, so a
 * missing part is reported with the same field names (`steps[1].hint: Required`); a mistake in the
 * shape itself (an unknown section, a step without its id) names the line.
 */

const SECTION = /^##\s+(.+?)\s*$/;
const STEP = /^###\s+(.+?)\s*$/;
const STEP_ID = /^(.*?)\s*\{#([^}]*)\}$/;
const FENCE = /^(```+|~~~+)/;
const HINT = /^hint:\s*/i;

/** The sections a body may have after its summary. */
export const EXERCISE_SECTIONS = ['Steps', 'Contract'] as const;

/** One line of the body with its 1-based line number in the file. */
interface Line {
  text: string;
  number: number;
}

/**
 * The summary, steps and contract of an exercise body, for `exerciseSchema`. `firstLine` is the file
 * line the body starts on (after the front matter), so errors point into the file.
 */
export function exerciseProse(body: string, file: string, firstLine = 1): Record<string, unknown> {
  const lines = body.split(/\r?\n/).map((text, index) => ({ text, number: firstLine + index }));
  const sections = new Map<string, Line[]>();
  let current: Line[] = [];
  const summary = current;
  for (const line of skipFences(lines)) {
    const heading = line.fenced ? undefined : SECTION.exec(line.text)?.[1];
    if (heading === undefined) {
      current.push(line);
      continue;
    }
    if (!(EXERCISE_SECTIONS as readonly string[]).includes(heading)) {
      throw new Error(`${file}:${line.number}: unknown section "## ${heading}" — an exercise body has a summary, then "## Steps" (optional) and "## Contract"`);
    }
    if (sections.has(heading)) throw new Error(`${file}:${line.number}: a second "## ${heading}" section — write each section once`);
    current = [];
    sections.set(heading, current);
  }
  const fields: Record<string, unknown> = { summary: prose(summary) };
  const steps = sections.get('Steps');
  if (steps !== undefined) fields['steps'] = parseSteps(steps, file);
  const contract = sections.get('Contract');
  if (contract !== undefined) fields['contract'] = parseContract(contract);
  return fields;
}

/** The lines with a flag for those inside a fenced code block, where `##` is code, not a heading. */
function skipFences(lines: readonly Line[]): (Line & { fenced: boolean })[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const marker = FENCE.exec(line.text.trim())?.[1];
    const fenced = fence !== undefined || marker !== undefined;
    if (marker !== undefined) fence = fence === undefined ? marker : line.text.trim() === fence ? undefined : fence;
    return { text: line.text, number: line.number, fenced };
  });
}

function parseSteps(lines: readonly Line[], file: string): Record<string, unknown>[] {
  const steps: { title: string; id: string; lines: Line[] }[] = [];
  for (const line of lines) {
    const heading = STEP.exec(line.text)?.[1];
    if (heading !== undefined) {
      const withId = STEP_ID.exec(heading);
      if (withId === null) throw new Error(`${file}:${line.number}: "### ${heading}": give the step its id, e.g. "### ${heading} {#${slug(heading)}}"`);
      steps.push({ title: withId[1] ?? '', id: withId[2] ?? '', lines: [] });
      continue;
    }
    const step = steps.at(-1);
    if (step !== undefined) step.lines.push(line);
    else if (line.text.trim() !== '') throw new Error(`${file}:${line.number}: text under "## Steps" before its first step — start each step with "### Title {#step-id}"`);
  }
  return steps.map((step) => {
    const quoted = step.lines.filter((line) => line.text.trimStart().startsWith('>'));
    const hint = prose(quoted.map((line) => ({ ...line, text: line.text.trimStart().replace(/^>\s?/, '') })));
    const fields: Record<string, unknown> = { id: step.id, title: step.title, instructions: prose(step.lines.filter((line) => !quoted.includes(line))) };
    if (hint !== undefined) fields['hint'] = hint.replace(HINT, '');
    return fields;
  });
}

function parseContract(lines: readonly Line[]): Record<string, unknown> {
  const start = lines.findIndex((line) => FENCE.test(line.text.trim()));
  const fence = start === -1 ? undefined : FENCE.exec(lines[start]?.text.trim() ?? '')?.[1];
  const end = fence === undefined ? -1 : lines.findIndex((line, index) => index > start && line.text.trim() === fence);
  if (start === -1 || end === -1) return { description: prose(lines) };
  return {
    signature: lines.slice(start + 1, end).map((line) => line.text).join('\n'),
    description: prose([...lines.slice(0, start), ...lines.slice(end + 1)]),
  };
}

/** Paragraphs with their lines joined by spaces, separated by a blank line; undefined when there is no text. */
function prose(lines: readonly Line[]): string | undefined {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') paragraphs.push([]);
    else paragraphs.at(-1)?.push(text);
  }
  const text = paragraphs.filter((paragraph) => paragraph.length > 0).map((paragraph) => paragraph.join(' ')).join('\n\n');
  return text === '' ? undefined : text;
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
