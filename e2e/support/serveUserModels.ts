import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { USER_MODELS_DIR } from '../../training/userModelFixtures/fixtureCatalog';

/**
 * Serves e2e/user-models/ at <page>/user-models/ (the static server serves the build only), for
 * the specs and the bench. Requests a service worker passes on are not routed: block it.
 */
export async function serveUserModels(page: Page): Promise<void> {
  await page.route('**/user-models/**', async (route) => {
    const path = new URL(route.request().url()).pathname.split('/user-models/')[1] ?? '';
    try {
      await route.fulfill({ body: await readFile(join(USER_MODELS_DIR, path)) });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}
