import { compileModel, hasErrors, parseModelTests, runModelTests, type HealthModel, type Diagnostic } from '@vitals/core';
import { CliError } from '../errors.js';
import { readModelFile } from '../io/model-file.js';
import { readTestFile, testedModelPath, type TestFileSource } from './test-file-paths.js';
import type { TestFileOutcome } from './test-outcome.js';

type Compiled = { model: HealthModel | undefined; diagnostics: Diagnostic[]; text: string } | { unreadable: string };

/**
 * Runs one `*.test.yaml` against the model it names. Models are compiled once per run, however
 * many files test them. The model a test file names must lie inside its project and be a model,
 * or nothing of it is read or shown (`test-file-paths.ts`).
 */
export async function runTestFile(file: string, models: Map<string, Promise<Compiled>>): Promise<TestFileOutcome> {
  const started = performance.now();
  const done = (rest: Omit<TestFileOutcome, 'file' | 'milliseconds'>): TestFileOutcome => ({ file, ...rest, milliseconds: performance.now() - started });
  let test: TestFileSource;
  try {
    test = await readTestFile(file);
  } catch (error) {
    if (error instanceof CliError) return done({ model: '', diagnostics: [], sources: {}, report: undefined, unreadable: error.message });
    throw error;
  }
  const parsed = parseModelTests(test.bytes, file);
  if (parsed.value === undefined) return done({ model: '', diagnostics: parsed.diagnostics, sources: { [file]: test.text }, report: undefined });
  let modelPath: string;
  try {
    modelPath = await testedModelPath(test, parsed.value.model);
  } catch (error) {
    if (error instanceof CliError) return done({ model: parsed.value.model, diagnostics: parsed.diagnostics, sources: { [file]: test.text }, report: undefined, unreadable: error.message });
    throw error;
  }
  if (!models.has(modelPath)) models.set(modelPath, compile(modelPath));
  const compiled = await (models.get(modelPath) as Promise<Compiled>);
  if ('unreadable' in compiled) return done({ model: modelPath, diagnostics: parsed.diagnostics, sources: { [file]: test.text }, report: undefined, unreadable: compiled.unreadable });
  const sources = { [file]: test.text, [modelPath]: compiled.text };
  if (compiled.model === undefined) return done({ model: modelPath, diagnostics: [...parsed.diagnostics, ...compiled.diagnostics.filter((d) => d.severity === 'error')], sources, report: undefined });
  return done({ model: modelPath, diagnostics: parsed.diagnostics, sources, report: runModelTests(parsed.value, compiled.model) });
}

async function compile(path: string): Promise<Compiled> {
  try {
    const file = await readModelFile(path);
    const { model, diagnostics } = compileModel(file.bytes, { file: path });
    return { model: hasErrors(diagnostics) ? undefined : model, diagnostics, text: file.text };
  } catch (error) {
    if (error instanceof CliError) return { unreadable: error.message };
    throw error;
  }
}
