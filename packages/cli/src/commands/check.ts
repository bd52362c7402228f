import { hasErrors, planModel } from '@vitals/core';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { readModelFile } from '../io/model-file.js';
import { note, writeStdout } from '../io/output.js';
import type { CheckedFile } from '../render/check-report.js';
import { renderCheckGithub } from '../render/check-github.js';
import { renderCheckJson } from '../render/check-json.js';
import { renderCheckPretty } from '../render/check-pretty.js';
import { styleFor } from '../render/style.js';

export type CheckFormat = 'pretty' | 'github' | 'json';

export interface CheckOptions {
  readonly format: CheckFormat;
}

/**
 * `vitals check MODEL...`: every diagnostic of every model. Only plans the model (no code is
 * generated, no evaluator built), which keeps the command fast enough for an editor's save hook.
 */
export async function runCheck(paths: readonly string[], options: CheckOptions): Promise<ExitCode> {
  const files: CheckedFile[] = [];
  for (const path of paths) files.push(await checkFile(path));
  for (const file of files) if (file.unreadable !== undefined && options.format !== 'json') note(`vitals: ${file.unreadable}`);
  await writeStdout(render(files, options.format));
  if (files.some((f) => f.unreadable !== undefined)) return EXIT.usage;
  return files.some((f) => hasErrors(f.diagnostics)) ? EXIT.failed : EXIT.ok;
}

async function checkFile(path: string): Promise<CheckedFile> {
  try {
    const model = await readModelFile(path);
    return { file: path, text: model.text, diagnostics: planModel(model.bytes, path).diagnostics };
  } catch (error) {
    if (error instanceof CliError) return { file: path, diagnostics: [], unreadable: error.message };
    throw error;
  }
}

function render(files: readonly CheckedFile[], format: CheckFormat): string {
  switch (format) {
    case 'github':
      return renderCheckGithub(files);
    case 'json':
      return renderCheckJson(files);
    case 'pretty':
      return renderCheckPretty(files, styleFor(process.stdout));
  }
}
