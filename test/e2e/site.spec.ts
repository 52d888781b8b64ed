import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const lessonPaths = [
  '/lessons/01-why-delivery-guarantees/',
  '/lessons/02-visual-breakdown/',
  '/lessons/03-the-commands/',
  '/lessons/04-at-least-once-step-by-step/',
  '/lessons/05-delivery-semantics/',
];

async function hasNoHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

test('the course home lists the five lessons in order with their progress', async ({ page }) => {
  await page.goto('/');
  const links = page.locator('.lesson-list > li > a');
  await expect(links).toHaveCount(5);
  await expect(links.first()).toContainText('1. Why delivery guarantees');
  await expect(links.last()).toContainText('5. Delivery semantics');
  const second = page.locator('[data-lesson="02-visual-breakdown"] [data-progress]');
  await expect(second).toHaveText('Not started');
  await expect(page.locator('[data-course-progress]')).toHaveText('0 of 5 lessons complete');
  await links.nth(1).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('visual breakdown');
  // The visit is recorded by a module script; leaving before it runs would record nothing.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('kdc:progress:visited:02-visual-breakdown'))).toBe('visited');
  await page.goto('/');
  await expect(second).toHaveText('Visited · quizzes 0/1');
  await page.reload();
  await expect(second).toHaveText('Visited · quizzes 0/1');
});

test('an exercise passed elsewhere counts on the home page', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.setItem('kdc:progress:visited:01-why-delivery-guarantees', 'visited');
    localStorage.setItem('kdc:progress:exercise:orders-producer', 'passed');
  });
  await page.reload();
  await expect(page.locator('[data-lesson="01-why-delivery-guarantees"] [data-progress]')).toHaveText('Visited · exercises 1/2');
  await page.evaluate(() => localStorage.setItem('kdc:progress:exercise:orders-four-steps', 'passed'));
  await page.reload();
  await expect(page.locator('[data-lesson="01-why-delivery-guarantees"] [data-progress]')).toHaveText('Complete · exercises 2/2');
  await expect(page.locator('[data-course-progress]')).toHaveText('1 of 5 lessons complete');
});

test('lessons link to their neighbours', async ({ page }) => {
  await page.goto(lessonPaths[2] ?? '');
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', lessonPaths[1] ?? '');
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(new RegExp(`${lessonPaths[3]}$`));
});

test('the theme follows the system until chosen, and the choice persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});

test('the skip link moves focus to the content', async ({ page }) => {
  await page.goto(lessonPaths[0] ?? '');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('search finds a lesson by a word in its text', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search the course' });
  await box.fill('idempotence');
  const results = page.locator('[data-search-results] a');
  await expect(results.first()).toBeVisible();
  await expect(page.locator('[data-search-results]')).toContainText('Delivery semantics');
});

for (const path of ['/', ...lessonPaths]) {
  test(`no axe violations, light and dark: ${path}`, async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test(`works at a phone's width without horizontal scrolling: ${path}`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await hasNoHorizontalScroll(page)).toBe(true);
  });
}
