// Run as a child process: the first compile of a model in a fresh Node, as a CLI run sees it.
// Prints { importMs, firstCompileMs } as JSON. Usage: node cold-compile-child.js <model.yaml>
import { readFileSync } from 'node:fs';

const file = process.argv[2] as string;
const text = readFileSync(file, 'utf8');
const started = performance.now();
const core = await import('@vitals/core');
const imported = performance.now();
const { model } = core.compileModel(text, { file });
const compiled = performance.now();
if (model === undefined) process.exit(2);
process.stdout.write(JSON.stringify({ importMs: imported - started, firstCompileMs: compiled - imported }));
