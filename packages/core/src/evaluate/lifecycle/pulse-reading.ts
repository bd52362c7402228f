import type { PulsePlan } from '../../compile/plan.js';
import { formatDay } from '../dates.js';
import { roundTo } from '../numbers.js';
import type { PulseResult } from '../result.js';

/**
 * The CSM pulse as of a snapshot: its age, whether it is past its shelf life (age > shelf life;
 * a pulse exactly at its shelf life is still fresh), and the score the roll-up uses under the
 * model's stale policy. A pulse without a date can't be shown fresh, so it counts as stale. A
 * pulse recorded after the as-of date did not exist yet at that snapshot: it is left out.
 */
export function pulseReading(plan: PulsePlan, value: string | null, recordedDay: number | null, asOfDay: number | null, precision: number): PulseResult | null {
  if (value === null) return null;
  const level = plan.levels.find((l) => l.value === value);
  if (level === undefined) return null;
  const age = recordedDay === null || asOfDay === null ? null : asOfDay - recordedDay;
  if (age !== null && age < 0) return null;
  const stale = age === null || age > level.shelfLifeDays;
  return {
    value,
    title: level.title,
    score: stale ? staleScore(plan, level.score, age, level.shelfLifeDays, precision) : level.score,
    raw_score: level.score,
    recorded_at: recordedDay === null ? null : formatDay(recordedDay),
    age_days: age,
    shelf_life_days: level.shelfLifeDays,
    stale,
  };
}

function staleScore(plan: PulsePlan, score: number, age: number | null, shelfLife: number, precision: number): number | null {
  const stale = plan.stale;
  switch (stale.policy) {
    case 'keep':
      return score;
    case 'exclude':
      return null;
    case 'decay': {
      // Linear from the pulse's score (at the end of its shelf life) to the target over the window.
      const progress = age === null ? 1 : Math.min(1, (age - shelfLife) / stale.overDays);
      return roundTo(score + (stale.to - score) * progress, precision);
    }
  }
}
