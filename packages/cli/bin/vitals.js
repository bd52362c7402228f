#!/usr/bin/env node
// The `vitals` command. It runs the bundled CLI, dist/bin.js, which `npm run build` writes. This
// launcher is committed so that `npm ci` can link `vitals` (npx vitals) before anything is built.
try {
  await import('../dist/bin.js');
} catch (error) {
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.js');
  if (!missing) throw error;
  process.stderr.write('vitals: the CLI is not built yet: run `npm run build` in the repository first\n');
  process.exitCode = 2;
}
