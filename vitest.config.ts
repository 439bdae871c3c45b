import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // 2-core machines: keep the pool small, parsing PDFs is CPU-heavy.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
