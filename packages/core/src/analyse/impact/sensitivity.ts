import type { BandPlan, Plan } from '../../compile/plan.js';
import type { BandWatch, VariantOutcome } from './variant-run.js';

/** A weight or threshold of a model, and the two moves a sensitivity ranking tries. */
export interface Knob {
  /** As `--set` addresses it: `categories.product.weight`, `bands.red`, `metrics.seat_utilisation.bands.amber`. */
  readonly path: string;
  readonly kind: 'weight' | 'threshold';
  /** The band a move is judged by: the overall band for weights and the model's thresholds, else the metric's or category's own. */
  readonly watch: BandWatch;
  readonly value: number;
  /** −10 % and +10 % of a weight; −5 and +5 points of a threshold (kept on the scale); null where the move is not possible. */
  readonly moves: readonly [number | null, number | null];
}

export interface KnobSensitivity extends Omit<Knob, 'moves'> {
  /** Each move: the value tried and how many accounts changed the watched band; null when the move is not possible or makes the model invalid. */
  readonly down: { readonly value: number; readonly changed_band: number } | null;
  readonly up: { readonly value: number; readonly changed_band: number } | null;
  /** The larger of the two: what the ranking is by. */
  readonly changed_band: number;
}

export const WEIGHT_MOVE = 0.1;
export const THRESHOLD_MOVE = 5;

/** Every weight (categories, metrics) and every band threshold (the model's, each category's, each metric's) of a plan. */
export function sensitivityKnobs(plan: Plan): Knob[] {
  const weight = (path: string, value: number): Knob => ({ path, kind: 'weight', watch: { kind: 'overall' }, value, moves: [sig(value * (1 - WEIGHT_MOVE)), sig(value * (1 + WEIGHT_MOVE))] });
  return [
    ...plan.categories.map((c) => weight(`categories.${c.key}.weight`, c.weight)),
    ...plan.metrics.map((m) => weight(`metrics.${m.key}.weight`, m.weight)),
    ...thresholds(plan, 'bands', plan.bands, { kind: 'overall' }),
    ...plan.categories.flatMap((c) => thresholds(plan, `categories.${c.key}.bands`, c.bands, { kind: 'category', key: c.key })),
    ...plan.metrics.flatMap((m) => thresholds(plan, `metrics.${m.key}.bands`, m.bands, { kind: 'metric', key: m.key })),
  ];
}

function thresholds(plan: Plan, prefix: string, bands: BandPlan, watch: BandWatch): Knob[] {
  const onScale = (v: number) => (v > plan.scale.min && v <= plan.scale.max ? v : null);
  return bands.thresholds.map((value, i) => {
    const [down, up] = [onScale(value - THRESHOLD_MOVE), onScale(value + THRESHOLD_MOVE)];
    return { path: `${prefix}.${bands.names[i] as string}`, kind: 'threshold', watch, value, moves: [down, up] };
  });
}

/** Six significant digits: 0.9 × 3 is 2.7, not 2.7000000000000002. */
function sig(value: number): number {
  return Number(value.toPrecision(6));
}

/**
 * The knobs ranked by how many accounts change band when they move (the larger of the two
 * moves), most first; ties keep the model's order. `outcomes[i]` holds knob i's two moves.
 */
export function rankKnobs(knobs: readonly Knob[], outcomes: readonly (readonly [VariantOutcome | null, VariantOutcome | null])[]): KnobSensitivity[] {
  const ranked = knobs.map(({ moves, ...knob }, i) => {
    const [down, up] = (outcomes[i] ?? [null, null]).map((outcome, j) => {
      const value = moves[j];
      return outcome === null || value === null || value === undefined ? null : { value, changed_band: outcome.changed_band };
    }) as [KnobSensitivity['down'], KnobSensitivity['up']];
    return { ...knob, down, up, changed_band: Math.max(down?.changed_band ?? 0, up?.changed_band ?? 0) };
  });
  return ranked.map((k, i) => ({ k, i })).sort((a, b) => b.k.changed_band - a.k.changed_band || a.i - b.i).map(({ k }) => k);
}
