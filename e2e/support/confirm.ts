import { expect, type Page } from '@playwright/test';

/**
 * The confirmation dialog an irreversible step opens (components/ui/confirm-dialog.tsx), found by
 * its role and heading: checks that it states `text`, has focus on 取消, then confirms it.
 */
export async function confirmInDialog(page: Page, title: string, text: string | RegExp): Promise<void> {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(text);
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await dialog.getByRole('button').filter({ hasNotText: '取消' }).click();
  await expect(dialog).toBeHidden();
}
