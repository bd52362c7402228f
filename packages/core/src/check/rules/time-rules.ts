import { childPointer } from '../../load/source-document.js';
import type { ModelRule } from './rule-context.js';
import { checkThresholdValue } from './thresholds.js';

const hasHistory = (ctx: Parameters<ModelRule>[0]) => ctx.model.data?.id !== undefined && ctx.model.data.as_of !== undefined;

/** Hysteresis and cooldowns compare an account with its own past: they need ids and dates. */
export const checkHistoryFeatures: ModelRule = (ctx) => {
  if (hasHistory(ctx)) return;
  if ((ctx.model.hysteresis ?? 0) > 0) ctx.report('needs-snapshots', { feature: 'hysteresis' }, ctx.locate.key('/hysteresis'));
  for (const [name, playbook] of Object.entries(ctx.model.playbooks ?? {})) {
    if (playbook.cooldown !== undefined) ctx.report('needs-snapshots', { feature: 'cooldown' }, ctx.locate.key(`${childPointer('/playbooks', name)}/cooldown`));
  }
};

export const checkPulse: ModelRule = (ctx) => {
  const pulse = ctx.model.pulse;
  if (pulse === undefined) return;
  const seen = new Set<string>();
  (pulse.scale ?? []).forEach((level, i) => {
    if (seen.has(level.value)) ctx.report('duplicate-name', { name: level.value, kind: 'pulse level' }, ctx.locate.value(`/pulse/scale/${i}/value`));
    seen.add(level.value);
    checkThresholdValue(level.score, `/pulse/scale/${i}/score`, 'pulse score', ctx, true);
  });
  if (typeof pulse.stale === 'object') checkThresholdValue(pulse.stale.decay.to, '/pulse/stale/decay/to', 'decay target', ctx, true);
};
