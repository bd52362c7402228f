import { checkSuiteReferences, effectiveWeights, hasErrors, parseModelTests, planModel } from '@vitals/core';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { readModelFile, TEST_FILE } from '../io/model-file.js';
import { readTestFile, testedModelPath } from '../model-tests/test-file-paths.js';
import { note, writeStdout } from '../io/output.js';
import type { CheckedFile } from '../render/check-report.js';
import { renderCheckGithub } from '../render/check-github.js';
import { renderCheckJson } from '../render/check-json.js';
import { renderCheckPretty } from '../render/check-pretty.js';
import { styleFor } from '../render/style.js';

export type CheckFormat = 'pretty' | 'github' | 'json';

export interface CheckOptions {
  readonly format: CheckFormat;
  /** Print each metric's effective share of the overall score (pretty output). */
  readonly weights: boolean;
}

/**
 * `vitals check MODEL...`: every diagnostic of every model (and of every `*.test.yaml` named). A
 * model is only checked (no plan, no code generated, no evaluator built), which keeps the command
 * fast enough for an editor's save hook.
 */
export async function runCheck(paths: readonly string[], options: CheckOptions): Promise<ExitCode> {
  const files: CheckedFile[] = [];
  for (const path of paths) files.push(await checkFile(path));
  for (const file of files) if (file.unreadable !== undefined && options.format !== 'json') note(`vitals: ${file.unreadable}`);
  await writeStdout(render(files, options));
  if (files.some((f) => f.unreadable !== undefined)) return EXIT.usage;
  return files.some((f) => hasErrors(f.diagnostics)) ? EXIT.failed : EXIT.ok;
}

async function checkFile(path: string): Promise<CheckedFile> {
  try {
    if (TEST_FILE.test(path)) return await checkTestFile(path);
    const model = await readModelFile(path);
    // Planned (not only checked) so the effective weights can be shown; planning is a small share of a check.
    const { plan, diagnostics } = planModel(model.bytes, path);
    return { file: path, text: model.text, diagnostics, ...(plan === undefined ? {} : { weights: effectiveWeights(plan) }) };
  } catch (error) {
    if (error instanceof CliError) return { file: path, diagnostics: [], unreadable: error.message };
    throw error;
  }
}

/**
 * A `*.test.yaml` is checked as a test file: its own shape, and — when the model it names reads
 * and plans — the names its cases use. Its cases are not run (that is `vitals test`), and the
 * model's own mistakes are `vitals check MODEL`'s to report.
 */
async function checkTestFile(path: string): Promise<CheckedFile> {
  const test = await readTestFile(path);
  const parsed = parseModelTests(test.bytes, path);
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value !== undefined) {
    const model = await readModelFile(await testedModelPath(test, parsed.value.model)).catch(() => undefined);
    const plan = model === undefined ? undefined : planModel(model.bytes, model.path).plan;
    if (plan !== undefined) diagnostics.push(...checkSuiteReferences(parsed.value, plan));
  }
  return { file: path, text: test.text, diagnostics };
}

function render(files: readonly CheckedFile[], options: CheckOptions): string {
  switch (options.format) {
    case 'github':
      return renderCheckGithub(files);
    case 'json':
      return renderCheckJson(files);
    case 'pretty':
      return renderCheckPretty(options.weights ? files : files.map(({ weights: _weights, ...file }) => file), styleFor(process.stdout));
  }
}
