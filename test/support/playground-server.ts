import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const ROOT_CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
const DIST = fileURLToPath(new URL('../../playground/dist/index.html', import.meta.url));

/**
 * Serves the built playground (playground/dist, as `npm run build` leaves it) on a free local
 * port, as any static host would; `headers` are added to every response (a host's own CSP, say).
 */
export async function servePlayground(headers: Record<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(DIST)) throw new Error('playground/dist is missing: run `npm run build` first (npm test does)');
  const server = await preview({ configFile: ROOT_CONFIG, logLevel: 'warn', preview: { host: '127.0.0.1', port: 4301, headers } });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the playground server did not report its address');
  return { url, close: () => server.close() };
}
