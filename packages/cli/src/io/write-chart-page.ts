import { writeFile } from 'node:fs/promises';
import { describeFsError } from '@vitals/data/node';
import { CliError } from '../errors.js';
import { note } from './output.js';

/** Writes an `--html` page; Chart.js is read only now, when a page is asked for. */
export async function writeChartPage(path: string, render: (chartJsSource: string) => string): Promise<void> {
  const { chartJsSource } = await import('./chart-js-source.js');
  try {
    await writeFile(path, render(await chartJsSource()));
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${describeFsError(error)}`);
  }
  note(`vitals: wrote ${path}`);
}
