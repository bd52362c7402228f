import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../errors.js';
import { describeFsError } from '@vitals/data/node';
import { TEST_FILE } from '../io/model-file.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'coverage']);

/** `*.test.yaml` files: the path itself, or every one under a directory (sorted, skipping node_modules and hidden folders). */
export async function findTestFiles(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  if (!info.isDirectory()) return [path];
  const found: string[] = [];
  await walk(path, found);
  return found.sort();
}

async function walk(directory: string, found: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, found);
    } else if (TEST_FILE.test(entry.name)) {
      found.push(path);
    }
  }
}
