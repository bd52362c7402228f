import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './support/run-cli.js';

test('`npx vitals` in the repository runs the built CLI (npm links the committed launcher)', () => {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/vitals'), ['check', '--no-weights', 'models/saas-seven-metrics/model.yaml'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(run.status).toBe(0);
  expect(run.stdout).toBe('✓ 1 model checked: no problems\n');
});

test('before a build, the launcher says what to do instead of a stack trace (exit 2)', () => {
  const copy = join(mkdtempSync(join(tmpdir(), 'vitals-launcher-')), 'bin');
  mkdirSync(copy);
  copyFileSync(join(ROOT, 'packages/cli/bin/vitals.js'), join(copy, 'vitals.js'));
  const run = spawnSync(process.execPath, [join(copy, 'vitals.js'), '--version'], { encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toBe('vitals: the CLI is not built yet: run `npm run build` in the repository first\n');
});
