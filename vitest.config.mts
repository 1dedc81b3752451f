import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    environment: 'node',
    // Each test makes its own temp folder; files are small, so threads are plenty.
    pool: 'threads',
    testTimeout: 20_000,
  },
});
