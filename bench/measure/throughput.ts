import { median, relativeSpread } from './statistics.js';

/** One way of scoring a table. `scoreAll` returns a checksum so the work cannot be optimised away. */
export interface Contender<Row> {
  readonly name: string;
  readonly scoreAll: (rows: readonly Row[]) => number | Promise<number>;
}

export interface ThroughputOptions {
  /** Timed rounds; every contender runs once per round, in a rotating order. */
  readonly rounds: number;
  /** A sample repeats the table until it lasts at least this long, so timer noise stays small. */
  readonly minSampleMs: number;
  /** Warm-up before timing, so the JIT has settled: this many rows, or this long, whichever comes first. */
  readonly warmupRows: number;
  readonly warmupMs: number;
}

export interface Throughput {
  readonly name: string;
  /** Rows per second, median over the rounds. */
  readonly rowsPerSecond: number;
  readonly samples: readonly number[];
  readonly spread: number;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * Measures every contender on the same rows in the same process, interleaved: round r runs each
 * contender once, starting from a different one each round, so a slow moment of the machine
 * falls on all of them alike. Garbage is collected before each sample (when Node runs with
 * --expose-gc) so one contender's garbage is not billed to the next.
 */
export async function measureThroughput<Row>(contenders: readonly Contender<Row>[], rows: readonly Row[], options: ThroughputOptions): Promise<Throughput[]> {
  const repeats = new Map<string, number>();
  for (const contender of contenders) repeats.set(contender.name, await warmUp(contender, rows, options));
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length] as Contender<Row>;
      const times = repeats.get(contender.name) as number;
      (samples.get(contender.name) as number[]).push(await sample(contender, rows, times));
    }
  }
  return contenders.map((c) => {
    const values = samples.get(c.name) as number[];
    return { name: c.name, rowsPerSecond: median(values), samples: values, spread: relativeSpread(values) };
  });
}

/** Runs the contender on warm-up rows; returns how many passes over the table make one sample. */
async function warmUp<Row>(contender: Contender<Row>, rows: readonly Row[], options: ThroughputOptions): Promise<number> {
  const slice = rows.slice(0, Math.min(rows.length, options.warmupRows, 2_000));
  let scored = 0;
  const started = performance.now();
  while (scored < options.warmupRows && performance.now() - started < options.warmupMs) {
    await contender.scoreAll(slice);
    scored += slice.length;
  }
  const perRowMs = (performance.now() - started) / scored;
  return Math.max(1, Math.ceil(options.minSampleMs / (perRowMs * rows.length)));
}

async function sample<Row>(contender: Contender<Row>, rows: readonly Row[], times: number): Promise<number> {
  collectGarbage?.();
  let checksum = 0;
  const started = performance.now();
  for (let i = 0; i < times; i++) checksum += await contender.scoreAll(rows);
  const seconds = (performance.now() - started) / 1000;
  if (Number.isNaN(checksum)) throw new Error(`${contender.name}: checksum is NaN`);
  return (rows.length * times) / seconds;
}
