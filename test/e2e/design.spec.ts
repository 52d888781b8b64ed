import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Every page a student can reach: the home, each lesson, each exercise's own page, and the 404 page.
const lessonPaths = [
  '/lessons/01-why-delivery-guarantees/',
  '/lessons/02-visual-breakdown/',
  '/lessons/03-the-commands/',
  '/lessons/04-at-least-once-step-by-step/',
  '/lessons/05-delivery-semantics/',
];
const exercisePaths = readdirSync(new URL('../../exercises/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `/exercises/${entry.name}/`);
const missingPath = '/lessons/no-such-lesson/';
const allPaths = ['/', ...lessonPaths, ...exercisePaths, missingPath];

/** How far the page is wider than the window, and the widest element sticking out (for the message). */
async function overflow(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return '';
    const culprit = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0];
    return `${root.scrollWidth}px wide in ${root.clientWidth}px; e.g. <${culprit?.tagName.toLowerCase()} class="${culprit?.className}">`;
  });
}

test('the course has exercise pages to check', () => {
  expect(exercisePaths.length).toBeGreaterThanOrEqual(4);
});

/**
 * Tables whose columns do not fit: a table wider than its box (a `.table-wrap` that would have to
 * scroll, or clip), or a cell sticking out of its table. Hidden tables (closed tabs) measure 0 and pass.
 */
async function clippedTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (el: Element) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${(el.textContent ?? '').trim().slice(0, 40)}`;
    const problems: string[] = [];
    for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) problems.push(`${describe(wrap)}: ${wrap.scrollWidth}px of table in ${wrap.clientWidth}px`);
    }
    for (const table of document.querySelectorAll<HTMLTableElement>('table')) {
      const box = table.getBoundingClientRect();
      // A header row hidden for the eye (a 1 px clipped box, left for screen readers) is not shown, so not cut off.
      const shown = (cell: Element) => {
        const group = cell.closest('thead, tbody, tfoot')?.getBoundingClientRect();
        return group === undefined || (group.width > 1 && group.height > 1);
      };
      const out = [...table.querySelectorAll('th, td')].find((cell) => {
        const rect = cell.getBoundingClientRect();
        return rect.width > 0 && shown(cell) && rect.right > box.right + 1;
      });
      if (out) problems.push(`${describe(table)}: a cell ends past the table's edge`);
    }
    return problems;
  });
}

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    test(`no page scrolls sideways, and every table fits its column, at ${width} px, ${scheme}`, async ({ page }) => {
      test.setTimeout(180_000); // eleven pages in one test
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      const problems: string[] = [];
      for (const path of allPaths) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        const wide = await overflow(page);
        if (wide) problems.push(`${path}: ${wide}`);
        for (const table of await clippedTables(page)) problems.push(`${path}: ${table}`);
      }
      expect(problems).toEqual([]);
    });
  }
}

for (const path of [...exercisePaths, missingPath]) {
  test(`no axe violations, light and dark: ${path}`, async ({ page }) => {
    // An exercise page is large (editor, steps, verdict); axe needs longer on a shared machine.
    test.setTimeout(180_000);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
}

test('no axe violations on a phone with the course menu open, light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(lessonPaths[1] ?? '');
    await page.getByText('Course menu').click();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('no axe violations on a phone where tables become cards, light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(lessonPaths[4] ?? '');
    await expect(page.locator('.md-table-cards td[data-label]').first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('on a wide screen, a lesson shows the course sidebar with the current lesson and each one\'s progress', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.setItem('kdc:progress:visited:01-why-delivery-guarantees', 'visited');
    localStorage.setItem('kdc:progress:exercise:orders-four-steps', 'passed');
    localStorage.setItem('kdc:progress:exercise:orders-producer', 'passed');
  });
  await page.goto(lessonPaths[2] ?? '');
  const sidebar = page.getByRole('navigation', { name: 'Course' });
  await expect(sidebar).toHaveCount(1);
  await expect(sidebar.getByRole('link', { name: /^Why it works/ })).toHaveAttribute('aria-current', 'page');
  const items = sidebar.locator('li[data-lesson]');
  await expect(items).toHaveCount(5);
  await expect(items.nth(0)).toHaveAttribute('data-state', 'complete');
  await expect(items.nth(0).locator('[data-progress]')).toHaveText('Complete · exercises 2/2');
  // The lesson being read counts as visited at once.
  await expect(items.nth(2)).toHaveAttribute('data-state', 'visited');
  await expect(items.nth(2).locator('[data-progress]')).toHaveText('Visited · quizzes 0/1');
  await expect(items.nth(4).locator('[data-progress]')).toHaveText('Not started');
  await expect(sidebar.locator('[data-course-progress]')).toHaveText('1 of 5 lessons complete');
  await expect(page.getByText('Course menu')).toBeHidden();
});

test('on a phone, the course menu opens to the lessons and leads to another one', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(lessonPaths[0] ?? '');
  const menu = page.getByRole('navigation', { name: 'Course' });
  await expect(menu).toHaveCount(1);
  await expect(menu).toContainText('Lesson 1 of 5');
  const fourth = menu.getByRole('link', { name: /^At-least-once delivery/ });
  await expect(fourth).toBeHidden();
  await menu.getByText('Course menu').click();
  await expect(fourth).toBeVisible();
  await fourth.click();
  await expect(page).toHaveURL(new RegExp(`${lessonPaths[3]}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('At-least-once delivery');
});

test('a lesson header says what the student will be able to do and how long it takes', async ({ page }) => {
  await page.goto(lessonPaths[3] ?? '');
  const header = page.locator('.lesson-header');
  await expect(header).toContainText('Lesson 4 of 5');
  await expect(header).toContainText('25 min');
  await expect(header).toContainText('1 exercise · 1 quiz');
  const objectives = page.getByRole('region', { name: 'After this lesson you can' }).getByRole('listitem');
  await expect(objectives).toHaveCount(4);
  await expect(objectives.first()).toContainText('crashes between processing and committing');
});

test('the home page says what the course teaches and shows overall progress', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'After the course you will be able to' }).getByRole('listitem')).toHaveCount(6);
  const bar = page.locator('.course-progress [data-course-bar]');
  expect(await bar.evaluate((el) => getComputedStyle(el).getPropertyValue('--done').trim())).toBe('0');
  const start = page.getByRole('link', { name: 'Start with lesson 1' });
  await expect(start).toHaveAttribute('href', lessonPaths[0] ?? '');
  await page.evaluate(() => {
    localStorage.setItem('kdc:progress:visited:01-why-delivery-guarantees', 'visited');
    localStorage.setItem('kdc:progress:exercise:orders-four-steps', 'passed');
    localStorage.setItem('kdc:progress:exercise:orders-producer', 'passed');
  });
  await page.reload();
  await expect(page.locator('[data-course-progress]')).toHaveText('1 of 5 lessons complete');
  expect(Number(await bar.evaluate((el) => getComputedStyle(el).getPropertyValue('--done')))).toBeCloseTo(0.2);
  // Once started, the call to action continues with the first lesson not yet complete.
  const next = page.locator('[data-continue]');
  await expect(next).toHaveText(/^Continue: Why delivery guarantees affect correctness — visual breakdown/);
  await expect(next).toHaveAttribute('href', lessonPaths[1] ?? '');
});

test('an unknown address answers 404 with a way back into the course', async ({ page }) => {
  const response = await page.goto(missingPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the course');
  await expect(page.locator('main').getByRole('link', { name: /Why it works/ })).toHaveAttribute('href', lessonPaths[2] ?? '');
  await page.locator('main').getByRole('link', { name: 'Course overview' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('every page has a favicon, a title, a description and sharing metadata', async ({ page, request }) => {
  const icon = await request.get('/favicon.svg');
  expect(icon.status()).toBe(200);
  expect(await icon.text()).toContain('<svg');
  const titles = new Set<string>();
  for (const path of allPaths) {
    await page.goto(path);
    const head = await page.evaluate(() => {
      const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? '';
      return {
        title: document.title,
        icon: document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '',
        description: meta('meta[name="description"]'),
        ogTitle: meta('meta[property="og:title"]'),
        ogDescription: meta('meta[property="og:description"]'),
        twitter: meta('meta[name="twitter:card"]'),
      };
    });
    expect(head.title, path).toMatch(/\S · Kafka delivery guarantees$/);
    expect(head.icon, path).toBe('/favicon.svg');
    expect(head.description.length, path).toBeGreaterThan(40);
    expect(head.ogTitle, path).not.toBe('');
    expect(head.ogDescription, path).toBe(head.description);
    expect(head.twitter, path).toBe('summary');
    titles.add(head.title);
  }
  // Each page is named for itself, not the course alone.
  expect(titles.size).toBe(allPaths.length);
});

test('beside the sidebar, a lesson\'s exercise stacks: instructions above an editor as wide as the exercise', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(lessonPaths[0] ?? '');
  await expect(page.getByRole('navigation', { name: 'Course' }).locator('li[data-lesson]').first()).toBeVisible();
  const exercise = page.locator('[data-exercise="orders-four-steps"]');
  const [whole, steps, code] = await Promise.all([
    exercise.boundingBox(),
    exercise.locator('.ws-brief').boundingBox(),
    exercise.locator('.ws-code').boundingBox(),
  ]);
  expect(whole && steps && code).toBeTruthy();
  if (!whole || !steps || !code) return;
  // The editor's column takes (nearly) the whole exercise, not a third of it.
  expect(code.width).toBeGreaterThan(whole.width * 0.85);
  // The instructions come first, above the code.
  expect(steps.y + steps.height).toBeLessThanOrEqual(code.y + 1);
});
