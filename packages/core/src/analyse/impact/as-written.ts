import type { BandPlan, MissingPlan, RollupPlan, ScorePlan, StalePlan } from '../../compile/plan.js';
import type { ChangeValue } from './impact.js';

/**
 * Plan values back in the form a model file writes them, so a change reads like the YAML a
 * reviewer has in front of them (`{ linear: { from: 0.2, to: 0.9 } }`, `30d`, `exclude`).
 */

export function days(n: number | null): ChangeValue {
  return n === null ? null : `${n}d`;
}

export function rollupAsWritten(rollup: RollupPlan): ChangeValue {
  return rollup.method === 'weakest_link' ? { weakest_link: { margin: rollup.margin } } : rollup.method;
}

export function missingAsWritten(missing: MissingPlan): ChangeValue {
  return missing.policy === 'score' ? { score: missing.score } : missing.policy;
}

export function staleAsWritten(stale: StalePlan): ChangeValue {
  return stale.policy === 'decay' ? { decay: { to: stale.to, over: `${stale.overDays}d` } } : stale.policy;
}

export function scoreAsWritten(score: ScorePlan): ChangeValue {
  switch (score.method) {
    case 'identity':
      return 'identity';
    case 'linear':
      return { linear: { from: score.from, to: score.to } };
    case 'steps':
      return { steps: score.scores.map((s, i): ChangeValue => (i < score.thresholds.length ? { below: score.thresholds[i] as number, score: s } : { score: s })) };
    case 'map':
      return { map: Object.fromEntries([...score.entries, ...(score.fallback === null ? [] : [['default', score.fallback] as const])]) };
    case 'expr':
      return { expr: score.text };
  }
}

/** A band list as entries keyed by name: `{ name, below, title, color }` with absent fields left out. */
export function bandEntries(bands: BandPlan): { name: string; below: number | null; title: string | null; color: string | null }[] {
  return bands.names.map((name, i) => ({ name, below: bands.thresholds[i] ?? null, title: bands.titles[i] ?? null, color: bands.colors[i] ?? null }));
}

export function bandsAsWritten(bands: BandPlan): ChangeValue {
  return bandEntries(bands).map((b) => withoutNulls({ name: b.name, below: b.below, title: b.title, color: b.color }));
}

/** An object without its null fields: how an entry reads in the file, where absent means default. */
export function withoutNulls(value: Readonly<Record<string, ChangeValue | undefined>>): ChangeValue {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as ChangeValue;
}
