/**
 * The model as written, once the schema has accepted it: the output type of the schema stage.
 * Field names follow the YAML file exactly (snake_case), so a pointer into this object is a
 * pointer into the file.
 */
export type Identifier = string;
export type ExpressionText = string;
export type DurationText = string;

export interface BandSource {
  name: Identifier;
  below?: number;
  title?: string;
  color?: string;
}

export interface StepSource {
  below?: number;
  score: number;
}

export type ScoreMethodSource =
  | 'identity'
  | { linear: { from: number; to: number } }
  | { steps: StepSource[] }
  | { map: Record<string, number> }
  | { expr: ExpressionText };

export type MissingPolicySource = 'exclude' | 'unknown' | { score: number };

export type RollupSource = 'weighted_mean' | 'geometric' | 'weakest_link' | { weakest_link: { margin?: number } };

export type InputTypeName = 'number' | 'integer' | 'boolean' | 'enum' | 'string' | 'date';

export interface InputSource {
  type: InputTypeName;
  column?: string;
  values?: string[];
  ordered?: boolean;
  min?: number;
  max?: number;
  required?: boolean;
  title?: string;
  description?: string;
}

export interface CategorySource {
  weight: number;
  title?: string;
  description?: string;
  rollup?: RollupSource;
  bands?: BandSource[];
}

export interface MetricSource {
  category: Identifier;
  value: ExpressionText;
  score: ScoreMethodSource;
  title?: string;
  description?: string;
  bands?: BandSource[];
  weight?: number;
  missing?: MissingPolicySource;
}

export interface PulseLevelSource {
  value: string;
  score: number;
  title?: string;
  shelf_life?: DurationText;
}

export type StalePolicySource = 'keep' | 'exclude' | { decay: { to: number; over: DurationText } };

export interface PulseSource {
  field: Identifier;
  recorded_at: Identifier;
  shelf_life?: DurationText;
  scale?: PulseLevelSource[];
  stale?: StalePolicySource;
}

export interface OverridesSource {
  score?: Identifier;
  band?: Identifier;
  reason: Identifier;
  set_at: Identifier;
  expires_at: Identifier;
}

export interface BenchmarkSource {
  stage: string;
  segment?: string;
  category?: Identifier;
  score: number;
}

export type PlaybookPriority = 'critical' | 'high' | 'medium' | 'low';

export interface PlaybookSource {
  when: ExpressionText;
  action: string;
  title?: string;
  description?: string;
  priority?: PlaybookPriority;
  owner?: string;
  cooldown?: DurationText;
}

export interface DataFieldsSource {
  id?: Identifier;
  as_of?: Identifier;
  segment?: Identifier;
  stage?: Identifier;
  /** The account's value (ARR, MRR): a number input. */
  value?: Identifier;
  /** The account's owner (the CSM): a text or enum input. */
  owner?: Identifier;
}

export interface ModelSource {
  vitals: 1;
  model: Identifier;
  title?: string;
  description?: string;
  scale?: { min: number; max: number };
  precision?: number;
  bands: BandSource[];
  hysteresis?: number;
  data?: DataFieldsSource;
  inputs: Record<Identifier, InputSource>;
  categories: Record<Identifier, CategorySource>;
  metrics: Record<Identifier, MetricSource>;
  rollup?: RollupSource;
  missing?: { policy?: MissingPolicySource; min_coverage?: number };
  pulse?: PulseSource;
  overrides?: OverridesSource;
  benchmarks?: BenchmarkSource[];
  playbooks?: Record<Identifier, PlaybookSource>;
}
