import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { planModel } from '@vitals/core';
import { inferColumns } from '@vitals/data';
import { describeFsError } from '@vitals/data/node';
import { dataError, openData } from '../data/open-data.js';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { writeStdout } from '../io/output.js';
import { modelFromData } from '../init/model-from-data.js';
import { STARTER_FILES } from '../init/starter-files.js';
import { safeText } from '../render/safe-text.js';
import type { DataOptions } from '../program.js';

/** Rows read to guess types from (a starter needs a fair sample, not the whole warehouse). */
const SAMPLE_ROWS = 100_000;

/**
 * `vitals init [DIR]`: writes the starter model, its sample data and its tests. Never overwrites:
 * if any of the files exists, nothing is written (half a starter would not pass its own tests).
 */
export async function runInit(directory: string, from?: Pick<DataOptions, 'data' | 'inputFormat' | 'delimiter'>): Promise<ExitCode> {
  if (from !== undefined) return initFromData(directory, from);
  const targets = STARTER_FILES.map((file) => ({ ...file, path: join(directory, file.name) }));
  const existing = (await Promise.all(targets.map(async (t) => ((await exists(t.path)) ? t.path : undefined)))).filter((p) => p !== undefined);
  if (existing.length > 0) throw new CliError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; vitals init never overwrites a file (choose another directory)`);
  try {
    await mkdir(directory, { recursive: true });
    // `wx`: fail rather than overwrite a file created since the check above.
    for (const t of targets) await writeFile(t.path, t.text, { flag: 'wx' });
  } catch (error) {
    throw new CliError(`cannot write into ${directory}: ${describeFsError(error)}`);
  }
  const where = directory === '.' ? '' : ` in ${safeText(directory)}`;
  const cd = directory === '.' ? '' : `cd ${safeText(directory)}\n  `;
  await writeStdout(
    `Wrote ${targets.map((t) => t.name).join(', ')}${where}. Next:\n  ${cd}vitals check model.yaml\n  vitals test\n  vitals score model.yaml --data sample.csv\n  vitals score model.yaml --data sample.csv --explain birch-bakery\n`,
  );
  return EXIT.ok;
}

/**
 * `vitals init [DIR] --from FILE`: a starter `model.yaml` whose inputs are the file's columns,
 * typed from their values. It is checked before it is written: it must check clean and score
 * the file it came from.
 */
async function initFromData(directory: string, from: Pick<DataOptions, 'data' | 'inputFormat' | 'delimiter'>): Promise<ExitCode> {
  const target = join(directory, 'model.yaml');
  if (await exists(target)) throw new CliError(`${target} already exists; vitals init never overwrites a file (choose another directory)`);
  const source = await openData({ ...from, allowMissingColumns: true });
  const records: Readonly<Record<string, unknown>>[] = [];
  const names = new Set<string>();
  read: for await (const batch of source.batches) {
    for (const row of batch) {
      if (row.record === null) continue;
      records.push(row.record);
      if (source.header() === null && records.length <= 100) for (const name of Object.keys(row.record)) names.add(name);
      if (records.length >= SAMPLE_ROWS) break read;
    }
  }
  const error = source.error();
  if (error !== null) throw dataError(source.path, error);
  if (records.length === 0) throw new CliError(`${source.path} has no rows to guess a model from`);
  const guess = inferColumns(source.header() ?? [...names], records);
  const dataPath = relative(directory, from.data) || from.data;
  const text = modelFromData(guess, dataPath);
  const problems = planModel(text, target).diagnostics;
  if (problems.length > 0) throw new Error(`the starter model does not check clean:\n${problems.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}\n${text}`);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(target, text, { flag: 'wx' });
  } catch (error) {
    throw new CliError(`cannot write into ${directory}: ${describeFsError(error)}`);
  }
  // Header names and paths are the user's text: shown safe (no control characters reach the terminal).
  const cd = directory === '.' ? '' : `cd ${safeText(directory)}\n  `;
  const id = guess.id === null ? 'no id column found (one row per account?): name it under data: { id }' : `id: ${guess.id}${guess.asOf === null ? '' : `, as of: ${guess.asOf}`}`;
  await writeStdout(`Wrote ${safeText(target)}: ${guess.columns.length} columns of ${safeText(source.path)} (${safeText(id)}). Next:\n  ${cd}vitals check model.yaml\n  vitals score model.yaml --data ${safeText(dataPath)}\n`);
  return EXIT.ok;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
}
