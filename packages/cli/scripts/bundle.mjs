// Bundles the compiled CLI (dist/, from tsc) into dist/bin.js plus lazily loaded chunks.
//
// Why: Node's ESM loader resolves and reads every module file one by one. Unbundled, `vitals
// check` spends most of its time loading chevrotain's ~600 lodash-es modules (0.4–0.7 s on a
// laptop-class machine); bundled, the whole command takes ~0.2 s. Command modules stay separate
// chunks (dynamic imports), so `check` never loads the CSV parser and `--help` loads neither.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
rmSync(`${dist}chunks`, { recursive: true, force: true });

await build({
  entryPoints: { bin: `${dist}cli-entry.js` },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Prefer each package's ESM build (yaml's CommonJS build requires `process` dynamically).
  mainFields: ['module', 'main'],
  // CommonJS dependencies (commander, ajv, cli-progress) call require(); ESM output has none.
  banner: { js: "import { createRequire as __vitalsCreateRequire } from 'node:module'; const require = __vitalsCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
