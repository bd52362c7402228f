import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { safeText } from '../render/safe-text.js';

/**
 * Buffered writing to a stream that respects backpressure: small pieces are gathered into chunks
 * (one syscall per chunk, not per row), and a full stream is waited on before writing more, so a
 * slow reader never makes the CLI hold the whole output in memory.
 */
export class BufferedOutput {
  private pending: string[] = [];
  private size = 0;

  constructor(
    private readonly stream: Writable,
    private readonly chunkSize = 64 * 1024,
  ) {}

  /**
   * Queues text. Once a chunk is full it is written, and the promise returned resolves when the
   * stream has room again; until then nothing is returned, so a caller writing row by row awaits
   * once per chunk, not once per row.
   */
  write(text: string): Promise<void> | undefined {
    this.pending.push(text);
    this.size += text.length;
    return this.size >= this.chunkSize ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

/** Writes all of a text to stdout and waits until it is handed over. */
export async function writeStdout(text: string): Promise<void> {
  const out = new BufferedOutput(process.stdout);
  await out.write(text);
  await out.flush();
}

/**
 * A line on stderr: diagnostics about the run (bad rows, warnings, summaries), never data. One line:
 * the text is `safeText`, so a file name or a value it quotes cannot add lines or drive the terminal.
 */
export function note(text: string): void {
  process.stderr.write(`${safeText(text)}\n`);
}
