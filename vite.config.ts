import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@vitals\/core\/testing$/, replacement: source('./packages/core/src/testing/index.ts') },
      { find: /^@vitals\/core$/, replacement: source('./packages/core/src/index.ts') },
      { find: /^@vitals\/data\/node$/, replacement: source('./packages/data/src/node/index.ts') },
      { find: /^@vitals\/data$/, replacement: source('./packages/data/src/index.ts') },
      { find: /^@vitals\/cli$/, replacement: source('./packages/cli/src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
  },
});
