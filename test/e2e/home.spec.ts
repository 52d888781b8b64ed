import { expect, test } from '@playwright/test';

test('the course home lists the five lessons in order and links to the first', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kafka');
  const lessons = page.getByRole('link', { name: /^\d\. / });
  await expect(lessons).toHaveCount(5);
  await expect(lessons.first()).toContainText('1. Why delivery guarantees affect correctness');
  await lessons.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Why delivery guarantees');
});
