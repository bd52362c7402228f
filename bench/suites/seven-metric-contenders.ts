import { compileModel, type HealthModel, type ScoreResult } from '@vitals/core';
import type { SevenMetricAccount } from '../data/seven-metric-accounts.js';
import { celScorer } from '../engines/cel-engine.js';
import type { EngineScores } from '../engines/engine-scores.js';
import { jsonLogicScorer } from '../engines/json-logic-engine.js';
import { jsonRulesEngineScorer } from '../engines/json-rules-engine.js';
import { zenScorer } from '../engines/zen-engine.js';
import { asyncScoreLoop, scoreLoop } from '../measure/score-loop.js';
import type { Contender } from '../measure/throughput.js';
import { handWrittenScorer } from '../scorers/hand-written-scorer.js';

/** A contender with the per-account function the agreement check calls, and how it compares. */
export interface Scorer {
  readonly name: string;
  readonly note: string;
  /** `full`: compared with vitals' whole result; `scores`: overall, coverage, category and metric scores and bands; `self`: vitals' compiled evaluator, what the others are compared with. */
  readonly compares: 'full' | 'scores' | 'self';
  readonly score: (account: SevenMetricAccount) => ScoreResult | EngineScores | Promise<ScoreResult | EngineScores>;
  readonly contender: Contender<SevenMetricAccount>;
  /** Whether it is fast enough to time on a million accounts within the bench's budget. */
  readonly large: boolean;
  readonly dispose?: () => void;
}

function sync(name: string, note: string, compares: Scorer['compares'], large: boolean, score: (a: SevenMetricAccount) => ScoreResult | EngineScores): Scorer {
  return { name, note, compares, score, large, contender: { name, scoreAll: scoreLoop(score) } };
}

/** Every way the bench scores the seven-metric model; vitals' compiled evaluator first. */
export function sevenMetricScorers(model: HealthModel, text: string): Scorer[] {
  const step = model.evaluator.step;
  const reference = compileModel(text, { engine: 'reference' }).model as HealthModel;
  const zen = zenScorer();
  const rulesEngine = jsonRulesEngineScorer();
  return [
    sync('vitals — model.evaluate (compiled)', 'full result', 'self', true, (a) => model.evaluate(a)),
    sync('vitals — evaluator.step (compiled)', 'full result, no options object', 'self', true, (a) => step(a, undefined).result),
    sync('hand-written TypeScript', 'full result, same rounding and missing-data rules', 'full', true, handWrittenScorer(model.plan.hash)),
    sync('vitals — reference interpreter', 'full result, expression trees walked per record', 'full', false, (a) => reference.evaluate(a)),
    sync('json-logic-js', 'rules applied stage by stage; custom operations round_to and below; explicit null tests', 'scores', false, jsonLogicScorer()),
    sync('@marcbachmann/cel-js (CEL)', 'parsed expressions, stage by stage; registered roundTo() and below(); null tests, dyn()', 'scores', false, celScorer()),
    {
      name: '@gorules/zen-engine',
      note: 'decision graph: decision tables and expression nodes, decimal arithmetic, rounds twice; awaited per account',
      compares: 'scores',
      score: zen.score,
      large: false,
      contender: { name: '@gorules/zen-engine', scoreAll: asyncScoreLoop(zen.score) },
      dispose: zen.dispose,
    },
    {
      name: 'json-rules-engine',
      note: 'rules, dynamic facts, custom operators; awaited per account',
      compares: 'scores',
      score: rulesEngine,
      large: false,
      contender: { name: 'json-rules-engine', scoreAll: asyncScoreLoop(rulesEngine) },
    },
  ];
}
