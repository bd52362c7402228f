import type { SingleBar } from 'cli-progress';
import { note } from './output.js';

/** Progress of a long read, on stderr. A no-op unless a person is watching a terminal. */
export interface Progress {
  update(bytes: number, rows: number): void;
  /** Prints a line on stderr (as `note` does) without garbling the bar. */
  note(text: string): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, note, stop: () => undefined };

/** A bar only on an interactive terminal: never in CI, never when stderr is piped or a file, never for stdin of unknown size. */
export function wantsProgress(enabled: boolean, totalBytes: number | undefined, stderrIsTTY = process.stderr.isTTY === true, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false';
  return enabled && !ci && stderrIsTTY && totalBytes !== undefined && totalBytes > 0;
}

export async function createProgress(enabled: boolean, totalBytes: number | undefined): Promise<Progress> {
  if (!wantsProgress(enabled, totalBytes)) return SILENT;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar: SingleBar = new SingleBar(
    { stream: process.stderr, format: '{bar} {percentage}% | {rows} rows | {eta_formatted} left', hideCursor: true, clearOnComplete: true, fps: 10 },
    Presets.shades_classic,
  );
  bar.start(totalBytes as number, 0, { rows: 0 });
  let stopped = false;
  return {
    update: (bytes, rows) => bar.update(bytes, { rows: rows.toLocaleString('en-US') }),
    note: (text) => {
      process.stderr.write('\r\x1b[K');
      note(text);
    },
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
