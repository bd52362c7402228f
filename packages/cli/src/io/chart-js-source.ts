import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The text of Chart.js's UMD build (from the installed chart.js package), to inline into a report page. */
export async function chartJsSource(): Promise<string> {
  // chart.js's exports map does not expose the UMD file; its main entry sits beside it in dist/.
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFile(join(dirname(main), 'chart.umd.min.js'), 'utf8');
}
