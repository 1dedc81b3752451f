import { defineConfig } from '@playwright/test';

// Browsers are launched by tests/e2e/host.ts (Debian's Chromium, or the real
// Electron app), never downloaded: there is no `projects`/browser config here.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  retries: 0,
  // A CI machine may be slower or busier than a laptop: more time, never a retry
  // (a flaky spec counts as a failure in scripts/test-all.mjs).
  timeout: process.env['CI'] ? 60_000 : 30_000,
  expect: { timeout: process.env['CI'] ? 10_000 : 5_000 },
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e-results.json' }]],
});
