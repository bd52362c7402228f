/**
 * Derives monthly account snapshots from the RavenStack tables, for `models/ravenstack/model.yaml`.
 *
 *   npx tsx models/ravenstack/derive-snapshots.ts [--out FILE] [--data DIR] [--from YYYY-MM] [--to YYYY-MM] [--accounts N]
 *
 * Writes CSV (one row per account and month-end, in account then date order) to FILE, by default
 * `.vitals-tmp/ravenstack-snapshots.csv` at the repository root (git-ignored); `--out -` writes to
 * standard output. Prints one summary line to standard error. Exit codes: 0 written, 1 the data
 * could not be read (the message names the file, line and field), 2 wrong arguments.
 * What each column means and how it is derived: README.md next to this file.
 *
 * Data: RavenStack, a synthetic SaaS data set by River @ Rivalytics (Kaggle, "SaaS Subscription &
 * Churn Analytics Dataset"), read from ../shared/data/ravenstack beside the repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseMonth } from './lib/days.js';
import { TableError, readTables } from './lib/read-tables.js';
import { deriveSnapshots, type DeriveOptions } from './lib/snapshots.js';
import { snapshotsToCsv } from './lib/write-csv.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_DATA = resolve(REPO_ROOT, '../shared/data/ravenstack');
const DEFAULT_OUT = resolve(REPO_ROOT, '.vitals-tmp/ravenstack-snapshots.csv');

const USAGE = `usage: npx tsx models/ravenstack/derive-snapshots.ts [options]

  --out FILE      where to write the CSV (default .vitals-tmp/ravenstack-snapshots.csv; - for stdout)
  --data DIR      the RavenStack tables (default ../shared/data/ravenstack beside the repository)
  --from YYYY-MM  first month to derive (default: each account's signup month)
  --to YYYY-MM    last month to derive (default: the last month in the data)
  --accounts N    only the first N accounts of accounts.csv
  --help          this text`;

class UsageError extends Error {}

interface Arguments {
  readonly out: string;
  readonly data: string;
  readonly options: DeriveOptions;
}

function readArguments(argv: readonly string[]): Arguments | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        data: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        accounts: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.help === true) return 'help';
  const month = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    return parseMonth(text) ?? fail(`--${flag} must be a month as YYYY-MM, got ${JSON.stringify(text)}`);
  };
  const accounts = parsed.accounts === undefined ? undefined : Number(parsed.accounts);
  if (accounts !== undefined && !(Number.isInteger(accounts) && accounts > 0)) fail(`--accounts must be a whole number above 0, got ${JSON.stringify(parsed.accounts)}`);
  const from = month('from', parsed.from);
  const to = month('to', parsed.to);
  if (from !== undefined && to !== undefined && from > to) fail('--from is after --to');
  const options: DeriveOptions = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }), ...(accounts === undefined ? {} : { accounts }) };
  return { out: parsed.out ?? DEFAULT_OUT, data: parsed.data === undefined ? DEFAULT_DATA : resolve(parsed.data), options };
}

function fail(message: string): never {
  throw new UsageError(message);
}

function main(argv: readonly string[]): number {
  try {
    const args = readArguments(argv);
    if (args === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const snapshots = deriveSnapshots(readTables(args.data), args.options);
    const csv = snapshotsToCsv(snapshots);
    if (args.out === '-') process.stdout.write(csv);
    else {
      mkdirSync(dirname(resolve(args.out)), { recursive: true });
      writeFileSync(args.out, csv);
    }
    const accounts = new Set(snapshots.map((s) => s.account_id)).size;
    process.stderr.write(`derived ${snapshots.length} snapshots of ${accounts} accounts${args.out === '-' ? '' : ` → ${args.out}`}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`derive-snapshots: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof TableError) {
      process.stderr.write(`derive-snapshots: ${error.message}\n`);
      return 1;
    }
    if (typeof (error as NodeJS.ErrnoException).code === 'string') {
      process.stderr.write(`derive-snapshots: cannot write the output: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

// `--out - | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = main(process.argv.slice(2));
