import { createVariantRun, editedModel, parseSweep, rankKnobs, sensitivityKnobs, valueAtPath, type EditIssue, type HealthModel, type Variant, type VariantOutcome } from '@vitals/core';
import { EXIT, type ExitCode } from '../errors.js';
import type { ModelFile } from '../io/model-file.js';
import { note, writeStdout } from '../io/output.js';
import { renderViewMarkdown } from '../render/impact/impact-markdown.js';
import { renderViewText } from '../render/impact/impact-text.js';
import type { ImpactView } from '../render/impact/impact-view.js';
import { renderSensitivityJson, renderSweepJson } from '../render/impact/variant-json.js';
import { sensitivityView, sweepView } from '../render/impact/variant-views.js';
import { styleFor } from '../render/style.js';
import { columnsOfModels, openData } from '../data/open-data.js';
import { countsLine, refuseOnDataError, streamScores, warnAboutAsOf } from '../run/score-stream.js';
import { edited, issueError, type SimulateOptions } from './simulate.js';

/** `--sweep` and `--sensitivity`: many variants of the model over the data in one pass. */
export async function runVariants(file: ModelFile, base: HealthModel, options: SimulateOptions): Promise<ExitCode> {
  if (options.sweep !== undefined) {
    const parsed = parseSweep(options.sweep);
    if (parsed.value === undefined) throw issueError('--sweep', parsed.issues[0] as EditIssue);
    const { path, values } = parsed.value;
    const variants = values.map((value) => ({ label: String(value), model: edited(file, [{ path, value }], '--sweep').model }));
    const run = await runAll(base, variants, options);
    if (run === undefined) return EXIT.failed;
    const report = { model: { label: file.path, plan: base.plan }, data: run.data, path, values, current: valueAtPath(file.text, path), run: run.result };
    return write(sweepView(report), () => renderSweepJson(report), options);
  }
  const knobs = sensitivityKnobs(base.plan);
  // A move that would make the model invalid (a threshold pushed past its neighbour) is left out, not an error.
  const moves = knobs.flatMap((knob) => knob.moves.map((value) => (value === null ? undefined : tryVariant(file, knob.path, value, knob.watch))));
  const run = await runAll(base, moves.filter((m): m is Variant => m !== undefined), options);
  if (run === undefined) return EXIT.failed;
  const outcomes = [...run.result.variants];
  const byMove = moves.map((m) => (m === undefined ? null : (outcomes.shift() as VariantOutcome)));
  const ranked = rankKnobs(knobs, knobs.map((_, i) => [byMove[2 * i] ?? null, byMove[2 * i + 1] ?? null]));
  const report = { model: { label: file.path, plan: base.plan }, data: run.data, knobs: ranked, run: run.result };
  return write(sensitivityView(report), () => renderSensitivityJson(report), options);
}

function tryVariant(file: ModelFile, path: string, value: number, watch: Variant['watch']): Variant | undefined {
  const model = editedModel(file.text, [{ path, value }]).model;
  return model === undefined ? undefined : { label: `${path}=${value}`, model, ...(watch === undefined ? {} : { watch }) };
}

async function runAll(base: HealthModel, variants: readonly Variant[], options: SimulateOptions) {
  warnAboutAsOf(base, options.asOf);
  const source = await openData(options, columnsOfModels([base, ...variants.map((v) => v.model)]));
  const run = createVariantRun(base, variants, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(options.everySnapshot ? { unit: 'snapshot' as const } : {}) });
  const outcome = await streamScores(source, options, (record) => run.add(record), () => undefined);
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict); no report`);
    return undefined;
  }
  refuseOnDataError(source.path, outcome, 'no report');
  note(countsLine(source.path, outcome.counts));
  return { result: run.result(), data: { file: source.path, counts: outcome.counts } };
}

async function write(view: ImpactView, json: () => string, options: SimulateOptions): Promise<ExitCode> {
  const text = options.format === 'json' ? json() : options.format === 'markdown' ? renderViewMarkdown(view) : renderViewText(view, styleFor(process.stdout));
  await writeStdout(text);
  return EXIT.ok;
}
