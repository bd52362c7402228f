import type { BenchmarkPlan, OverridesPlan, Plan, PulseLevelPlan, PulsePlan } from '../../compile/plan.js';
import { days, staleAsWritten, withoutNulls } from './as-written.js';
import type { ChangeList } from './change-list.js';
import type { Renames } from './diff-plans.js';
import type { ChangeValue } from './impact.js';
import { matchEntries } from './match-entries.js';

/** The lifecycle parts of a model: the pulse, overrides and stage benchmarks. */
export function diffLifecycle(list: ChangeList, base: Plan, head: Plan, names: Renames): void {
  diffPulse(list, base.pulse, head.pulse);
  diffOverrides(list, base.overrides, head.overrides);
  diffBenchmarks(list, base.benchmarks, head.benchmarks, names);
}

function pulseAsWritten(pulse: PulsePlan): ChangeValue {
  const scale = pulse.levels.map((l) => withoutNulls({ value: l.value, title: l.title, score: l.score, shelf_life: days(l.shelfLifeDays) }));
  return { field: pulse.field, recorded_at: pulse.recordedAt, scale, stale: staleAsWritten(pulse.stale) };
}

function diffPulse(list: ChangeList, base: PulsePlan | null, head: PulsePlan | null): void {
  if (base === null && head === null) return;
  if (base === null || head === null) {
    list.entry('pulse', base === null ? 'added' : 'removed', null, base === null ? null : pulseAsWritten(base), head === null ? null : pulseAsWritten(head));
    return;
  }
  list.fields('pulse', null, 'pulse', [
    { field: 'field', before: base.field, after: head.field },
    { field: 'recorded_at', before: base.recordedAt, after: head.recordedAt },
    { field: 'stale', before: staleAsWritten(base.stale), after: staleAsWritten(head.stale) },
  ]);
  const values = (pulse: PulsePlan) => pulse.levels.map((l) => l.value).join('\n');
  if (values(base) !== values(head)) {
    list.fields('pulse', null, 'pulse', [{ field: 'scale', before: (pulseAsWritten(base) as { scale: ChangeValue }).scale, after: (pulseAsWritten(head) as { scale: ChangeValue }).scale }]);
    return;
  }
  const pairs = base.levels.map((level, i) => [level, head.levels[i] as PulseLevelPlan] as const);
  for (const [before, after] of pairs) {
    list.fields('pulse', null, 'pulse', [
      { field: `scale.${after.value}.score`, before: before.score, after: after.score },
      { field: `scale.${after.value}.title`, before: before.title, after: after.title },
    ]);
  }
  diffShelfLives(list, pairs);
}

/**
 * The model's `shelf_life` is every level's unless a level has its own, so a change of it shows
 * in several levels at once: when every level that changed moved the same way, it is one change.
 */
function diffShelfLives(list: ChangeList, pairs: readonly (readonly [PulseLevelPlan, PulseLevelPlan])[]): void {
  const changed = pairs.filter(([before, after]) => before.shelfLifeDays !== after.shelfLifeDays);
  const ways = new Set(changed.map(([before, after]) => `${before.shelfLifeDays}→${after.shelfLifeDays}`));
  if (changed.length > 1 && ways.size === 1) {
    const [before, after] = changed[0] as readonly [PulseLevelPlan, PulseLevelPlan];
    list.fields('pulse', null, 'pulse', [{ field: 'shelf_life', before: days(before.shelfLifeDays), after: days(after.shelfLifeDays) }]);
    return;
  }
  for (const [before, after] of changed) {
    list.fields('pulse', null, 'pulse', [{ field: `scale.${after.value}.shelf_life`, before: days(before.shelfLifeDays), after: days(after.shelfLifeDays) }]);
  }
}

function diffOverrides(list: ChangeList, base: OverridesPlan | null, head: OverridesPlan | null): void {
  const asWritten = (o: OverridesPlan) => withoutNulls({ score: o.score, band: o.band, reason: o.reason, set_at: o.setAt, expires_at: o.expiresAt });
  if (base === null && head === null) return;
  if (base === null || head === null) {
    list.entry('overrides', base === null ? 'added' : 'removed', null, base === null ? null : asWritten(base), head === null ? null : asWritten(head));
    return;
  }
  const [before, after] = [asWritten(base), asWritten(head)] as Record<string, ChangeValue>[];
  const fields = ['score', 'band', 'reason', 'set_at', 'expires_at'];
  list.fields('overrides', null, 'overrides', fields.map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null })));
}

/** Benchmarks are keyed by where they apply: `adopt`, `adopt.high_touch`, `renew.sentiment` (as `--set` addresses them). */
function diffBenchmarks(list: ChangeList, base: readonly BenchmarkPlan[], head: readonly BenchmarkPlan[], names: Renames): void {
  const key = (b: BenchmarkPlan) => [b.stage, b.segment, b.category].filter((part) => part !== null).join('.');
  const asBase = head.map((b) => ({ ...b, category: b.category === null ? null : (names.categories.get(b.category) ?? b.category) }));
  const matched = matchEntries(base, asBase, key, key);
  const asWritten = (b: BenchmarkPlan) => withoutNulls({ stage: b.stage, segment: b.segment, category: b.category, score: b.score });
  list.matched('benchmarks', matched, key, asWritten, (before, after) =>
    list.fields('benchmarks', key(after), `benchmarks.${key(after)}`, [{ field: 'score', before: before.score, after: after.score, path: `benchmarks.${key(after)}` }]),
  );
}
