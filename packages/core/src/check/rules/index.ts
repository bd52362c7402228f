import { checkAllBands, checkScale } from './band-rules.js';
import { checkBenchmarks, checkStageField } from './benchmark-rules.js';
import { checkEnumValues } from './enum-rules.js';
import { checkColumnNames, checkNames } from './name-rules.js';
import { checkBandReachability } from './reachability-rules.js';
import type { ModelRule } from './rule-context.js';
import { checkScoreMethods } from './scoring-rules.js';
import { checkHistoryFeatures, checkPulse } from './time-rules.js';
import { checkSharedColumns, checkUnusedInputs } from './usage-rules.js';
import { checkCategories, checkWeights } from './weight-rules.js';

/** Every whole-model rule. Adding a rule is adding it here. */
export const MODEL_RULES: readonly ModelRule[] = [
  checkNames,
  checkColumnNames,
  checkScale,
  checkAllBands,
  checkCategories,
  checkWeights,
  checkScoreMethods,
  checkBandReachability,
  checkUnusedInputs,
  checkEnumValues,
  checkSharedColumns,
  checkStageField,
  checkBenchmarks,
  checkHistoryFeatures,
  checkPulse,
];

export type { ModelRule, RuleContext } from './rule-context.js';
