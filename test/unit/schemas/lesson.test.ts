import { describe, expect, test } from 'vitest';
import { parseLessonFrontmatter } from '../../../src/schemas/lesson.ts';
import { embeddedExerciseIds, exerciseLessonMismatches } from '../../../src/schemas/lesson-body.ts';
import { withLessonComponents } from '../../../src/build/lesson-components.ts';

const file = 'content/lessons/09-example.mdx';

function question(correctFlags: boolean[]) {
  return {
    prompt: 'Which acks setting waits for the in-sync replicas?',
    hint: 'Think of the ISR.',
    options: correctFlags.map((correct, index) => ({ text: `option ${index}`, correct, explanation: 'because' })),
  };
}

function lesson(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Example',
    description: 'An example lesson.',
    order: 9,
    minutes: 15,
    objectives: ['Predict what acks=1 loses when a leader crashes', 'Choose acks for a topic that must not lose orders'],
    seed: '000_cad3cde24f010121',
    quizzes: [{ id: 'example', title: 'Check yourself', questions: [question([false, true, false])] }],
    ...overrides,
  };
}

describe('lesson front matter', () => {
  test('a complete lesson parses, with defaults filled in', () => {
    const parsed = parseLessonFrontmatter({ ...lesson(), quizzes: undefined }, file);
    expect(parsed.quizzes).toEqual([]);
    expect(parseLessonFrontmatter(lesson(), file).quizzes[0]?.questions[0]?.options[1]?.correct).toBe(true);
  });

  test('a missing title names the file and the field', () => {
    const { title: _omitted, ...withoutTitle } = lesson();
    expect(() => parseLessonFrontmatter(withoutTitle, file)).toThrow(`${file}: title: Required`);
  });

  test('a quiz question without a correct answer names the question', () => {
    const bad = lesson({ quizzes: [{ id: 'q', title: 'Q', questions: [question([true, false]), question([false, false])] }] });
    expect(() => parseLessonFrontmatter(bad, file)).toThrow(
      `${file}: quizzes[0].questions[1].options: needs exactly one option with correct: true, found 0`,
    );
  });

  test('a quiz question with two correct answers is refused too', () => {
    const bad = lesson({ quizzes: [{ id: 'q', title: 'Q', questions: [question([true, true])] }] });
    expect(() => parseLessonFrontmatter(bad, file)).toThrow('found 2');
  });

  test('an exercises: list in the front matter is refused, saying it is derived now', () => {
    expect(() => parseLessonFrontmatter(lesson({ exercises: ['orders-producer'] }), file)).toThrow(
      `${file}: exercises: remove \`exercises:\` — the exercises a lesson embeds are read from its <Exercise id="…" /> tags`,
    );
  });

  test('an unknown field and a malformed seed are both reported, one line each', () => {
    let message = '';
    try {
      parseLessonFrontmatter(lesson({ seed: 'seed-000', tittle: 'typo' }), file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toHaveLength(2);
    expect(message).toContain(`${file}: seed: use the seed file name without .txt`);
    expect(message).toContain('unknown field(s) tittle');
  });

  test('two quizzes with the same id are refused', () => {
    const quiz = { id: 'same', title: 'Q', questions: [question([true, false])] };
    expect(() => parseLessonFrontmatter(lesson({ quizzes: [quiz, quiz] }), file)).toThrow(`${file}: quizzes[1].id: duplicate quiz id "same"`);
  });

  test('objectives and minutes are required, and say what to add', () => {
    const { objectives: _objectives, minutes: _minutes, ...without } = lesson();
    expect(() => parseLessonFrontmatter(without, file)).toThrow(`${file}: objectives: Required`);
    expect(() => parseLessonFrontmatter(without, file)).toThrow(`${file}: minutes: Required`);
  });

  test('objectives: two to five short sentences', () => {
    expect(() => parseLessonFrontmatter(lesson({ objectives: ['Only one thing to learn here'] }), file)).toThrow(
      `${file}: objectives: list at least 2 objectives`,
    );
    const six = Array.from({ length: 6 }, (_, i) => `Objective number ${i + 1} of the lesson`);
    expect(() => parseLessonFrontmatter(lesson({ objectives: six }), file)).toThrow('list at most 5 objectives');
    expect(() => parseLessonFrontmatter(lesson({ objectives: ['Explain', 'Choose acks for a topic'] }), file)).toThrow(
      `${file}: objectives[0]: each objective is a short sentence`,
    );
  });

  test('minutes: a whole number from 3 to 120', () => {
    expect(parseLessonFrontmatter(lesson({ minutes: 25 }), file).minutes).toBe(25);
    expect(() => parseLessonFrontmatter(lesson({ minutes: 12.5 }), file)).toThrow(`${file}: minutes: minutes is a whole number`);
    expect(() => parseLessonFrontmatter(lesson({ minutes: 1 }), file)).toThrow('minutes is at least 3');
    expect(() => parseLessonFrontmatter(lesson({ minutes: 240 }), file)).toThrow('minutes is at most 120');
  });
});

describe('lesson body', () => {
  test('the exercises a lesson embeds are read from its tags, in page order', () => {
    const body = '<Exercise id="orders-producer" />\n\nText.\n\n<Exercise id=\'orders-typo\' />\n';
    expect(embeddedExerciseIds(body)).toEqual(['orders-producer', 'orders-typo']);
  });

  test("an embedded exercise whose exercise.md names another lesson is reported with both files", () => {
    const lessons = new Map([['orders-producer', '01-why-delivery-guarantees']]);
    expect(exerciseLessonMismatches('<Exercise id="orders-producer" />', file, '09-example', lessons)).toEqual([
      `${file}: <Exercise id="orders-producer" />: exercises/orders-producer/exercise.md has lesson: 01-why-delivery-guarantees — set it to 09-example, or embed the exercise in that lesson`,
    ]);
    expect(exerciseLessonMismatches('<Exercise id="orders-producer" />', file, '01-why-delivery-guarantees', lessons)).toEqual([]);
  });
});

describe('lesson components without imports', () => {
  const lesson = [
    '---',
    'title: <Callout> in the front matter is YAML',
    '---',
    "import { Code } from 'astro:components';",
    'import Chart, { Other as Renamed } from "./chart.astro";',
    '',
    '<Callout kind="note">A note with `<Calout>` in code.</Callout>',
    '',
    '```mdx',
    '<Tabz>',
    '```',
    '<Tabs>',
    '  <TabItem label="A">a</TabItem>',
    '</Tabs>',
    '<Chart /><Renamed /><Code code="x" /><Fragment />',
  ].join('\n');

  test('imports exactly the lesson components the lesson uses, once each, after its last line', () => {
    const out = withLessonComponents(lesson, file);
    expect(out.startsWith(lesson)).toBe(true);
    const imports = out.slice(lesson.length).trim().split('\n');
    expect(imports.map((line) => line.split(' ')[1])).toEqual(['Callout', 'TabItem', 'Tabs']);
    expect(imports[0]).toMatch(/^import Callout from ".*\/src\/components\/Callout\.astro";$/);
  });

  test("a lesson that imports a component itself keeps its own import", () => {
    const own = "import Callout from './my-callout.astro';\n\n<Callout />\n";
    expect(withLessonComponents(own, file)).toBe(own);
  });

  test('an unknown tag stops the build naming the file, the line and the components there are', () => {
    expect(() => withLessonComponents(`${lesson}\n<Calout kind="note">typo</Calout>`, file)).toThrow(
      new RegExp(`^${file.replace(/[.]/g, '\\.')}:16: <Calout>: unknown component — use one of AtLeastOnceSteps, Callout, .*, or import it in the lesson$`),
    );
  });
});
