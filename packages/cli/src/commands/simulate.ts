import { relative, resolve } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { createVariantRun, editedModel, editText, parseEdit, parseTargetShares, thresholdsForShares, type EditIssue, type HealthModel, type ModelEdit } from '@vitals/core';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { note } from '../io/output.js';
import { readModelFile, type ModelFile } from '../io/model-file.js';
import { plural } from '../render/check-report.js';
import type { ImpactReport } from '../render/impact/impact-report.js';
import { openData } from '../data/open-data.js';
import { runImpact, writeImpactReport, type ImpactOptions } from '../run/impact-run.js';
import { compileModelFile, printErrors } from '../run/load-model.js';
import { refuseOnDataError, streamScores } from '../run/score-stream.js';

export interface SimulateOptions extends ImpactOptions {
  readonly set: readonly string[];
  readonly sweep: string | undefined;
  readonly target: string | undefined;
  readonly sensitivity: boolean;
}

/**
 * `vitals simulate MODEL --data FILE` with one kind of change: `--set` edits (the impact report of
 * `vitals diff`, and the change as a patch), `--sweep` (a path over a range of values),
 * `--target` (thresholds for band shares, then as `--set`) or `--sensitivity` (every knob moved).
 */
export async function runSimulate(path: string, options: SimulateOptions): Promise<ExitCode> {
  const modes = [options.set.length > 0 ? '--set' : '', options.sweep !== undefined ? '--sweep' : '', options.target !== undefined ? '--target' : '', options.sensitivity ? '--sensitivity' : ''].filter((m) => m !== '');
  if (modes.length === 0) throw new CliError('simulate needs a change to try: --set PATH=VALUE, --sweep PATH=FROM:TO:STEP, --target SHARES or --sensitivity');
  if (modes.length > 1) throw new CliError(`${modes.join(' and ')} cannot be combined: simulate one kind of change at a time`);
  if (options.html !== undefined && (options.sweep !== undefined || options.sensitivity)) throw new CliError('--html is for the impact report of --set and --target');
  const file = await readModelFile(path);
  const base = compileModelFile(file);
  if (options.sweep !== undefined || options.sensitivity) {
    const { runVariants } = await import('./simulate-variants.js');
    return runVariants(file, base, options);
  }
  if (options.target !== undefined) return simulateTarget(file, base, options.target, options);
  const edits = options.set.map((text) => {
    const parsed = parseEdit(text);
    if (parsed.value === undefined) throw issueError('--set', parsed.issues[0] as EditIssue);
    return parsed.value;
  });
  return simulateEdits(file, base, edits, options, undefined);
}

/** Both models over the data, and the report with the edits as a patch. */
async function simulateEdits(file: ModelFile, base: HealthModel, edits: readonly ModelEdit[], options: SimulateOptions, target: ImpactReport['target']): Promise<ExitCode> {
  const flag = target === undefined ? '--set' : '--target';
  const { model: head, text } = edited(file, edits, flag);
  const run = await runImpact(base, head, options);
  if (run === undefined) return EXIT.failed;
  const report: ImpactReport = {
    command: 'simulate',
    base: { label: file.path, plan: base.plan },
    head: { label: `${file.path} with ${edits.map(editText).join(', ')}`, plan: head.plan },
    data: { file: run.file, counts: run.counts },
    impact: run.impact,
    simulation: { edits, patch: patch(file, text) },
    ...(target === undefined ? {} : { target }),
  };
  return writeImpactReport(report, options);
}

/**
 * `--target`: one pass scores the data with the model as it is, the thresholds that split those
 * scores closest to the target are searched, and then the changed model is simulated as `--set`
 * would (a second pass: history, hysteresis and overrides decide the shares it really gives).
 */
async function simulateTarget(file: ModelFile, base: HealthModel, shares: string, options: SimulateOptions): Promise<ExitCode> {
  if (options.data === '-') throw new CliError('--target reads the data twice (to search, then to simulate): give a file, not stdin');
  const parsed = parseTargetShares(shares, base.plan.bands.names);
  if (parsed.value === undefined) throw issueError('--target', parsed.issues[0] as EditIssue);
  const run = createVariantRun(base, [], { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(options.everySnapshot ? { unit: 'snapshot' as const } : {}) });
  const source = await openData(options, base.columns);
  // Bad rows are described by the second pass, unless --strict stops this one at the first.
  const outcome = await streamScores(source, { ...options, quiet: !options.strict }, (record) => run.add(record), () => undefined);
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict); no report`);
    return EXIT.failed;
  }
  refuseOnDataError(source.path, outcome, 'no report');
  const scores = run.result().baseScores;
  if (scores.length === 0) throw new CliError(`no account of ${options.data} is scored by ${file.path}, so there are no scores to set thresholds by`);
  const search = thresholdsForShares(scores, parsed.value, base.plan);
  const edits = search.thresholds.map((t) => ({ path: `bands.${t.band}`, value: t.after }));
  return simulateEdits(file, base, edits, options, search);
}

/** The model with the edits, compiled; an edit that leads nowhere or breaks the model stops the command with the reason. */
export function edited(file: ModelFile, edits: readonly ModelEdit[], flag: string): { model: HealthModel; text: string } {
  const result = editedModel(file.text, edits, { file: `${file.path} (edited)` });
  if (result.issues.length > 0) throw issueError(flag, result.issues[0] as EditIssue);
  if (result.model === undefined || result.text === undefined) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    printErrors(result.diagnostics, result.text ?? '');
    throw new CliError(`${flag} ${edits.map(editText).join(' ')} makes ${file.path} invalid (${plural(errors.length, 'error')} above); nothing was simulated`);
  }
  return { model: result.model, text: result.text };
}

/** An edit's issue as the one line a usage mistake gets: `--set PATH=VALUE: what is wrong; the hint`. */
export function issueError(flag: string, issue: EditIssue): CliError {
  return new CliError(`${flag} ${issue.edit}: ${issue.message}${issue.hint === undefined ? '' : `; ${issue.hint}`}`);
}

/** The edits as a unified diff of the model file, to review and apply (`patch -p1`, or `git apply` at the repository root). */
function patch(file: ModelFile, text: string): string {
  const name = relative(process.cwd(), resolve(file.path));
  const shown = name.startsWith('..') ? file.path.replace(/^\/+/, '') : name;
  return createTwoFilesPatch(`a/${shown}`, `b/${shown}`, file.text, text, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
