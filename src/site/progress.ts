/**
 * Progress is kept in localStorage under one key per fact, so each island writes only its own key
 * and the course home can read them without coordination:
 * - `kdc:progress:visited:<lesson slug>` = 'visited'
 * - `kdc:progress:quiz:<quiz id>` = 'done' once every question has been answered correctly
 * - `kdc:progress:exercise:<exercise id>` = 'passed' (written by the exercise editor)
 */
export const progressKeys = {
  visited: (slug: string) => `kdc:progress:visited:${slug}`,
  quiz: (quizId: string) => `kdc:progress:quiz:${quizId}`,
  exercise: (exerciseId: string) => `kdc:progress:exercise:${exerciseId}`,
};

/** What the course home needs to know about a lesson to show its progress. */
export interface LessonParts {
  slug: string;
  quizIds: readonly string[];
  exerciseIds: readonly string[];
}

/** A lesson's progress as counts, for the home page's "quizzes 1/2 · exercises 0/1". */
export interface LessonProgress {
  visited: boolean;
  quizzesDone: number;
  quizzesTotal: number;
  exercisesPassed: number;
  exercisesTotal: number;
  complete: boolean;
}

/** Reads one lesson's progress through a `getItem` (localStorage's, or a Map's in tests). */
export function readLessonProgress(lesson: LessonParts, getItem: (key: string) => string | null): LessonProgress {
  const visited = getItem(progressKeys.visited(lesson.slug)) === 'visited';
  const quizzesDone = lesson.quizIds.filter((id) => getItem(progressKeys.quiz(id)) === 'done').length;
  const exercisesPassed = lesson.exerciseIds.filter((id) => getItem(progressKeys.exercise(id)) === 'passed').length;
  return {
    visited,
    quizzesDone,
    quizzesTotal: lesson.quizIds.length,
    exercisesPassed,
    exercisesTotal: lesson.exerciseIds.length,
    complete: visited && quizzesDone === lesson.quizIds.length && exercisesPassed === lesson.exerciseIds.length,
  };
}

/** The short status line shown beside a lesson on the course home. */
export function describeProgress(progress: LessonProgress): string {
  if (!progress.visited) return 'Not started';
  const parts = [progress.complete ? 'Complete' : 'Visited'];
  if (progress.quizzesTotal > 0) parts.push(`quizzes ${progress.quizzesDone}/${progress.quizzesTotal}`);
  if (progress.exercisesTotal > 0) parts.push(`exercises ${progress.exercisesPassed}/${progress.exercisesTotal}`);
  return parts.join(' · ');
}
