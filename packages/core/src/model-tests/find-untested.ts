import type { BandPlan, Plan } from '../compile/plan.js';
import type { ScoreResult } from '../evaluate/result.js';
import type { UntestedItem } from './model-test-report.js';
import type { Check } from './model-test-suite.js';

/** One scored record and what its case checked of it. */
export interface CheckedResult {
  readonly result: ScoreResult;
  readonly checks: readonly Check[];
}

const OVERALL_FIELDS = new Set(['score', 'status', 'reason', 'coverage']);

/** What the cases leave untested: bands never reached, playbooks never fired or never held back, missing-value paths never taken. */
export function findUntested(plan: Plan, checked: readonly CheckedResult[]): UntestedItem[] {
  const seen = checked.map(({ result, checks }) => ({ result, paths: new Set(checks.map((c) => c.path)) }));
  const items: UntestedItem[] = [];
  const reached = (band: string, bandAt: (r: ScoreResult) => string | null | undefined, prefix: string) =>
    seen.some(({ result, paths }) => bandAt(result) === band && (paths.has(`${prefix}band`) || paths.has(`${prefix}score`)));
  const untestedBands = (subject: 'overall' | 'category' | 'metric', key: string | null, bands: BandPlan, bandAt: (r: ScoreResult) => string | null | undefined) => {
    const prefix = key === null ? '' : `${subject === 'metric' ? 'metrics' : 'categories'}.${key}.`;
    for (const band of bands.names) if (!reached(band, bandAt, prefix)) items.push({ kind: 'band', subject, key, band });
  };
  untestedBands('overall', null, plan.bands, (r) => r.band);
  for (const c of plan.categories) untestedBands('category', c.key, c.bands, (r) => r.categories[c.key]?.band);
  for (const m of plan.metrics) untestedBands('metric', m.key, m.bands, (r) => r.metrics[m.key]?.band);

  const playbookChecks = seen.filter(({ result, paths }) => paths.has('playbooks') && result.status !== 'invalid');
  for (const { key } of plan.playbooks) {
    const fires = playbookChecks.map(({ result }) => result.playbooks.some((p) => p.key === key));
    if (!fires.includes(true)) items.push({ kind: 'playbook-never-fires', playbook: key });
    if (!fires.includes(false)) items.push({ kind: 'playbook-always-fires', playbook: key });
  }

  for (const { key } of plan.metrics) {
    const taken = seen.some(
      ({ result, paths }) => result.metrics[key]?.missing === true && ([...paths].some((p) => p.startsWith(`metrics.${key}.`)) || [...OVERALL_FIELDS].some((f) => paths.has(f))),
    );
    if (!taken) items.push({ kind: 'missing-value', metric: key });
  }
  return items;
}

/** One line a person reads: what no case checks. */
export function describeUntested(item: UntestedItem): string {
  switch (item.kind) {
    case 'band':
      return item.subject === 'overall' ? `no case reaches the overall band \`${item.band}\`` : `no case reaches band \`${item.band}\` of ${item.subject} \`${item.key}\``;
    case 'playbook-never-fires':
      return `no case sees playbook \`${item.playbook}\` fire`;
    case 'playbook-always-fires':
      return `no case sees playbook \`${item.playbook}\` not fire`;
    case 'missing-value':
      return `no case takes the missing-value path of metric \`${item.metric}\``;
  }
}
