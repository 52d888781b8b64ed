/**
 * Shows the learner's progress wherever the page lists lessons (the course home, the sidebar, the
 * phone menu, the 404 page): every element with `data-lesson` gets its status line (`[data-progress]`)
 * and a `data-state` of `not-started`, `visited` or `complete` for the CSS to draw. On a lesson page it
 * first records the visit, so the current lesson already counts. The course home's summary, bar and
 * "Continue" link are filled in when present. Reads localStorage only; nothing is sent anywhere.
 */
import { describeProgress, progressKeys, readLessonProgress } from './progress.ts';

const storage = {
  get: (key: string): string | null => { try { return localStorage.getItem(key); } catch { return null; } },
  set: (key: string, value: string): void => { try { localStorage.setItem(key, value); } catch { /* private mode: progress is not kept */ } },
};

const currentLesson = document.querySelector<HTMLElement>('[data-lesson-page]')?.dataset['lessonPage'];
if (currentLesson) storage.set(progressKeys.visited(currentLesson), 'visited');

const split = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);
const completeBySlug = new Map<string, boolean>();
let firstUnfinished: HTMLElement | undefined;

for (const item of document.querySelectorAll<HTMLElement>('[data-lesson]')) {
  const slug = item.dataset['lesson'] ?? '';
  const progress = readLessonProgress({ slug, quizIds: split(item.dataset['quizzes']), exerciseIds: split(item.dataset['exercises']) }, storage.get);
  const line = item.querySelector('[data-progress]');
  if (line) line.textContent = describeProgress(progress);
  item.dataset['state'] = progress.complete ? 'complete' : progress.visited ? 'visited' : 'not-started';
  completeBySlug.set(slug, progress.complete);
  if (!progress.complete) firstUnfinished ??= item;
}

const total = completeBySlug.size;
const complete = [...completeBySlug.values()].filter(Boolean).length;
for (const summary of document.querySelectorAll('[data-course-progress]')) summary.textContent = `${complete} of ${total} lessons complete`;
for (const bar of document.querySelectorAll<HTMLElement>('[data-course-bar]')) bar.style.setProperty('--done', String(total === 0 ? 0 : complete / total));

// The home's call to action picks up where the learner left off, once they have started.
const started = [...document.querySelectorAll<HTMLElement>('[data-lesson]')].some((item) => item.dataset['state'] !== 'not-started');
const cta = document.querySelector<HTMLAnchorElement>('[data-continue]');
const nextHref = firstUnfinished?.querySelector('a[href]')?.getAttribute('href');
if (cta && started && firstUnfinished && nextHref) {
  cta.href = nextHref;
  cta.textContent = `Continue: ${firstUnfinished.dataset['title'] ?? 'the next lesson'}`;
}
