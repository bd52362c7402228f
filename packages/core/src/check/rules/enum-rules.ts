import { childPointer } from '../../load/source-document.js';
import { isPadded, looseEnumKey } from '../../schema/enum-key.js';
import type { ModelRule, RuleContext } from './rule-context.js';

/**
 * Record values are trimmed and matched exactly, or loosely (`looseEnumKey`) when exactly one
 * declared value fits. Declared values that defeat this are probably not what the author meant:
 * one with spaces around it, or two that only loose matching could tell apart.
 */
export const checkEnumValues: ModelRule = (ctx) => {
  for (const [name, input] of Object.entries(ctx.model.inputs)) {
    const pointer = `${childPointer('/inputs', name)}/values`;
    checkValues(input.values ?? [], (i) => `${pointer}/${i}`, ctx);
  }
  const scale = ctx.model.pulse?.scale;
  if (scale !== undefined) checkValues(scale.map((level) => level.value), (i) => `/pulse/scale/${i}/value`, ctx);
  // The override band is read as an enum of the model's bands.
  if (ctx.model.overrides?.band !== undefined) checkValues(ctx.model.bands.map((band) => band.name), (i) => `/bands/${i}/name`, ctx);
};

function checkValues(values: readonly string[], pointer: (i: number) => string, ctx: RuleContext): void {
  const firstWithKey = new Map<string, string>();
  values.forEach((value, i) => {
    if (isPadded(value)) ctx.report('enum-value-spaces', { value }, ctx.locate.value(pointer(i)));
    const key = looseEnumKey(value);
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, value);
    else if (first !== value) ctx.report('enum-values-ambiguous', { first, second: value, key }, ctx.locate.value(pointer(i)));
  });
}
