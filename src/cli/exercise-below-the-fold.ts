import type { Page } from 'playwright-core';

/**
 * Makes the next page `page` loads put a 20 000 px spacer before its exercise, so the exercise
 * starts far below the fold: what loads then is what a reader pays before reaching it.
 *
 * The spacer goes in from a MutationObserver, in a microtask of the very task in which the parser
 * inserts the exercise, so no frame is ever rendered with the exercise on screen. Waiting for
 * DOMContentLoaded was not enough: the page's module scripts run, and a frame can render, before
 * that event, and the exercise's IntersectionObservers then saw it near the viewport.
 */
export async function pushExerciseBelowTheFold(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const placeSpacer = new MutationObserver(() => {
      const exerciseRoot = document.querySelector('[data-exercise]');
      if (!exerciseRoot) return;
      placeSpacer.disconnect();
      const spacer = document.createElement('div');
      spacer.style.height = '20000px';
      exerciseRoot.before(spacer);
    });
    placeSpacer.observe(document, { childList: true, subtree: true });
  });
}
