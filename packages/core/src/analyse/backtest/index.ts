/** The backtest: does the score predict churn? Pure statistics over scored rows and their outcomes. */
export { createBacktest } from './collect-backtest.js';
export { analyseBacktest, DEFAULT_REPLICATES, DEFAULT_SEED } from './analyse-backtest.js';
export { readOutcome, outcomeMappingText, OUTCOME_LABELS } from './outcome.js';
export { describeRefusal } from './refusal-text.js';
export { MIN_PER_CLASS } from './backtest-report.js';
export { wilsonRate } from './wilson.js';

export type { BacktestSetup, BacktestCollector, CollectedBacktest, CollectedModel, OutcomeIssue } from './collect-backtest.js';
export type { IntervalOptions } from './analyse-backtest.js';
export type { OutcomeReading } from './outcome.js';
export type { Rate } from './wilson.js';
export type * from './backtest-report.js';
export { suggestWeights } from './suggest-weights.js';
export { modelWithWeights } from './model-with-weights.js';
export type { WeightSuggestion, WeightChange, FoldAucs, SuggestOptions, SuggestRefusal } from './suggest-weights.js';
export type { Weights } from './reweighted-scores.js';
