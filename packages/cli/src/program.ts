import { Command, Option } from 'commander';
import { CliError, type ExitCode } from './errors.js';
import { safeLines } from './render/safe-text.js';
import type { ImpactOptions } from './run/impact-run.js';
import type { OutcomeOptions } from './run/outcome-run.js';
import { VERSION } from './version.js';

const INPUT_FORMATS = ['csv', 'tsv', 'ndjson', 'json'] as const;

/**
 * The commands, their options and help. Each action imports its command module only when it
 * runs, so `vitals check` never loads the CSV parser and `--help` loads almost nothing.
 */
export function buildProgram(setExit: (code: ExitCode) => void): Command {
  const program = new Command('vitals')
    .description('Customer-health models as code: check, score, report on, backtest, test, format and start models.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    // Commander's messages quote the arguments (file names from a glob, values): shown safe, line by line.
    .configureOutput({ outputError: (text, write) => write(`vitals: ${safeLines(text.replace(/^error: /, ''))}`) })
    .showHelpAfterError('(add --help for usage and an example)');
  program.addHelpText('after', examples('vitals check models/*/model.yaml', 'vitals score model.yaml --data accounts.csv --format csv > scores.csv'));

  program
    .command('check')
    .summary('report every problem in health models')
    .description(
      'Report every problem in health models as file:line:col severity code message, with the source line and a hint,\n' +
        "and each metric's effective share of the overall score (weights are relative). Exits 1 when any model has an error, 2 when a file cannot be read.",
    )
    .argument('<model...>', 'model files (YAML)')
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'github', 'json']).default('pretty'))
    .option('--no-weights', "don't print each metric's effective share of the overall score")
    .addHelpText('after', examples('vitals check models/*/model.yaml', 'vitals check --format github model.yaml   # annotations in a GitHub Actions job'))
    .action(async (models: string[], options: { format: 'pretty' | 'github' | 'json'; weights: boolean }) => {
      const { runCheck } = await import('./commands/check.js');
      setExit(await runCheck(models, { format: options.format, weights: options.weights !== false }));
    });

  addDataOptions(
    program
      .command('score')
      .summary('score account snapshots with a model')
      .description(
        'Score every account snapshot in a data file (CSV, NDJSON or a JSON array), one output row per input row.\n' +
          'Bad rows are reported on stderr with their row number and field and the rest are still scored; --strict stops at the first.\n' +
          'A Parquet file (.parquet) is scored by embedded DuckDB; --engine duckdb runs a CSV file there too (the same output).',
      )
      .argument('<model>', 'model file (YAML)')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'ndjson', 'json']).default('table'))
      .option('--columns <list>', 'with --format csv, ndjson or json: only these columns, in this order (comma-separated names; * matches any text, e.g. id,score,band,*_score)')
      .option('--csv-raw', "with --format csv: write text cells as they are, even those a spreadsheet would run as a formula (by default a cell starting with =, +, -, @, tab or CR gets a leading ')")
      .addOption(
        new Option('--engine <engine>', 'js (streams any format), duckdb (embedded DuckDB over a CSV or Parquet file), or auto: DuckDB for Parquet files, JavaScript for the rest')
          .choices(['auto', 'js', 'duckdb'])
          .default('auto'),
      )
      .option('--memory-limit <size>', "DuckDB's memory limit (e.g. 2GB, 512MB; default DuckDB's own, 80% of the machine's memory); what spills goes to a temporary folder of the system's")
      .option('--explain <account>', 'print the drill-down for one account instead: each metric, why each playbook fired, and what would move it to the next band'),
  )
    .addHelpText(
      'after',
      examples(
        'vitals score model.yaml --data accounts.csv',
        'vitals score model.yaml --data snapshots.ndjson --format ndjson > scores.ndjson',
        'vitals score model.yaml --data accounts.csv --format csv --columns id,score,band > scores.csv',
        'vitals score model.yaml --data accounts.csv --explain acme-42',
        'vitals score model.yaml --data snapshots.parquet --format csv > scores.csv   # embedded DuckDB',
      ),
    )
    .action(async (model: string, options: Record<string, unknown>) => {
      const { runScore } = await import('./commands/score.js');
      setExit(await runScore(model, scoreOptions(options)));
    });

  addDataOptions(
    program
      .command('report')
      .summary('how a model spreads over real accounts, before rollout')
      .description(
        'Score a data file and summarise it: a histogram of the overall score, the share of accounts per band (with a warning\n' +
          'when one band holds most of them), category averages, accounts below their stage benchmark, stale pulses, playbook counts.',
      )
      .argument('<model>', 'model file (YAML)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
      .option('--html <file>', 'also write a self-contained HTML page with charts (works offline)')
      .option('--all-snapshots', 'with history: the distribution counts every snapshot, not each account\'s latest (the default)')
      .option('--since <date>', 'with history: how the book moved from this date (YYYY-MM-DD) to the latest snapshot (default: from the second-latest snapshot date)')
      .addOption(new Option('--latest').hideHelp()),
  )
    .addHelpText('after', examples('vitals report model.yaml --data accounts.csv', 'vitals report model.yaml --data accounts.csv --format markdown > report.md --html report.html'))
    .action(async (model: string, options: Record<string, unknown>) => {
      const { runReport } = await import('./commands/report.js');
      setExit(await runReport(model, { ...dataOptions(options), format: options.format as 'text' | 'markdown' | 'json', html: options.html as string | undefined, allSnapshots: options.allSnapshots === true, since: options.since as string | undefined }));
    });

  addDataOptions(
    program
      .command('backtest')
      .summary('does the score predict churn? AUC, churn per band and decile, the misses')
      .description(
        'Score a data file that also holds an outcome and measure how well the score predicts it: the ROC AUC of the overall\n' +
          'score with a 95% interval (and of each category and metric alone), churn rate per band and per score decile, and the\n' +
          'accounts that scored in the best band and churned anyway. The outcome column holds labels (yes/no, true/false, 1/0,\n' +
          'churned/retained, any case) or churn dates (then --horizon sets the window after each snapshot).',
      )
      .argument('<model>', 'model file (YAML)')
      .requiredOption('--outcome <field>', 'the column holding the outcome: a label or a churn date')
      .option('--horizon <duration>', 'churn-date outcomes: count a churn within this long after a snapshot (e.g. 90d, 13w)')
      .option('--observed-until <date>', 'churn-date outcomes: the last day the data tells about (default: its latest date)')
      .addOption(new Option('--ci <method>', 'how the AUC interval is computed').choices(['delong', 'bootstrap']).default('delong'))
      .option('--replicates <n>', 'bootstrap resamples', '2000')
      .option('--seed <n>', 'seed of the bootstrap and of --suggest\'s folds', '1')
      .option('--compare <model>', 'a second model scored on the same rows, side by side')
      .option('--suggest', 'fit category and metric weights to the outcome and print them as a model diff, with their cross-validated AUC')
      .option('--folds <n>', 'cross-validation folds for --suggest', '5')
      .option('--misses <n>', 'accounts listed that scored in the best band and churned anyway', '10')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
      .option('--html <file>', 'also write a self-contained HTML page with the charts (works offline)'),
  )
    .addHelpText(
      'after',
      examples(
        'vitals backtest model.yaml --data accounts.csv --outcome churned',
        'vitals backtest model.yaml --data snapshots.csv --outcome churn_date --horizon 90d --ci bootstrap',
        'vitals backtest model.yaml --data accounts.csv --outcome churned --compare model-v2.yaml --format markdown',
        'vitals backtest model.yaml --data accounts.csv --outcome churned --suggest',
      ),
    )
    .action(async (model: string, options: Record<string, unknown>) => {
      const { runBacktest } = await import('./commands/backtest.js');
      setExit(await runBacktest(model, backtestOptions(options)));
    });

  addImpactOptions(
    program
      .command('diff')
      .summary('what a model change means, and what it does to real accounts')
      .description(
        'Compare two versions of a model: the change in meaning (weights and each metric\'s effective share, thresholds, formulas,\n' +
          'metrics added, removed or renamed, playbooks …), then both models over the same data in one pass: the band transition matrix,\n' +
          'the shift of the distribution, the accounts that move most and the metric that moved them, playbooks that start or stop,\n' +
          'benchmark crossings and accounts that lose their score. BASE and HEAD are files, or --base REF reads BASE from git.',
      )
      .argument('<models...>', 'BASE HEAD (two model files), or one model with --base REF')
      .option('--base <ref>', 'read BASE from git: the model file as it is at this revision (a branch, a tag, a commit)')
      .option('--outcome <field>', 'also compare how well each model predicts this column (a label or a churn date), as backtest --compare')
      .option('--horizon <duration>', 'churn-date outcomes: count a churn within this long after a snapshot (e.g. 90d, 13w)')
      .option('--observed-until <date>', 'churn-date outcomes: the last day the data tells about (default: its latest date)'),
  )
    .addHelpText(
      'after',
      examples(
        'vitals diff old.yaml new.yaml --data accounts.csv',
        'vitals diff --base origin/main models/health.yaml --data models/health/sample.csv --format markdown > comment.md',
        'vitals diff old.yaml new.yaml --data accounts.csv --outcome churned',
      ),
    )
    .action(async (models: string[], options: Record<string, unknown>) => {
      const { runDiff } = await import('./commands/diff.js');
      setExit(await runDiff(models, { ...impactOptions(options), base: options.base as string | undefined, outcome: diffOutcomeOptions(options) }));
    });

  addImpactOptions(
    program
      .command('simulate')
      .summary('try weight and threshold changes on real accounts before rollout')
      .description(
        'Try a change to a model on a data file before making it. One kind of change at a time:\n' +
          '  --set PATH=VALUE     the change\'s impact (as vitals diff reports it) and the change as a patch to apply\n' +
          '  --sweep PATH=FROM:TO:STEP   for each value: band shares, mean score, accounts changing band, and a chart\n' +
          '  --target SHARES      model-band thresholds that give those band shares on the data, simulated as --set\n' +
          '  --sensitivity        every weight (±10%) and threshold (±5 points) ranked by accounts that change band\n' +
          'PATH names the model as its file nests it: categories.product.weight, bands.red, metrics.seat_utilisation.bands.red.',
      )
      .argument('<model>', 'model file (YAML)')
      .option('--set <path=value>', 'set a value in the model (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
      .option('--sweep <path=from:to:step>', 'set a number to each value of a range')
      .option('--target <shares>', 'band shares to aim at: even, or red=25,amber=40,green=35 (percent)')
      .option('--sensitivity', 'rank every weight and threshold by how many accounts change band when it moves'),
  )
    .addHelpText(
      'after',
      examples(
        'vitals simulate model.yaml --data accounts.csv --set categories.product.weight=60 --set metrics.seat_utilisation.bands.red=35',
        'vitals simulate model.yaml --data accounts.csv --sweep categories.product.weight=10:90:10',
        'vitals simulate model.yaml --data accounts.csv --target red=25,amber=40,green=35',
        'vitals simulate model.yaml --data accounts.csv --sensitivity',
      ),
    )
    .action(async (model: string, options: Record<string, unknown>) => {
      const { runSimulate } = await import('./commands/simulate.js');
      setExit(
        await runSimulate(model, {
          ...impactOptions(options),
          set: options.set as string[],
          sweep: options.sweep as string | undefined,
          target: options.target as string | undefined,
          sensitivity: options.sensitivity === true,
        }),
      );
    });

  program
    .command('sql')
    .summary('the model as one SQL query, or a dbt model, to score where the data lives')
    .description(
      'Print one SQL query that scores every row of a table of snapshots as `vitals score --format csv` does, to the row:\n' +
        'the same columns (and each metric\'s value, score and band), CTEs named after the model\'s stages.\n' +
        'DuckDB and PostgreSQL are tested against the JavaScript engine; BigQuery and Snowflake are checked by a parser only\n' +
        '(untested against a live warehouse). With --dbt, write a dbt model (<model>.sql and its <model>.yml) instead.',
    )
    .argument('<model>', 'model file (YAML)')
    .addOption(new Option('--dialect <dialect>', 'SQL dialect').choices(['duckdb', 'postgres', 'bigquery', 'snowflake']).makeOptionMandatory())
    .option('--table <name>', 'the table or view of snapshots (schema.table; with --dbt, the upstream dbt model)', 'snapshots')
    .option('--order-by <column>', 'a column giving the rows\' order (a load sequence): snapshots of an account are accepted in that order, as a file is read')
    .option('--typed', 'numeric, boolean and date inputs are columns of those SQL types (default: every column read as text, as from a CSV)')
    .option('--as-of <date>', 'as-of date (YYYY-MM-DD) for models without an as-of field')
    .option('--dbt <dir>', 'write a dbt model into this folder instead of printing the query')
    .addHelpText(
      'after',
      examples('vitals sql model.yaml --dialect postgres --table analytics.account_snapshots --typed > score.sql', 'vitals sql model.yaml --dialect snowflake --dbt models/health --table stg_account_snapshots'),
    )
    .action(async (model: string, options: Record<string, unknown>) => {
      const { runSql } = await import('./commands/sql.js');
      setExit(
        await runSql(model, {
          dialect: options.dialect as 'duckdb',
          table: options.table as string,
          orderBy: options.orderBy as string | undefined,
          asOf: asOfOption(options.asOf as string | undefined),
          typed: options.typed === true,
          dbt: options.dbt as string | undefined,
        }),
      );
    });

  program
    .command('test')
    .summary('run model unit tests (*.test.yaml)')
    .description('Run the cases in *.test.yaml files (a file, or every one under a directory) and report what they leave untested.\nExits 1 when a case fails.')
    .argument('[path]', 'a .test.yaml file or a directory to search', '.')
    .addOption(new Option('--reporter <reporter>', 'output').choices(['pretty', 'json', 'junit', 'github']).default('pretty'))
    .addHelpText('after', examples('vitals test models/', 'vitals test --reporter junit > test-results.xml'))
    .action(async (path: string, options: { reporter: 'pretty' | 'json' | 'junit' | 'github' }) => {
      const { runTests } = await import('./commands/test.js');
      setExit(await runTests(path, options));
    });

  program
    .command('fmt')
    .summary('rewrite models in the canonical layout')
    .description('Rewrite models in one canonical layout (key order, quoting, indentation), keeping every comment.\nWith --check, change nothing and exit 1 when a file is not formatted.')
    .argument('<model...>', 'model files (YAML)')
    .option('--check', 'only report files that are not formatted (for CI)')
    .addHelpText('after', examples('vitals fmt models/*/model.yaml', 'vitals fmt --check models/*/model.yaml'))
    .action(async (models: string[], options: { check?: boolean }) => {
      const { runFmt } = await import('./commands/fmt.js');
      setExit(await runFmt(models, { check: options.check === true }));
    });

  program
    .command('init')
    .summary('write a starter model, sample data and tests; or a model for a real file')
    .description(
      'Write a starter model (three categories, a pulse, bands), sample data and a test file that pass `vitals check`\nand `vitals test`, with comments that teach the format. Never overwrites a file.\n' +
        'With --from FILE: write a model.yaml whose inputs are the columns of your export (types guessed from the values,\ncolumns mapped, the id and as-of date guessed); it checks clean and scores that file.',
    )
    .argument('[dir]', 'directory to write into', '.')
    .option('--from <file>', 'a data file (CSV, TSV, NDJSON, JSON) to build the model from')
    .addOption(new Option('--input-format <format>', 'format of --from when the extension does not say').choices([...INPUT_FORMATS]))
    .option('--delimiter <char>', 'CSV delimiter of --from (default: found in the header)')
    .addHelpText('after', examples('vitals init my-model && cd my-model && vitals test', 'vitals init churn --from exports/customers.csv'))
    .action(async (dir: string, options: { from?: string; inputFormat?: DataOptions['inputFormat']; delimiter?: string }) => {
      const { runInit } = await import('./commands/init.js');
      const from = options.from === undefined ? undefined : { data: options.from, inputFormat: options.inputFormat, delimiter: options.delimiter };
      setExit(await runInit(dir, from));
    });

  return program;
}

/** What every impact report takes (diff, simulate): the data options and the output forms. */
function addImpactOptions(command: Command): Command {
  return addDataOptions(command)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--html <file>', 'also write a self-contained HTML page with charts (works offline)')
    .option('--every-snapshot', 'with history, compare every snapshot instead of each account at its latest')
    .option('--movers <n>', 'how many of the accounts that move most to list', '10');
}

function addDataOptions(command: Command): Command {
  return command
    .requiredOption('--data <file>', 'account snapshots: .csv, .tsv, .ndjson/.jsonl or .json (a JSON array); - for stdin')
    .addOption(new Option('--input-format <format>', 'data format when the extension does not say').choices([...INPUT_FORMATS]))
    .option('--delimiter <char>', 'CSV delimiter (default: the one the header line holds most of: , ; tab |)')
    .option('--allow-missing-columns', 'score even when the header lacks columns the model reads (each reads as missing)')
    .option('--as-of <date>', 'as-of date (YYYY-MM-DD) for models without an as-of field')
    .option('--strict', 'stop at the first bad row (exit 1)')
    .option('--max-issues <n>', 'bad rows to describe on stderr (0: all)', '100')
    .option('--no-progress', 'no progress bar (it is shown only on a terminal, never in CI)');
}

export interface DataOptions {
  readonly data: string;
  readonly inputFormat: (typeof INPUT_FORMATS)[number] | undefined;
  readonly delimiter: string | undefined;
  readonly allowMissingColumns: boolean;
  readonly asOf: string | undefined;
  readonly strict: boolean;
  readonly maxIssues: number;
  readonly progress: boolean;
}

export interface ScoreCommandOptions extends DataOptions {
  readonly format: 'table' | 'csv' | 'ndjson' | 'json';
  readonly engine: 'auto' | 'js' | 'duckdb';
  readonly explain: string | undefined;
  /** `--csv-raw`: CSV text cells as they are, formulas included. */
  readonly csvRaw: boolean;
  /** `--columns`: the columns to write (csv, ndjson, json). */
  readonly columns: string | undefined;
  /** `--memory-limit`: DuckDB's memory limit, as DuckDB spells it (`2GB`). */
  readonly memoryLimit: string | undefined;
}

function scoreOptions(options: Record<string, unknown>): ScoreCommandOptions {
  const format = options.format as ScoreCommandOptions['format'];
  const csvRaw = options.csvRaw === true;
  if (csvRaw && (format !== 'csv' || options.explain !== undefined)) throw new CliError('--csv-raw applies only to --format csv');
  const engine = (options.engine as ScoreCommandOptions['engine'] | undefined) ?? 'auto';
  const columns = options.columns as string | undefined;
  if (columns !== undefined && (format === 'table' || options.explain !== undefined)) throw new CliError('--columns applies only to --format csv, ndjson or json');
  const memoryLimit = memoryLimitOption(options.memoryLimit as string | undefined, engine);
  return { ...dataOptions(options), format, engine, explain: options.explain as string | undefined, csvRaw, columns, memoryLimit };
}

/** `--memory-limit`: a size DuckDB reads (a number and a unit), for an engine that may be DuckDB. */
function memoryLimitOption(text: string | undefined, engine: ScoreCommandOptions['engine']): string | undefined {
  if (text === undefined) return undefined;
  if (engine === 'js') throw new CliError('--memory-limit applies to DuckDB: use it with --engine duckdb or auto');
  const size = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i.exec(text);
  if (size === null) throw new CliError(`--memory-limit: expected a size such as 2GB or 512MB (got ${JSON.stringify(text)})`);
  return `${size[1]}${size[2]}`;
}

function impactOptions(options: Record<string, unknown>): ImpactOptions {
  return {
    ...dataOptions(options),
    format: options.format as ImpactOptions['format'],
    html: options.html as string | undefined,
    everySnapshot: options.everySnapshot === true,
    movers: countOption('--movers', options.movers as string),
  };
}

function dataOptions(options: Record<string, unknown>): DataOptions {
  return {
    data: options.data as string,
    inputFormat: options.inputFormat as DataOptions['inputFormat'],
    delimiter: options.delimiter as string | undefined,
    allowMissingColumns: options.allowMissingColumns === true,
    asOf: asOfOption(options.asOf as string | undefined),
    strict: options.strict === true,
    maxIssues: countOption('--max-issues', options.maxIssues as string),
    progress: options.progress !== false,
  };
}

export interface BacktestCommandOptions extends DataOptions {
  readonly outcome: string;
  readonly horizonDays: number | null;
  readonly observedUntil: string | undefined;
  readonly ci: 'delong' | 'bootstrap';
  readonly replicates: number;
  readonly seed: number;
  readonly compare: string | undefined;
  readonly suggest: boolean;
  readonly folds: number;
  readonly misses: number;
  readonly format: 'text' | 'markdown' | 'json';
  readonly html: string | undefined;
}

function backtestOptions(options: Record<string, unknown>): BacktestCommandOptions {
  const { format: _format, engine: _engine, explain: _explain, columns: _columns, ...data } = scoreOptions(options);
  return {
    ...data,
    outcome: options.outcome as string,
    horizonDays: horizonOption(options.horizon as string | undefined),
    observedUntil: dateOption('--observed-until', options.observedUntil as string | undefined),
    ci: options.ci as 'delong' | 'bootstrap',
    replicates: positiveOption('--replicates', options.replicates as string),
    seed: countOption('--seed', options.seed as string),
    compare: options.compare as string | undefined,
    suggest: options.suggest === true,
    folds: foldsOption(options.folds as string),
    misses: countOption('--misses', options.misses as string),
    format: options.format as BacktestCommandOptions['format'],
    html: options.html as string | undefined,
  };
}

/** `diff --outcome`: the outcome read as `backtest` reads it; no misses are listed (the diff's movers are its accounts). */
function diffOutcomeOptions(options: Record<string, unknown>): OutcomeOptions | undefined {
  if (options.outcome === undefined) {
    const stray = options.horizon !== undefined ? '--horizon' : options.observedUntil !== undefined ? '--observed-until' : undefined;
    if (stray !== undefined) throw new CliError(`${stray} goes with --outcome: name the column that holds the churn dates`);
    return undefined;
  }
  return {
    outcome: options.outcome as string,
    horizonDays: horizonOption(options.horizon as string | undefined),
    observedUntil: dateOption('--observed-until', options.observedUntil as string | undefined),
    maxIssues: countOption('--max-issues', options.maxIssues as string),
    misses: 0,
  };
}

/** `90d` or `13w`: whole days or weeks (months and years have no fixed length, so they are refused). */
function horizonOption(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^(\d+)([dw])$/.exec(value.trim());
  const days = match === null ? 0 : Number(match[1]) * (match[2] === 'w' ? 7 : 1);
  if (days < 1) throw new CliError(`--horizon must be a number of days or weeks such as 90d or 13w, got ${JSON.stringify(value)}`);
  return days;
}

function positiveOption(name: string, value: string): number {
  const n = countOption(name, value);
  if (n < 1) throw new CliError(`${name} must be at least 1, got ${JSON.stringify(value)}`);
  return n;
}

function foldsOption(value: string): number {
  const n = countOption('--folds', value);
  if (n < 2 || n > 20) throw new CliError(`--folds must be between 2 and 20, got ${JSON.stringify(value)}`);
  return n;
}

function asOfOption(value: string | undefined): string | undefined {
  return dateOption('--as-of', value);
}

function dateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  const valid = !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
  if (!valid) throw new CliError(`${name} must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

function countOption(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function examples(...lines: string[]): string {
  return `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((line) => `  $ ${line}`).join('\n')}`;
}
