import { readFile } from 'node:fs/promises';
import { CliError } from '../errors.js';
import { describeFsError } from '@vitals/data/node';

/** A model or test file as read from disk: the bytes the core decodes, and the text for showing source lines. */
export interface ModelFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly text: string;
}

/** `*.test.yaml` (or `.yml`): a file of model tests rather than a model. */
export const TEST_FILE = /\.test\.ya?ml$/;

/**
 * The key each kind of file cannot do without, at the start of a line (block style) or after `{`
 * or a quote (flow style, JSON): a model has `vitals:`, a test file `cases:`.
 */
const MARKER = { model: /^[ \t{]*["']?vitals["']?[ \t]*:/m, tests: /^[ \t{]*["']?cases["']?[ \t]*:/m } as const;

/**
 * Reads a model (or, with `kind: 'tests'`, a model test file). A file that is not one — no
 * `vitals:` key, or for a test file no `cases:` — is refused before anything of it is parsed or
 * shown: a path can arrive from untrusted text (a test file's `model:`, a glob over a pull
 * request's files), and diagnostics quote the file, so `/proc/self/environ` or a credentials file
 * passed as a model must never reach a terminal or a CI log.
 */
export async function readModelFile(path: string, kind: 'model' | 'tests' = 'model'): Promise<ModelFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  const decoded = new TextDecoder('utf-8').decode(bytes);
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (!MARKER[kind].test(text)) {
    const what = kind === 'model' ? 'a vitals model: it has no `vitals:` key' : 'a vitals test file: it has no `cases:` key';
    const start = kind === 'model' ? 'a model starts with `vitals: 1`' : 'a test file lists its `cases:`';
    throw new CliError(`${path} is not ${what} (nothing of it is shown; ${start})`);
  }
  return { path, bytes, text };
}
