import { describe, expect, test } from 'vitest';
import { exerciseFields } from '../../../src/grading/exercise-markdown-file.ts';
import { parseExerciseMeta } from '../../../src/schemas/exercise.ts';

const file = 'exercises/example/exercise.md';
const source = `---
title: "Orders: once each"
lesson: 01-why-delivery-guarantees
---

Send each order once,
even when an ack is lost.

## Steps

### Create the orders {#create-orders}

Create an array called \`orders\`
with three strings.

> Hint: \`const orders = ['a',
> 'b', 'c'];\`

## Contract

\`\`\`ts
export function send(): void
## not a heading inside code
\`\`\`

What the harness does.

What is graded.
`;

describe('exercise.md', () => {
  test('front matter and prose become the fields exerciseSchema checks; lines of a paragraph are joined by spaces', () => {
    expect(parseExerciseMeta(exerciseFields(source, file), file)).toEqual({
      title: 'Orders: once each',
      lesson: '01-why-delivery-guarantees',
      summary: 'Send each order once, even when an ack is lost.',
      steps: [{ id: 'create-orders', title: 'Create the orders', instructions: 'Create an array called `orders` with three strings.', hint: "`const orders = ['a', 'b', 'c'];`" }],
      contract: { signature: 'export function send(): void\n## not a heading inside code', description: 'What the harness does.\n\nWhat is graded.' },
    });
  });

  test('without ## Steps an exercise has no steps', () => {
    const fields = exerciseFields(source.replace(/## Steps[\s\S]*?(?=## Contract)/, ''), file);
    expect(parseExerciseMeta(fields, file).steps).toEqual([]);
  });

  test('prose in the front matter is refused with where it goes', () => {
    expect(() => exerciseFields(source.replace('lesson:', 'summary: Short.\nlesson:'), file)).toThrow(`${file}: summary: write it in the body, not the front matter`);
  });

  test('broken YAML names the file', () => {
    expect(() => exerciseFields(source.replace('title: "Orders: once each"', 'title: Orders: once each'), file)).toThrow(`${file}: the front matter is not valid YAML`);
  });

  test('a step heading line is named when it lacks its id', () => {
    expect(() => exerciseFields(source.replace(' {#create-orders}', ''), file)).toThrow(`${file}:11: "### Create the orders": give the step its id, e.g. "### Create the orders {#create-the-orders}"`);
  });
});
