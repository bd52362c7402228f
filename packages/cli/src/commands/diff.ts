import { CliError, EXIT, type ExitCode } from '../errors.js';
import { readGitFile } from '../io/git-file.js';
import { readModelFile } from '../io/model-file.js';
import { note, writeStdout } from '../io/output.js';
import { md } from '../render/report-markdown.js';
import { safeText } from '../render/safe-text.js';
import { runImpact, writeImpactReport, type ImpactOptions } from '../run/impact-run.js';
import { compileModelFile } from '../run/load-model.js';
import { analyseOutcome, type OutcomeOptions } from '../run/outcome-run.js';

export interface DiffOptions extends ImpactOptions {
  /** A git revision to read BASE from (the one model path is HEAD, and BASE is the same file at that revision). */
  readonly base: string | undefined;
  /** `--outcome`: how well each model predicts this column, side by side (as `backtest --compare`). */
  readonly outcome: OutcomeOptions | undefined;
}

/**
 * `vitals diff BASE HEAD --data FILE`, or `vitals diff --base REF MODEL --data FILE`: what a model
 * change means and what it does to the accounts in the data. A model that does not exist at REF
 * is new: there is nothing to compare, and that is not an error (CI runs this on every changed model).
 * With `--outcome`, the report also says how well each version predicts that column.
 */
export async function runDiff(paths: readonly string[], options: DiffOptions): Promise<ExitCode> {
  const expected = options.base === undefined ? 2 : 1;
  if (paths.length !== expected) {
    throw new CliError(options.base === undefined ? `diff needs two models, BASE and HEAD (got ${paths.length}); or one model and --base REF to read BASE from git` : `with --base, diff takes one model (HEAD), and reads BASE from git at ${options.base} (got ${paths.length} models)`);
  }
  const headPath = paths[expected - 1] as string;
  const headFile = await readModelFile(headPath);
  const baseFile = options.base === undefined ? await readModelFile(paths[0] as string) : await readGitFile(options.base, headPath);
  if (baseFile === undefined) {
    const line = `${safeText(headPath)} does not exist at ${safeText(options.base as string)}: it is a new model, so there is nothing to compare.`;
    note(`vitals: ${line}`);
    if (options.format !== 'json') await writeStdout(options.format === 'markdown' ? `### vitals diff: ${md(headPath)}\n\n**A new model:** ${md(line)}\n` : `${line}\n`);
    return EXIT.ok;
  }
  const base = compileModelFile(baseFile);
  const head = compileModelFile(headFile);
  const run = await runImpact(base, head, options, options.outcome);
  if (run === undefined) return EXIT.failed;
  const outcome = run.outcome === null ? undefined : analyseOutcome(run.file, run.outcome, { method: 'delong' });
  const report = { command: 'diff' as const, base: { label: baseFile.path, plan: base.plan }, head: { label: headFile.path, plan: head.plan }, data: { file: run.file, counts: run.counts }, impact: run.impact, ...(outcome === undefined ? {} : { outcome }) };
  return writeImpactReport(report, options);
}
