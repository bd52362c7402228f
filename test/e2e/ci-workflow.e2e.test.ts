import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { CLI, FIXTURES, ROOT } from './support/run-cli.js';

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
const workflow = parse(readFileSync(join(ROOT, 'docs/ci/models.yml'), 'utf8')) as { on: { pull_request: { paths: string[] } }; permissions: Record<string, string>; jobs: { models: { steps: Step[] } } };
const steps = workflow.jobs.models.steps;

test('the example workflow runs on pull requests that touch models/, checks, tests, and may comment', () => {
  expect(workflow.on.pull_request.paths).toEqual(['models/**']);
  expect(workflow.permissions['pull-requests']).toBe('write');
  const commands = steps.map((s) => s.run ?? '').join('\n');
  expect(commands).toContain('npx vitals check --format github models/*/model.yaml');
  expect(commands).toContain('npx vitals test models --reporter github');
  expect(commands).toContain('gh pr comment "$PR" --body-file impact.md --edit-last --create-if-none');
});

test("its diff step, run as written in a repository with a changed model, writes that model's impact as Markdown", () => {
  const step = steps.find((s) => s.run?.includes('vitals diff')) as Step;
  const repo = mkdtempSync(join(tmpdir(), 'vitals-ci-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd: repo, stdio: 'pipe' });
  for (const name of ['demo', 'other']) {
    mkdirSync(join(repo, 'models', name), { recursive: true });
    copyFileSync(join(ROOT, FIXTURES, 'impact/base.yaml'), join(repo, 'models', name, 'model.yaml'));
    copyFileSync(join(ROOT, FIXTURES, 'impact/accounts.csv'), join(repo, 'models', name, 'sample.csv'));
  }
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'models');
  git('checkout', '-q', '-b', 'change');
  copyFileSync(join(ROOT, FIXTURES, 'impact/head.yaml'), join(repo, 'models/demo/model.yaml'));
  git('commit', '-q', '-am', 'usage weighs more');
  // `npx vitals` in the workflow is this repository's CLI here
  const bin = mkdtempSync(join(tmpdir(), 'vitals-bin-'));
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\nshift\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  execFileSync('bash', ['-eo', 'pipefail', '-c', step.run as string], { cwd: repo, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, BASE: 'main', NO_COLOR: '1', CI: 'true' }, stdio: 'pipe' });
  const comment = readFileSync(join(repo, 'impact.md'), 'utf8');
  expect(comment).toMatch(/^### vitals diff: Review demo\n\n\*\*5 model changes; 3 of 7 accounts scored by both change band/);
  expect(comment).toContain('base: `main:models/demo/model.yaml`');
  // only the model the pull request changed
  expect(comment).not.toContain('models/other');
});
