import { describe, expect, test } from 'vitest';
import { describeProgress, progressKeys, readLessonProgress } from '../../../src/site/progress.ts';
import { isQuizDone, parseAnswers } from '../../../src/site/quiz-state.ts';
import { indexForKey } from '../../../src/site/roving-index.ts';
import { trackerTimeline } from '../../../src/lessons-runtime/step-through.ts';
import { resolveTheme } from '../../../src/site/theme.ts';

describe('lesson progress', () => {
  const lesson = { slug: '04-x', quizIds: ['q'], exerciseIds: ['orders-consumer'] };
  test('reads the keys the exercise editor and quizzes write', () => {
    const store = new Map<string, string>();
    expect(describeProgress(readLessonProgress(lesson, (k) => store.get(k) ?? null))).toBe('Not started');
    store.set(progressKeys.visited('04-x'), 'visited');
    store.set('kdc:progress:exercise:orders-consumer', 'passed');
    expect(describeProgress(readLessonProgress(lesson, (k) => store.get(k) ?? null))).toBe('Visited · quizzes 0/1 · exercises 1/1');
    store.set(progressKeys.quiz('q'), 'done');
    expect(readLessonProgress(lesson, (k) => store.get(k) ?? null).complete).toBe(true);
  });
});

describe('quiz state', () => {
  test('malformed saved answers are ignored; done needs every answer right', () => {
    expect(parseAnswers('not json')).toEqual({});
    expect(parseAnswers('{"0":1,"x":2,"1":-1}')).toEqual({ 0: 1 });
    expect(isQuizDone({ 0: 1, 1: 0 }, [1, 0])).toBe(true);
    expect(isQuizDone({ 0: 1 }, [1, 0])).toBe(false);
  });
});

describe('keyboard movement and the tracker', () => {
  test('arrows move, clamp or wrap; Home/End jump; other keys are ignored', () => {
    expect(indexForKey('ArrowRight', 2, 3, false)).toBe(2);
    expect(indexForKey('ArrowRight', 2, 3, true)).toBe(0);
    expect(indexForKey('ArrowLeft', 0, 3, false)).toBe(0);
    expect(indexForKey('End', 0, 9, false)).toBe(8);
    expect(indexForKey('a', 0, 3, false)).toBeUndefined();
  });
  test('values carry forward and unknown variables are refused', () => {
    const timeline = trackerTimeline(['a', 'b'], { a: '0', b: 'x' }, [{ cells: [], vars: { a: '1' } }, { cells: [] }]);
    expect(timeline).toEqual([{ a: '0', b: 'x' }, { a: '1', b: 'x' }, { a: '1', b: 'x' }]);
    expect(() => trackerTimeline(['a'], { a: '0' }, [{ cells: [], vars: { c: '1' } }])).toThrow('untracked variable(s) c');
  });
  test('the stored theme wins over the system preference', () => {
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('bogus', false)).toBe('light');
  });
});
