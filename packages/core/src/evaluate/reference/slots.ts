import type { Slot } from '../../check/typed-expr.js';
import type { PulseResult } from '../result.js';
import type { Value } from './interpret-expression.js';
import type { MetricScore } from './score-metric.js';

/** What each name of an expression reads, from the values computed so far for this snapshot. */
export interface LateValues {
  categories: Map<string, { score: number | null; band: string | null; benchmark: number | null; gap: number | null }>;
  score: number | null;
  band: string | null;
  coverage: number;
  benchmark: number | null;
  gap: number | null;
  bandChanged: boolean;
  scoreChange: number | null;
}

export interface SlotSources {
  inputs: Map<string, Value>;
  metricValues: Map<string, Value>;
  metrics: Map<string, MetricScore>;
  pulse: PulseResult | null;
  asOf: number | null;
  own: Value;
  late: LateValues;
}

export function readSlot(slot: Slot, s: SlotSources): Value {
  switch (slot.kind) {
    case 'input':
      return s.inputs.get(slot.input) ?? null;
    case 'own-value':
      return s.own;
    case 'metric':
      return slot.field === 'value' ? (s.metricValues.get(slot.metric) ?? null) : (s.metrics.get(slot.metric)?.[slot.field] ?? null);
    case 'pulse':
      return s.pulse === null ? (slot.field === 'stale' ? false : null) : pulseField(s.pulse, slot.field);
    case 'category':
      return s.late.categories.get(slot.category)?.[slot.field] ?? null;
    case 'result':
      return resultField(slot.field, s);
  }
}

function pulseField(pulse: PulseResult, field: 'value' | 'score' | 'age_days' | 'stale'): Value {
  return field === 'value' ? pulse.value : field === 'score' ? pulse.score : field === 'age_days' ? pulse.age_days : pulse.stale;
}

function resultField(field: string, s: SlotSources): Value {
  switch (field) {
    case 'as_of':
      return s.asOf;
    case 'band_changed':
      return s.late.bandChanged;
    case 'score_change':
      return s.late.scoreChange;
    default:
      return s.late[field as 'score' | 'band' | 'coverage' | 'benchmark' | 'gap'];
  }
}
