/** Exit codes: the contract scripts and CI rely on. */
export const EXIT = {
  ok: 0,
  /** Model errors, failed tests, an unformatted file under `fmt --check`, a bad row under `--strict`. */
  failed: 1,
  /** Bad usage or a file that cannot be read. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A user mistake the CLI stops for (a missing file, a bad option value): printed as one line on
 * stderr (and `details`, a line each, under it), never with a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The worst of several exit codes (usage beats failure beats success). */
export function worstExit(...codes: readonly ExitCode[]): ExitCode {
  return codes.reduce<ExitCode>((worst, code) => (code > worst ? code : worst), EXIT.ok);
}
