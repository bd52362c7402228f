// Bundles the compiled CLI (dist/, from tsc) into dist/bin.js (the command) and dist/api.js (the
// package's `main()` for scripts), plus lazily loaded chunks, and copies what they read at run time
// into dist/assets/.
//
// Why: Node's ESM loader resolves and reads every module file one by one. Unbundled, `vitals
// check` spends most of its time loading chevrotain's ~600 lodash-es modules (0.4–0.7 s on a
// laptop-class machine); bundled, the whole command takes ~0.2 s. Command modules stay separate
// chunks (dynamic imports), so `check` never loads the CSV parser and `--help` loads neither.
//
// The bundle carries everything: the core and every dependency are inside it, and Chart.js's UMD
// build (inlined into `report --html` pages) is in dist/assets. So the packed CLI
// (`npm pack -w @vitals/cli`) installs anywhere with no dependency to fetch and nothing from this
// repository; dist/THIRD-PARTY-LICENSES.txt carries the licences of what it bundles.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
rmSync(`${dist}chunks`, { recursive: true, force: true });
rmSync(`${dist}assets`, { recursive: true, force: true });

const { metafile } = await build({
  entryPoints: { bin: `${dist}cli-entry.js`, api: `${dist}index.js` },
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
  metafile: true,
  // DuckDB is a native module, an optional peer: loaded from node_modules at run time, only by --engine duckdb.
  external: ['@duckdb/node-api'],
});

// Chart.js's exports map does not expose the UMD file; its main entry sits beside it in dist/.
const chartJs = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
mkdirSync(`${dist}assets`);
copyFileSync(chartJs, `${dist}assets/chart.umd.min.js`);

writeFileSync(`${dist}THIRD-PARTY-LICENSES.txt`, licences([...bundledPackages(metafile), packageRoot(chartJs)]));

/** The folder of each npm package the bundle took code from (vitals' own packages are not third parties). */
function bundledPackages({ inputs }) {
  return Object.keys(inputs).map((input) => packageRoot(join(process.cwd(), input))).filter((root) => root?.includes('/node_modules/'));
}

/** The nearest folder above a file whose package.json names a package (a package's inner folders may have a nameless one). */
function packageRoot(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name !== undefined) return dir;
  }
  return undefined;
}

function licences(roots) {
  const entries = [...new Set(roots)].map((root) => {
    const { name, version, license } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const file = readdirSync(root).find((f) => /^licen[cs]e/i.test(f));
    const text = file === undefined ? `${license ?? 'see the package'} (the package has no licence file)` : readFileSync(join(root, file), 'utf8').trim();
    return { name, text: `${name}@${version}\n\n${text}` };
  });
  const body = entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => e.text).join(`\n\n${'-'.repeat(72)}\n\n`);
  return `The vitals CLI bundles the following packages.\n\n${'-'.repeat(72)}\n\n${body}\n`;
}
