import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { describeFsError } from '@vitals/data/node';
import { writeStdout } from '../io/output.js';
import { STARTER_FILES } from '../init/starter-files.js';
import { safeText } from '../render/safe-text.js';

/**
 * `vitals init [DIR]`: writes the starter model, its sample data and its tests. Never overwrites:
 * if any of the files exists, nothing is written (half a starter would not pass its own tests).
 */
export async function runInit(directory: string): Promise<ExitCode> {
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

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
}
