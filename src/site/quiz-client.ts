import { correctCount, feedbackFor, isQuizDone, parseAnswers, quizAnswersKey, type QuizAnswers } from './quiz-state.ts';
import { progressKeys } from './progress.ts';

/** Adds feedback and memory to each server-rendered `[data-quiz]`. */
for (const root of document.querySelectorAll<HTMLElement>('[data-quiz]')) {
  const quizId = root.dataset['quiz'] ?? '';
  const correctOptions = (root.dataset['correct'] ?? '').split(',').map(Number);
  const score = root.querySelector<HTMLElement>('[data-quiz-score]');
  const answers: QuizAnswers = parseAnswers(localStorage.getItem(quizAnswersKey(quizId)));

  const show = (fieldset: HTMLElement, question: number, option: number) => {
    const input = fieldset.querySelector<HTMLInputElement>(`input[value="${option}"]`);
    const feedback = fieldset.querySelector<HTMLElement>('[data-feedback]');
    if (!input || !feedback) return;
    input.checked = true;
    const correct = correctOptions[question] === option;
    feedback.dataset['verdict'] = correct ? 'correct' : 'wrong';
    feedback.textContent = feedbackFor(correct, input.dataset['explanation'] ?? '');
  };
  const showScore = () => {
    if (!score) return;
    const right = correctCount(answers, correctOptions);
    score.textContent = `${right} of ${correctOptions.length} answered correctly${right === correctOptions.length ? ' — quiz done.' : '.'}`;
  };

  root.querySelectorAll<HTMLElement>('[data-question]').forEach((fieldset) => {
    const question = Number(fieldset.dataset['question']);
    const saved = answers[question];
    if (saved !== undefined) show(fieldset, question, saved);
    fieldset.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      answers[question] = Number(input.value);
      show(fieldset, question, answers[question]);
      localStorage.setItem(quizAnswersKey(quizId), JSON.stringify(answers));
      if (isQuizDone(answers, correctOptions)) localStorage.setItem(progressKeys.quiz(quizId), 'done');
      showScore();
    });
  });
  if (Object.keys(answers).length > 0) showScore();
}
