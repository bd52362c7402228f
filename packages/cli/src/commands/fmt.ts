import { formatModel } from '@vitals/core';
import { rename, writeFile } from 'node:fs/promises';
import { CliError, EXIT, worstExit, type ExitCode } from '../errors.js';
import { readModelFile } from '../io/model-file.js';
import { describeFsError } from '@vitals/data/node';
import { note, writeStdout } from '../io/output.js';
import { renderDiagnostic } from '../render/check-pretty.js';
import { plural } from '../render/check-report.js';
import { safeText } from '../render/safe-text.js';
import { splitLines } from '../render/source-excerpt.js';
import { styleFor } from '../render/style.js';

/**
 * `vitals fmt [--check] MODEL...`: rewrites each model in the canonical layout (the core's
 * `formatModel`), or with --check only lists the files that are not (exit 1 for CI). A file that
 * is not readable YAML is reported and left alone.
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
  const file = await readModelFile(path);
  let result;
  try {
    result = formatModel(file.bytes, path);
  } catch (error) {
    // formatModel refuses output that would change the model's meaning or drop a comment.
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

/** Write beside, then rename over: an interrupted run never leaves half a model. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.vitals-fmt-${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${describeFsError(error)}`);
  }
}
