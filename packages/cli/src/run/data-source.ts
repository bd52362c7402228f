/**
 * How the impact commands (diff, simulate) open `--data`: through this one module, so that moving
 * to the shared data-reading module is a change of this import alone.
 */
export { openData, type DataSource } from '../data/open-data.js';
