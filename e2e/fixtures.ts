import { test as base, expect } from '@playwright/test';
import { RecogniserPage } from './support/RecogniserPage';

/**
 * Every spec gets the page object, and fails if the page logged a console error or threw.
 * `allowConsoleErrors` lets fault-injection specs expect the errors they cause.
 */
export const test = base.extend<{
  app: RecogniserPage;
  consoleErrors: string[];
  allowConsoleErrors: boolean;
}>({
  allowConsoleErrors: [false, { option: true }],
  consoleErrors: async ({ page, allowConsoleErrors }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    if (!allowConsoleErrors) expect(errors, 'console errors').toEqual([]);
  },
  app: async ({ page, consoleErrors }, use) => {
    void consoleErrors; // registered before the page loads
    await use(new RecogniserPage(page));
  },
});

export { expect };
