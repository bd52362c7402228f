// `npm run summary`: scores each example model on its sample data and
// prints the band shares and a small histogram (`vitals report`). A model folder without
// sample.csv is skipped with a note. Runs the built CLI (npm run summary builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages/cli/dist/bin.js');
const models = join(root, 'models');

let failures = 0;
for (const name of readdirSync(models, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  const model = join(models, name, 'model.yaml');
  const sample = join(models, name, 'sample.csv');
  if (!existsSync(model)) continue;
  const shown = (path) => relative(root, path);
  console.log(`\n━━ ${shown(model)} ━━`);
  if (!existsSync(sample)) {
    console.log(`(no sample data: ${shown(sample)} does not exist, so this model is skipped)`);
    continue;
  }
  const run = spawnSync(process.execPath, [cli, 'report', shown(model), '--data', shown(sample)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failures++;
}
console.log(failures === 0 ? '\nEvery model scored its sample data. Try: npx vitals score --help' : `\n${failures} model(s) could not be scored (see above).`);
process.exitCode = failures === 0 ? 0 : 1;
