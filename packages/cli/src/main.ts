import { CommanderError } from 'commander';
import { CliError, EXIT, type ExitCode } from './errors.js';
import { note } from './io/output.js';
import { buildProgram } from './program.js';
import { safeLines } from './render/safe-text.js';

/**
 * Runs the `vitals` command line and returns its exit code. User mistakes (bad options, missing
 * files) become one line on stderr and exit 2; only a bug in vitals itself prints a stack.
 */
export async function main(argv: readonly string[]): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitFor(error);
  }
}

function exitFor(error: unknown): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (through configureOutput).
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CliError) {
    note(`vitals: ${error.message}`);
    for (const line of error.details) note(line);
    return error.exitCode;
  }
  process.stderr.write(`vitals: internal error (a bug in vitals, please report it):\n${safeLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  return EXIT.usage;
}
