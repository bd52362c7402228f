import { compileModel, hasErrors, type HealthModel } from '@vitals/core';
import { CliError, EXIT } from '../errors.js';
import { readModelFile } from '../io/model-file.js';
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
  const file = await readModelFile(path);
  const { model, diagnostics } = compileModel(file.bytes, { file: path });
  if (model === undefined || hasErrors(diagnostics)) {
    const lines = splitLines(file.text);
    const style = styleFor(process.stderr);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    process.stderr.write(`${errors.flatMap((d) => [...renderDiagnostic(d, lines, style), '']).join('\n')}\n`);
    throw new CliError(`${path} has ${plural(errors.length, 'error')}; nothing was scored`, EXIT.failed);
  }
  if (diagnostics.length > 0) note(`vitals: ${path} has ${plural(diagnostics.length, 'warning')} (vitals check ${path} lists them)`);
  return model;
}
