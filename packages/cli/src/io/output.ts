import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { safeText } from '../render/safe-text.js';
import { ByteChunk } from './byte-chunk.js';

/**
 * Buffered writing to a stream that respects backpressure: small pieces are gathered into a chunk
 * of bytes (one syscall per chunk, not per row), and a full stream is waited on before writing
 * more, so a slow reader never makes the CLI hold the whole output in memory. A writer may fill
 * `chunk` directly (`vitals score --format csv`) and then call `written()`.
 */
export class BufferedOutput {
  readonly chunk: ByteChunk;

  constructor(
    private readonly stream: Writable,
    chunkSize = 64 * 1024,
  ) {
    this.chunk = new ByteChunk(chunkSize);
  }

  /**
   * Queues text. Once the chunk is full it is written, and the promise returned resolves when the
   * stream has room again; until then nothing is returned, so a caller writing row by row awaits
   * once per chunk, not once per row.
   */
  write(text: string): Promise<void> | undefined {
    this.chunk.text(text);
    return this.written();
  }

  /** After bytes were put in `chunk`: writes it out once it is full (see `write`). */
  written(): Promise<void> | undefined {
    return this.chunk.full ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const taken = this.chunk.take();
    if (!this.stream.write(taken, () => this.chunk.recycle(taken))) await once(this.stream, 'drain');
  }
}

/** Writes all of a text to stdout and waits until it is handed over. */
export async function writeStdout(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/**
 * A line on stderr: diagnostics about the run (bad rows, warnings, summaries), never data. One line:
 * the text is `safeText`, so a file name or a value it quotes cannot add lines or drive the terminal.
 */
export function note(text: string): void {
  process.stderr.write(`${safeText(text)}\n`);
}
