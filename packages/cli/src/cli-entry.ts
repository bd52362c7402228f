#!/usr/bin/env node
// The `vitals` executable. `npm run build` bundles this file into dist/bin.js (see scripts/bundle.mjs).
import { main } from './main.js';

process.stdout.on('error', quietOnClosedPipe);
process.exitCode = await main(process.argv.slice(2));

/** `vitals score … | head` closes stdout early: stop quietly, as Unix tools do. */
function quietOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}
