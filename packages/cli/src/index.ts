/**
 * @vitals/cli — the `vitals` command line. The executable is dist/bin.js; this entry lets a
 * script run the same commands in-process.
 */

/** Runs `vitals` with the given arguments (without `node` and the script) and returns the exit code. */
export { main } from './main.js';
export { EXIT } from './errors.js';
export type { ExitCode } from './errors.js';
