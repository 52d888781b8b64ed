import { describe, expect, test } from 'vitest';
import { parseLessonFrontmatter } from '../../../src/schemas/lesson.ts';

const file = 'content/lessons/09-example.mdx';
const known = ['orders-four-steps', 'orders-producer'];

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
    exercises: ['orders-producer'],
    quizzes: [{ id: 'example', title: 'Check yourself', questions: [question([false, true, false])] }],
    ...overrides,
  };
}

describe('lesson front matter', () => {
  test('a complete lesson parses, with defaults filled in', () => {
    const parsed = parseLessonFrontmatter({ ...lesson(), exercises: undefined, quizzes: undefined }, file, known);
    expect(parsed.exercises).toEqual([]);
    expect(parsed.quizzes).toEqual([]);
    expect(parseLessonFrontmatter(lesson(), file, known).quizzes[0]?.questions[0]?.options[1]?.correct).toBe(true);
  });

  test('a missing title names the file and the field', () => {
    const { title: _omitted, ...withoutTitle } = lesson();
    expect(() => parseLessonFrontmatter(withoutTitle, file, known)).toThrow(`${file}: title: Required`);
  });

  test('a quiz question without a correct answer names the question', () => {
    const bad = lesson({ quizzes: [{ id: 'q', title: 'Q', questions: [question([true, false]), question([false, false])] }] });
    expect(() => parseLessonFrontmatter(bad, file, known)).toThrow(
      `${file}: quizzes[0].questions[1].options: needs exactly one option with correct: true, found 0`,
    );
  });

  test('a quiz question with two correct answers is refused too', () => {
    const bad = lesson({ quizzes: [{ id: 'q', title: 'Q', questions: [question([true, true])] }] });
    expect(() => parseLessonFrontmatter(bad, file, known)).toThrow('found 2');
  });

  test('an unknown exercise id names the id and the known ones', () => {
    const bad = lesson({ exercises: ['orders-producer', 'orders-typo'] });
    expect(() => parseLessonFrontmatter(bad, file, known)).toThrow(
      `${file}: exercises[1]: unknown exercise id "orders-typo" (known: orders-four-steps, orders-producer)`,
    );
  });

  test('an unknown field and a malformed seed are both reported, one line each', () => {
    let message = '';
    try {
      parseLessonFrontmatter(lesson({ seed: 'seed-000', tittle: 'typo' }), file, known);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toHaveLength(2);
    expect(message).toContain(`${file}: seed: use the seed file name without .txt`);
    expect(message).toContain('unknown field(s) tittle');
  });

  test('two quizzes with the same id are refused', () => {
    const quiz = { id: 'same', title: 'Q', questions: [question([true, false])] };
    expect(() => parseLessonFrontmatter(lesson({ quizzes: [quiz, quiz] }), file, known)).toThrow(`${file}: quizzes[1].id: duplicate quiz id "same"`);
  });

  test('objectives and minutes are required, and say what to add', () => {
    const { objectives: _objectives, minutes: _minutes, ...without } = lesson();
    expect(() => parseLessonFrontmatter(without, file, known)).toThrow(`${file}: objectives: Required`);
    expect(() => parseLessonFrontmatter(without, file, known)).toThrow(`${file}: minutes: Required`);
  });

  test('objectives: two to five short sentences', () => {
    expect(() => parseLessonFrontmatter(lesson({ objectives: ['Only one thing to learn here'] }), file, known)).toThrow(
      `${file}: objectives: list at least 2 objectives`,
    );
    const six = Array.from({ length: 6 }, (_, i) => `Objective number ${i + 1} of the lesson`);
    expect(() => parseLessonFrontmatter(lesson({ objectives: six }), file, known)).toThrow('list at most 5 objectives');
    expect(() => parseLessonFrontmatter(lesson({ objectives: ['Explain', 'Choose acks for a topic'] }), file, known)).toThrow(
      `${file}: objectives[0]: each objective is a short sentence`,
    );
  });

  test('minutes: a whole number from 3 to 120', () => {
    expect(parseLessonFrontmatter(lesson({ minutes: 25 }), file, known).minutes).toBe(25);
    expect(() => parseLessonFrontmatter(lesson({ minutes: 12.5 }), file, known)).toThrow(`${file}: minutes: minutes is a whole number`);
    expect(() => parseLessonFrontmatter(lesson({ minutes: 1 }), file, known)).toThrow('minutes is at least 3');
    expect(() => parseLessonFrontmatter(lesson({ minutes: 240 }), file, known)).toThrow('minutes is at most 120');
  });
});
