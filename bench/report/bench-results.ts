import type { AgreementReport } from '../check/agreement.js';
import type { StreamingRun, WallTime } from '../measure/cli-runs.js';
import type { CompileTime } from '../measure/compile-time.js';
import type { EndToEnd } from '../measure/score-end-to-end.js';
import type { Throughput } from '../measure/throughput.js';
import type { ImpactBench } from '../suites/impact-bench.js';
import type { Machine } from './machine.js';

/** Everything one bench run measured: what the table and RESULTS.md are rendered from. */
export interface BenchResults {
  readonly machine: Machine;
  readonly quick: boolean;
  readonly sizes: { readonly small: number; readonly large: number; readonly streaming: readonly number[] };
  readonly agreement: readonly AgreementReport[];
  /** Seven-metric model: per table size, one row per scorer. */
  readonly throughput: readonly { readonly rows: number; readonly results: readonly Throughput[] }[];
  readonly notes: Readonly<Record<string, string>>;
  readonly compile: readonly (CompileTime & { readonly coldMs: number | null; readonly importMs: number | null })[];
  /** The generated large model: vitals throughput per table size. */
  readonly modelSize: readonly { readonly model: string; readonly rows: number; readonly results: readonly Throughput[] }[];
  readonly cli: {
    readonly available: boolean;
    readonly runs: readonly WallTime[];
    readonly streaming: readonly StreamingRun[];
    /** `vitals score` CSV → CSV from the command line beside a bare Node loop over the same file. */
    readonly endToEnd: EndToEnd | null;
    readonly skipped: string | null;
  };
  /** `vitals diff` and `vitals simulate --sweep`: in one process and end to end. */
  readonly impact: ImpactBench | null;
  readonly seconds: number;
  readonly loadAtEnd: number;
}
