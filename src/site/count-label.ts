/** "1 quiz", "2 quizzes", or '' for none: for the "what a lesson includes" lines. */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  if (count === 0) return '';
  return `${count} ${count === 1 ? singular : plural}`;
}
