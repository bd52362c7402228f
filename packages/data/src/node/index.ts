/**
 * @vitals/data/node — data files read from disk or stdin in constant memory, through the same
 * row reader as the browser-safe entry (`@vitals/data`).
 */
export { openDataFile, DataFileError, describeFsError } from './open-data-file.js';

export type { DataSource, OpenOptions } from './open-data-file.js';
