import type { ModelIdentity } from '@vitals/core';
import { DIFF_FORMAT_VERSION, type ImpactReport } from './impact-report.js';

/**
 * `--format json`: the core's impact as it is (snake_case, plain data), with where the models and
 * the data came from. The contract is packages/cli/schema/diff.schema.json.
 */
export function renderImpactJson(report: ImpactReport): string {
  const { impact, simulation, target } = report;
  const side = (label: string, identity: ModelIdentity) => ({ source: label, ...identity });
  const document = {
    format_version: DIFF_FORMAT_VERSION,
    command: report.command,
    base: side(report.base.label, impact.change.base),
    head: side(report.head.label, impact.change.head),
    data: report.data,
    change: { unchanged: impact.change.unchanged, changes: impact.change.changes, weights: impact.change.weights, category_weights: impact.change.category_weights },
    impact: impact.data,
    ...(simulation === undefined ? {} : { simulation }),
    ...(target === undefined ? {} : { target }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
