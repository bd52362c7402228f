import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { readTables } from '../../models/ravenstack/lib/read-tables.js';
import { deriveSnapshots } from '../../models/ravenstack/lib/snapshots.js';
import { snapshotsToCsv } from '../../models/ravenstack/lib/write-csv.js';

const AVAILABLE = 'virtual:ravenstack-snapshots';
const CSV = 'virtual:ravenstack-snapshots/csv';
const DATA = fileURLToPath(new URL('../../../shared/data/ravenstack', import.meta.url));

/**
 * `virtual:ravenstack-snapshots/csv`: the RavenStack monthly snapshots (models/ravenstack/README.md),
 * derived at build time from the public data set beside the repository, as CSV text (a chunk of
 * its own, loaded when picked). `virtual:ravenstack-snapshots` says whether this build has them: a
 * machine without the data set leaves the example out of the list rather than broken.
 */
export function ravenstackSnapshots(): Plugin {
  return {
    name: 'vitals-ravenstack-snapshots',
    resolveId: (source) => (source === AVAILABLE || source === CSV ? `\0${source}` : undefined),
    load(id) {
      if (id === `\0${AVAILABLE}`) return `export default ${existsSync(DATA)};`;
      if (id === `\0${CSV}`) return `export default ${JSON.stringify(existsSync(DATA) ? snapshotsToCsv(deriveSnapshots(readTables(DATA))) : '')};`;
      return undefined;
    },
  };
}
