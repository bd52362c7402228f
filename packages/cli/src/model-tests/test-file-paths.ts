import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../errors.js';
import { readModelFile, type ModelFile } from '../io/model-file.js';
import { describeFsError } from '@vitals/data/node';

/** A test file as read, and the tree its model must come from. */
export interface TestFileSource extends ModelFile {
  readonly root: string;
}

/**
 * Reads a `*.test.yaml`. Test files arrive in pull requests, so what they lead to is held to
 * their project: the repository they are in (the nearest directory above holding `.git`), or
 * their own directory outside any. A test file that is a link out of it is not read; a file that
 * is not a test file (no `cases:`) is not shown.
 */
export async function readTestFile(file: string): Promise<TestFileSource> {
  const root = await projectRoot(file);
  if (!(await isInside(root, file))) throw new CliError(`${file} leads outside its project (${root}), so it is not read`);
  return { ...(await readModelFile(file, 'tests')), root };
}

/** The path of the model a test file names; refused when it (or a link on the way) leads outside the project. */
export async function testedModelPath(test: TestFileSource, model: string): Promise<string> {
  const path = join(dirname(test.path), model);
  if (!(await isInside(test.root, path))) throw new CliError(`the model of ${test.path}, ${model}, is outside its project (${test.root}), so it is not read`);
  return path;
}

async function projectRoot(file: string): Promise<string> {
  // The directory the file is listed in, not where a link named like a test file points.
  const start = await realpath(dirname(resolve(file))).catch((error: unknown) => {
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`);
  });
  for (let directory = start; ; directory = dirname(directory)) {
    if (await exists(join(directory, '.git'))) return directory;
    if (dirname(directory) === directory) return start;
  }
}

/** Whether `path`, links followed, lies inside `root`. A path that does not exist is left for the read to report. */
async function isInside(root: string, path: string): Promise<boolean> {
  const resolved = await realpath(path).catch(() => undefined);
  if (resolved === undefined) return true;
  const rel = relative(root, resolved);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
