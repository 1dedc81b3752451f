// Playwright fixtures: each test gets Ponder on its own library and a fresh
// data folder, and fails if the page threw anything uncaught.

import { test as base, expect } from '@playwright/test';
import { launchReader, SAMPLE_LIBRARY } from './host';
import type { LaunchOptions, Reader } from './host';
import { ReaderPage } from './reader-page';

interface ReaderFixtures {
  launch: LaunchOptions;
  reader: Reader;
  ui: ReaderPage;
}

export const test = base.extend<ReaderFixtures>({
  launch: [{ library: SAMPLE_LIBRARY }, { option: true }],
  reader: async ({ launch }, use) => {
    const reader = await launchReader(launch);
    try {
      await use(reader);
      expect(reader.pageErrors.map((error) => error.message), 'uncaught errors in the page').toEqual([]);
    } finally {
      await reader.close();
    }
  },
  ui: async ({ reader }, use) => {
    await use(new ReaderPage(reader.page));
  },
});

export { expect };
