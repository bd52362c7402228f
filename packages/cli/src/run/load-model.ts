import { compileModel, hasErrors, type Diagnostic, type HealthModel } from '@vitals/core';
import { CliError, EXIT } from '../errors.js';
import { readModelFile, type ModelFile } from '../io/model-file.js';
import { note } from '../io/output.js';
import { renderDiagnostic } from '../render/check-pretty.js';
import { plural } from '../render/check-report.js';
import { splitLines } from '../render/source-excerpt.js';
import { styleFor } from '../render/style.js';

/**
 * Reads and compiles a model for scoring. A model with errors stops the command with exit 1, and
 * its diagnostics go to stderr (stdout is for data); warnings are only counted.
 */
export async function loadModel(path: string): Promise<HealthModel> {
  return compileModelFile(await readModelFile(path));
}

/** Compiles a model already read (from a file, or from git as `REF:path`), as `loadModel` does. */
export function compileModelFile(file: ModelFile): HealthModel {
  const { model, diagnostics } = compileModel(file.bytes, { file: file.path });
  if (model === undefined || hasErrors(diagnostics)) {
    printErrors(diagnostics, file.text);
    throw new CliError(`${file.path} has ${plural(diagnostics.filter((d) => d.severity === 'error').length, 'error')}; nothing was scored`, EXIT.failed);
  }
  if (diagnostics.length > 0) note(`vitals: ${file.path} has ${plural(diagnostics.length, 'warning')} (vitals check ${file.path} lists them)`);
  return model;
}

/** A model's errors on stderr, each with its source line and caret. */
export function printErrors(diagnostics: readonly Diagnostic[], text: string): void {
  const lines = splitLines(text);
  const style = styleFor(process.stderr);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  process.stderr.write(`${errors.flatMap((d) => [...renderDiagnostic(d, lines, style), '']).join('\n')}\n`);
}
