import { CliError } from '../errors.js';

/**
 * The outcome column must exist: checked on the first record (a CSV header gives every record the
 * same fields), with the nearest column name as a suggestion.
 */
export function checkOutcomeColumn(file: string, record: Readonly<Record<string, unknown>>, field: string): void {
  if (Object.hasOwn(record, field)) return;
  const columns = Object.keys(record);
  const near = columns.find((c) => c.toLowerCase() === field.toLowerCase());
  const hint = near === undefined ? `its columns are ${columns.map((c) => `\`${c}\``).join(', ')}` : `did you mean \`${near}\`?`;
  throw new CliError(`${file} has no column \`${field}\` for --outcome: ${hint}`);
}
