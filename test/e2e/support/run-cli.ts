import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

/** The repository root; the e2e tests run the CLI from here, as a user in the repo would. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The built CLI (`npm test` builds it before vitest runs). */
export const CLI = join(ROOT, 'packages/cli/dist/bin.js');
export const FIXTURES = 'test/e2e/fixtures';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `vitals ARGS` as a process: no colour, as in CI (so no progress bar either). `timeout`
 * (ms) kills a process that stalls; it then has no exit code. Asynchronous, so the test worker
 * is never blocked while the process runs (a worker blocked for a minute on a busy machine misses
 * vitest's RPC deadline and fails the run although every test passed).
 */
export function vitals(args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string>; timeout?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', CI: 'true', ...options.env },
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    // A process that exits before reading its input closes the pipe; that is its business, not the test's.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `vitals ARGS` and hands stdout to `onChunk` as it comes, without keeping it (for huge outputs). */
export function vitalsStreaming(args: readonly string[], onChunk: (chunk: Buffer) => void): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
    let stderr = '';
    child.stdout.on('data', onChunk);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map<string, ValidateFunction>();

/** The JSON Schema shipped for an output (packages/cli/schema/NAME.schema.json), compiled once. */
export function schema(name: 'check' | 'score' | 'score-row' | 'explain' | 'report' | 'test' | 'backtest' | 'diff' | 'sweep' | 'sensitivity'): ValidateFunction {
  let validate = validators.get(name);
  if (validate === undefined) {
    validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'packages/cli/schema', `${name}.schema.json`), 'utf8')) as object);
    validators.set(name, validate);
  }
  return validate;
}

/** Asserts a value matches a shipped schema, with ajv's errors as the message when it does not. */
export function expectValid(name: Parameters<typeof schema>[0], value: unknown): void {
  const validate = schema(name);
  if (!validate(value)) throw new Error(`does not match ${name}.schema.json: ${ajv.errorsText(validate.errors)}`);
}

export function ndjson(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}
