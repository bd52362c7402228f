import { compileModel, hasErrors, parseModelTests, runModelTests, type HealthModel, type Diagnostic } from '@vitals/core';
import { dirname, join } from 'node:path';
import { CliError } from '../errors.js';
import { readModelFile } from '../io/model-file.js';
import type { TestFileOutcome } from './test-outcome.js';

type Compiled = { model: HealthModel | undefined; diagnostics: Diagnostic[]; text: string } | { unreadable: string };

/** Runs one `*.test.yaml` against the model it names. Models are compiled once per run, however many files test them. */
export async function runTestFile(file: string, models: Map<string, Promise<Compiled>>): Promise<TestFileOutcome> {
  const started = performance.now();
  const done = (rest: Omit<TestFileOutcome, 'file' | 'milliseconds'>): TestFileOutcome => ({ file, ...rest, milliseconds: performance.now() - started });
  let testText: string;
  let testBytes: Uint8Array;
  try {
    ({ text: testText, bytes: testBytes } = await readModelFile(file));
  } catch (error) {
    if (error instanceof CliError) return done({ model: '', diagnostics: [], sources: {}, report: undefined, unreadable: error.message });
    throw error;
  }
  const parsed = parseModelTests(testBytes, file);
  if (parsed.value === undefined) return done({ model: '', diagnostics: parsed.diagnostics, sources: { [file]: testText }, report: undefined });
  const modelPath = join(dirname(file), parsed.value.model);
  if (!models.has(modelPath)) models.set(modelPath, compile(modelPath));
  const compiled = await (models.get(modelPath) as Promise<Compiled>);
  if ('unreadable' in compiled) return done({ model: modelPath, diagnostics: parsed.diagnostics, sources: { [file]: testText }, report: undefined, unreadable: compiled.unreadable });
  const sources = { [file]: testText, [modelPath]: compiled.text };
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
