import { formatModel, formatModelTests } from '@vitals/core';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError, EXIT, worstExit, type ExitCode } from '../errors.js';
import { readModelFile, TEST_FILE } from '../io/model-file.js';
import { describeFsError } from '@vitals/data/node';
import { note, writeStdout } from '../io/output.js';
import { renderDiagnostic } from '../render/check-pretty.js';
import { plural } from '../render/check-report.js';
import { safeText } from '../render/safe-text.js';
import { splitLines } from '../render/source-excerpt.js';
import { styleFor } from '../render/style.js';

/**
 * `vitals fmt [--check] MODEL...`: rewrites each model (and each `*.test.yaml`, in its own key
 * order) in the canonical layout (the core's `formatModel`, `formatModelTests`), or with --check
 * only lists the files that are not (exit 1 for CI). A file that is not readable YAML, is over a
 * limit, or is not a model is reported and left alone.
 */
export async function runFmt(paths: readonly string[], options: { check: boolean }): Promise<ExitCode> {
  let exit: ExitCode = EXIT.ok;
  const changed: string[] = [];
  let failed = 0;
  for (const path of paths) {
    try {
      const outcome = await formatFile(path, options.check);
      if (outcome === 'changed') changed.push(path);
      if (outcome === 'error') {
        failed++;
        exit = worstExit(exit, EXIT.failed);
      }
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      note(`vitals: ${error.message}`);
      failed++;
      exit = worstExit(exit, error.exitCode);
    }
  }
  await writeStdout(changed.map((path) => `${options.check ? 'not formatted' : 'formatted'}: ${safeText(path)}\n`).join(''));
  const unchanged = paths.length - changed.length - failed;
  note(`${plural(paths.length, 'file')}: ${changed.length} ${options.check ? 'not formatted' : 'reformatted'}, ${unchanged} already formatted${failed > 0 ? `, ${failed} not formattable` : ''}`);
  return options.check && changed.length > 0 ? worstExit(exit, EXIT.failed) : exit;
}

async function formatFile(path: string, checkOnly: boolean): Promise<'changed' | 'unchanged' | 'error'> {
  const isTestFile = TEST_FILE.test(path);
  const file = await readModelFile(path, isTestFile ? 'tests' : 'model');
  let result;
  try {
    result = isTestFile ? formatModelTests(file.bytes, path) : formatModel(file.bytes, path);
  } catch (error) {
    // The formatter refuses output that would change what the file says, its content hash or a comment.
    throw new CliError((error as Error).message, EXIT.failed);
  }
  if (result.value === undefined) {
    const style = styleFor(process.stderr);
    process.stderr.write(`${result.diagnostics.flatMap((d) => [...renderDiagnostic(d, splitLines(file.text), style), '']).join('\n')}\n`);
    return 'error';
  }
  if (result.value === file.text) return 'unchanged';
  if (!checkOnly) await replaceFile(path, result.value);
  return 'changed';
}

/**
 * Writes beside the file, then renames over it: an interrupted run never leaves half a model. A
 * symbolic link is written through (its target is replaced, the link stays a link), the file's
 * permissions are kept, and the new text is on disk (fsync) before the rename makes it the file.
 */
async function replaceFile(path: string, text: string): Promise<void> {
  let temporary: string | undefined;
  try {
    const target = await realpath(path);
    const { mode } = await stat(target);
    temporary = join(dirname(target), `.${basename(target)}.vitals-fmt-${process.pid}.tmp`);
    const handle = await open(temporary, 'wx', mode & 0o7777);
    try {
      await handle.writeFile(text, 'utf8');
      // The mode given to open() is narrowed by the umask; set it exactly.
      await handle.chmod(mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    temporary = undefined;
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${describeFsError(error)}`);
  } finally {
    if (temporary !== undefined) await rm(temporary, { force: true });
  }
}
