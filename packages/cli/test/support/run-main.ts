import { main } from '../../src/main.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `vitals ARGS` in this process and captures what it writes to stdout and stderr: the same
 * code as the built CLI, without a Node start per run (test/e2e runs the built CLI as a process).
 * No colour (NO_COLOR), as in CI. Runs must not overlap: they share process.stdout and stderr.
 */
export async function runMain(args: readonly string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = { out: process.stdout.write, err: process.stderr.write, noColor: process.env.NO_COLOR };
  process.stdout.write = capture(stdout);
  process.stderr.write = capture(stderr);
  process.env.NO_COLOR = '1';
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    if (saved.noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved.noColor;
  }
}

function capture(into: string[]): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, encoding?: unknown, callback?: () => void) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? (encoding as () => void) : callback;
    done?.();
    return true;
  }) as typeof process.stdout.write;
}
