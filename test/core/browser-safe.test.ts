import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

/**
 * The core and the data reader run in a browser worker (the playground's upload): each bundles for
 * the browser with no Node built-in, and the core reads no clock.
 */
const CORE_SRC = join(import.meta.dirname, '../../packages/core/src');
const DATA_SRC = join(import.meta.dirname, '../../packages/data/src');

test.each([
  ['the core', CORE_SRC],
  ['the data reader (@vitals/data, not its ./node entry)', DATA_SRC],
])('%s bundles for the browser without any Node built-in', async (_name, src) => {
  const result = await build({
    entryPoints: [join(src, 'index.ts')],
    alias: { '@vitals/core': join(CORE_SRC, 'index.ts') },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  const code = result.outputFiles[0]?.text ?? '';
  expect(code.length).toBeGreaterThan(10_000);
  expect(code).not.toMatch(/from\s*["']node:|require\(["'](?:node:)?(?:fs|path|os|crypto|child_process)["']\)/);
});

test('no core source reads the clock or the environment', () => {
  const files = readdirSync(CORE_SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const offenders = files.filter((file) => /Date\.now\(|new Date\(\)|performance\.now\(|process\.|Math\.random\(/.test(readFileSync(join(CORE_SRC, file), 'utf8')));
  expect(offenders).toEqual([]);
});
