import { countDiagnostics, type CheckedFile } from './check-report.js';

/** Version of the JSON of `check --format json` (packages/cli/schema/check.schema.json). */
export const CHECK_FORMAT_VERSION = 1;

/** `vitals check --format json`: every diagnostic as the core reports it, grouped by file. */
export function renderCheckJson(files: readonly CheckedFile[]): string {
  const all = files.flatMap((f) => f.diagnostics);
  const totals = countDiagnostics(all);
  const document = {
    format_version: CHECK_FORMAT_VERSION,
    ok: totals.errors === 0 && files.every((f) => f.unreadable === undefined),
    errors: totals.errors,
    warnings: totals.warnings,
    files: files.map((f) => ({
      file: f.file,
      ...(f.unreadable === undefined ? {} : { unreadable: f.unreadable }),
      ...countDiagnostics(f.diagnostics),
      diagnostics: f.diagnostics,
      ...(f.weights === undefined ? {} : { effective_weights: f.weights }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
