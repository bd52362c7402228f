import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CLI, ROOT } from './support/run-cli.js';

// The README's way to put `vitals` on the PATH: pack the CLI and install the tarball globally. It
// is tested as a team would use it: installed offline into a fresh prefix (so nothing can be
// fetched and nothing of this clone is reachable), then run in another directory on a model there.

/** The environment of a user's shell: without the npm_* variables `npm test` sets (they point npm at this repository). */
function shellEnv(bin: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  delete env.NODE_PATH;
  return { ...env, PATH: [bin, dirname(process.execPath), env.PATH].join(delimiter), NO_COLOR: '1', CI: 'true' };
}

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A process run without blocking this worker (npm can take long on a shared machine, and vitest's worker must keep talking). */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function expectOk(ran: Promise<Ran>): Promise<string> {
  const { code, stdout, stderr } = await ran;
  expect(code, stderr).toBe(0);
  return stdout;
}

const temp = mkdtempSync(join(tmpdir(), 'vitals-install-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

test('`npm pack` + `npm install -g` of the tarball: `vitals` from any directory, with everything it needs inside', async () => {
  const prefix = join(temp, 'prefix');
  const env = shellEnv(join(prefix, 'bin'));
  const npm = (args: string[], cwd: string) => run('npm', args, cwd, env);

  // --ignore-scripts: the package's prepack builds, and `npm test` has built already; a second build
  // would take dist/ away from the end-to-end tests running beside this one.
  const packed = JSON.parse(await expectOk(npm(['pack', '-w', '@vitals/cli', '--pack-destination', temp, '--json', '--ignore-scripts'], ROOT))) as { filename: string; files: { path: string }[] }[];
  const tarball = packed[0] as (typeof packed)[number];
  expect(tarball.files.map((f) => f.path)).toEqual(expect.arrayContaining(['bin/vitals.js', 'dist/bin.js', 'dist/assets/chart.umd.min.js', 'schema/score.schema.json', 'dist/THIRD-PARTY-LICENSES.txt']));
  await expectOk(npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(temp, tarball.filename)], temp));
  const installed = join(prefix, 'lib/node_modules/@vitals/cli');
  // The bundle holds the core and every dependency: the package asks for nothing, and nothing was added beside it.
  expect((JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies).toBeUndefined();
  expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  // The package's entry for scripts works from the install too.
  const api = run(process.execPath, ['--input-type=module', '-e', "const { main, EXIT } = await import('@vitals/cli'); console.log(typeof main, EXIT.usage)"], join(prefix, 'lib'), env);
  expect(await expectOk(api)).toBe('function 2\n');

  // A team's own models repository, far from this clone.
  const repo = join(temp, 'our-models');
  mkdirSync(repo);
  for (const file of ['model.yaml', 'sample.csv', 'golden.test.yaml']) copyFileSync(join(ROOT, 'models/saas-seven-metrics', file), join(repo, file));
  const vitals = (...args: string[]) => run('vitals', args, repo, env);

  expect(await expectOk(vitals('check', '--no-weights', 'model.yaml'))).toBe('✓ 1 model checked: no problems\n');
  const scores = await expectOk(vitals('score', 'model.yaml', '--data', 'sample.csv', '--format', 'csv'));
  // The same scores as the clone's own build gives.
  expect(scores).toBe((await run(process.execPath, [CLI, 'score', 'model.yaml', '--data', 'sample.csv', '--format', 'csv'], repo, env)).stdout);
  expect(await expectOk(vitals('test'))).toMatch(/✓ \d+ cases: \d+ passed, 0 failed in 1 file\n$/);
  // report --html inlines Chart.js from the package's own assets.
  await expectOk(vitals('report', 'model.yaml', '--data', 'sample.csv', '--html', 'report.html'));
  expect(readFileSync(join(repo, 'report.html'), 'utf8')).toContain('Chart.js v4');
  // Eight processes, two of them npm: a few seconds of CPU, far more wall time on a shared machine.
}, 120_000);
