import { readFile } from 'node:fs/promises';

/**
 * The text of Chart.js's UMD build, to inline into a report page. The build copies it beside the
 * bundle (scripts/bundle.mjs: dist/assets/), so an installed CLI needs no chart.js package; both
 * the bundle's chunks and this module's compiled file sit one folder below dist/.
 */
export async function chartJsSource(): Promise<string> {
  return readFile(new URL('../assets/chart.umd.min.js', import.meta.url), 'utf8');
}
