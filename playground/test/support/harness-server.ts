import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

/**
 * Vite's dev server on the playground, for the element tests' harness page: the elements are
 * served as they are written (no build), the dependencies pre-bundled once.
 */
export async function startHarness(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: ViteDevServer = await createServer({
    configFile: fileURLToPath(new URL('../../../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    server: { port: 5301, host: '127.0.0.1' },
    // Pre-bundle what the harness imports, not the whole app (Monaco is not under test here).
    optimizeDeps: { entries: ['test/harness/index.html'] },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (base === undefined) throw new Error('the harness server did not report its address');
  return { url: new URL('test/harness/index.html', base).href, close: () => server.close() };
}
