/**
 * @vitals/data/node — data files read from disk or stdin in constant memory, through the same
 * row reader as the browser-safe entry (`@vitals/data`).
 */
export { openDataFile, DataFileError } from './open-data-file.js';
export { describeFsError } from './fs-errors.js';

export type { DataSource, OpenOptions } from './open-data-file.js';
