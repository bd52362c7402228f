import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { devServerCsp } from './playground/build/dev-csp.js';
import { ravenstackSnapshots } from './playground/build/ravenstack-snapshots.js';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One config, two tools. `vite` and `vite build` serve and build the playground (its root is
 * playground/, its output playground/dist); `vitest` runs every test of the repository (its root is
 * the repository). Both resolve the workspace packages to their sources, so neither needs a build.
 */
export default defineConfig({
  root: source('./playground'),
  plugins: [ravenstackSnapshots(), devServerCsp()],
  resolve: {
    alias: [
      { find: /^@vitals\/core\/testing$/, replacement: source('./packages/core/src/testing/index.ts') },
      { find: /^@vitals\/core$/, replacement: source('./packages/core/src/index.ts') },
      { find: /^@vitals\/data\/node$/, replacement: source('./packages/data/src/node/index.ts') },
      { find: /^@vitals\/data$/, replacement: source('./packages/data/src/index.ts') },
      { find: /^@vitals\/engines$/, replacement: source('./packages/engines/src/index.ts') },
      { find: /^@vitals\/cli$/, replacement: source('./packages/cli/src/index.ts') },
    ],
  },
  server: { port: 5173, fs: { allow: [source('.')] } },
  // Vite's start-up scan does not follow imports inside workers: without this, the first visit after
  // `npm ci` finds monaco-yaml's worker, optimises it and reloads the page (a few blank seconds).
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco is one large chunk by nature; it is loaded once and cached.
    chunkSizeWarningLimit: 5000,
    // Fonts (Monaco's codicon) and every asset stay files of the site: the CSP allows no data: fonts.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  test: {
    root: source('.'),
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'playground/test/**/*.test.ts'],
    env: { TZ: 'UTC' },
    globalSetup: ['./test/support/global-setup.ts'],
    // The e2e tests run the CLI as processes without blocking the worker, so the timeout now applies
    // to them: at load 7 on 2 cores the slowest converted test took 12 s; this leaves room for a busy CI runner.
    testTimeout: 60_000,
  },
});
