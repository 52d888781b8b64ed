import { expect, test } from '@playwright/test';

test('the course home lists the first lesson and links to it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kafka');
  await page.getByRole('link', { name: /Why delivery guarantees/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Why delivery guarantees');
});
