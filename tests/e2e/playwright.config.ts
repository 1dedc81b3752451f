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
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e-results.json' }]],
});
