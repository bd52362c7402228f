import type { BacktestRefusal, OutcomeDescription } from './backtest-report.js';

/** Why a backtest was refused, as a sentence that says what to do. */
export function describeRefusal(refusal: BacktestRefusal, outcome: Pick<OutcomeDescription, 'field'>): string {
  const field = `\`${outcome.field}\``;
  switch (refusal.code) {
    case 'single-class': {
      const which = refusal.churned === 0 ? `none of the ${refusal.retained.toLocaleString('en-US')} observations churned` : `all ${refusal.churned.toLocaleString('en-US')} observations churned`;
      return `the outcome ${field} has one class only: ${which}. A backtest needs churned and retained accounts to tell apart (is it the right column, and the right horizon?)`;
    }
    case 'too-few':
      return `too few ${refusal.churned < refusal.minimum ? 'churned' : 'retained'} accounts for a backtest: ${refusal.churned.toLocaleString('en-US')} churned and ${refusal.retained.toLocaleString('en-US')} retained, at least ${refusal.minimum} of each are needed for an AUC worth reading`;
    case 'horizon-needs-dates':
      return `--horizon needs a churn-date outcome, but ${field} holds labels (churned or not): leave --horizon out, or name a column of churn dates`;
    case 'dates-need-as-of':
      return `${field} holds churn dates, so each snapshot needs its date to tell before from after: the model names no as-of field (data: { as_of: … }); pass --as-of YYYY-MM-DD`;
  }
}
