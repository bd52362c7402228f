import { readFile } from 'node:fs/promises';
import { CliError } from '../errors.js';
import { describeFsError } from '@vitals/data/node';

/** A model file as read from disk: the bytes the core decodes, and the text for showing source lines. */
export interface ModelFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly text: string;
}

export async function readModelFile(path: string): Promise<ModelFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { path, bytes, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
