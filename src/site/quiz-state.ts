/**
 * The saved state of one quiz: the option chosen per question (index), kept in localStorage under
 * `kdc:quiz:<quiz id>` so answers and their feedback come back after a reload.
 */
export type QuizAnswers = Record<number, number>;

/** localStorage key of a quiz's answers. */
export const quizAnswersKey = (quizId: string) => `kdc:quiz:${quizId}`;

/** Reads saved answers, ignoring anything malformed (an old format, a hand edit). */
export function parseAnswers(raw: string | null): QuizAnswers {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const answers: QuizAnswers = {};
    for (const [key, option] of Object.entries(value)) {
      if (/^\d+$/.test(key) && Number.isInteger(option) && (option as number) >= 0) answers[Number(key)] = option as number;
    }
    return answers;
  } catch {
    return {};
  }
}

/** True when every question's saved answer is its correct option. */
export function isQuizDone(answers: QuizAnswers, correctOptions: readonly number[]): boolean {
  return correctOptions.every((correct, question) => answers[question] === correct);
}

/** Count of questions answered correctly, for "2 of 3 correct". */
export function correctCount(answers: QuizAnswers, correctOptions: readonly number[]): number {
  return correctOptions.filter((correct, question) => answers[question] === correct).length;
}

/** The feedback sentence for a chosen option: verdict first, so a screen reader hears it first. */
export function feedbackFor(correct: boolean, explanation: string): string {
  return `${correct ? 'Correct.' : 'Not quite.'} ${explanation}`;
}
