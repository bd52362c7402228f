import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { CliError } from '../errors.js';
import type { ModelFile } from './model-file.js';

/**
 * A model file as it is at a git revision (`vitals diff --base origin/main models/x.yaml`), read
 * with `git show REF:./FILE` from the file's own directory, so the path is the one on disk
 * whichever directory the command runs in. Undefined when the file does not exist at that
 * revision (a model the change adds). Git is run without a shell, with the arguments as given.
 */
export async function readGitFile(ref: string, path: string): Promise<ModelFile | undefined> {
  if (ref.startsWith('-')) throw new CliError(`--base must be a git revision, got ${JSON.stringify(ref)}`);
  const spec = `${ref}:./${basename(path)}`;
  const { stdout, stderr, error } = await git(['show', spec], dirname(path));
  if (error === undefined) {
    const text = new TextDecoder('utf-8').decode(stdout);
    return { path: `${ref}:${path}`, bytes: stdout, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  if ((error as { code?: unknown }).code === 'ENOENT' && stderr === '') throw new CliError('--base needs git, and git is not installed (or not on the PATH)');
  if (/does not exist in|exists on disk, but not in/.test(stderr)) return undefined;
  if (/not a git repository/i.test(stderr)) throw new CliError(`--base reads ${path} from git, but ${dirname(path)} is not in a git repository`);
  if (/invalid object name|unknown revision|bad revision|ambiguous argument/i.test(stderr)) {
    throw new CliError(`--base ${ref}: git knows no such revision (fetch it first, e.g. \`git fetch origin main\`; in GitHub Actions check out with fetch-depth: 0)`);
  }
  throw new CliError(`git show ${spec} failed: ${stderr.trim().split('\n')[0] ?? (error as Error).message}`);
}

function git(args: readonly string[], cwd: string): Promise<{ stdout: Buffer; stderr: string; error: Error | undefined }> {
  return new Promise((resolve) => {
    execFile('git', [...args], { cwd: cwd === '' ? '.' : cwd, encoding: 'buffer', maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr: stderr.toString('utf8'), error: error ?? undefined });
    });
  });
}
