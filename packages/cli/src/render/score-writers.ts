import type { Plan } from '@vitals/core';
import type { DataError } from '@vitals/data';
import { csvLine, startsFormula, type CsvValue } from './csv-field.js';
import { safeText } from './safe-text.js';
import { SCORE_FORMAT_VERSION, type ScoreRow } from './score-row.js';

/** Counts of one run, for the end of a JSON document and the summary on stderr. */
export interface RunCounts {
  readonly rows: number;
  readonly scored: number;
  readonly unscored: number;
  readonly invalid: number;
}

/** Turns score rows into text, a piece at a time, so output streams as rows come in. */
export interface RowWriter {
  begin(): string;
  row(row: ScoreRow): string;
  /** `dataError`: the file broke off there; a JSON document says so, and stays whole. */
  end(counts: RunCounts, dataError?: DataError | null): string;
  /** A line for stderr once the rows are written, when the writer changed something a reader should know of. */
  notice?(): string | undefined;
}

export type ScoreFormat = 'table' | 'csv' | 'ndjson' | 'json';

export interface RowWriterOptions {
  /** CSV: write text cells as they are, even those a spreadsheet would run as a formula. */
  readonly csvRaw?: boolean;
}

export function rowWriter(format: ScoreFormat, plan: Plan, options: RowWriterOptions = {}): RowWriter {
  switch (format) {
    case 'ndjson':
      return ndjsonWriter();
    case 'json':
      return jsonWriter(plan);
    case 'csv':
      return csvWriter(plan, options.csvRaw === true);
    case 'table':
      return tableWriter(plan);
  }
}

function ndjsonWriter(): RowWriter {
  return { begin: () => '', row: (row) => `${JSON.stringify({ format_version: SCORE_FORMAT_VERSION, ...row })}\n`, end: () => '' };
}

/** One JSON document, written as it goes: the rows array is opened first and closed with the counts. */
function jsonWriter(plan: Plan): RowWriter {
  let first = true;
  const head = { format_version: SCORE_FORMAT_VERSION, model: plan.model, model_hash: plan.hash };
  return {
    begin: () => `${JSON.stringify(head).slice(0, -1)},\n"rows": [`,
    row: (row) => {
      const separator = first ? '\n' : ',\n';
      first = false;
      return `${separator}${JSON.stringify(row)}`;
    },
    end: (counts, dataError) => {
      const stopped = dataError === undefined || dataError === null ? '' : `,\n"data_error": ${JSON.stringify({ code: dataError.code, message: dataError.message, line: dataError.line, column: dataError.column })}`;
      return `${first ? '' : '\n'}],\n"summary": ${JSON.stringify(counts)}${stopped}\n}\n`;
    },
  };
}

function csvWriter(plan: Plan, raw: boolean): RowWriter {
  const categories = plan.categories.map((c) => c.key);
  let neutralised = 0;
  return {
    begin: () =>
      csvLine([
        'row', 'line', 'id', 'as_of', 'status', 'reason', 'score', 'band', 'coverage',
        ...categories.flatMap((key) => [`${key}_score`, `${key}_band`]),
        'stage', 'segment', 'benchmark', 'gap', 'below_benchmark', 'playbooks', 'issues',
      ]),
    row: (row) => {
      const cells: CsvValue[] = [row.row, row.line, row.id, row.as_of, row.status, row.reason, row.score, row.band, row.coverage];
      for (const key of categories) cells.push(row.categories[key]?.score, row.categories[key]?.band);
      cells.push(
        row.stage, row.segment, row.benchmark, row.gap, row.below_benchmark.join(';'), row.playbooks.join(';'),
        row.issues.map((issue) => `${issue.field ?? 'row'}: ${issue.code}`).join('; '),
      );
      if (!raw) for (const cell of cells) if (typeof cell === 'string' && startsFormula(cell)) neutralised++;
      return csvLine(cells, raw);
    },
    end: () => '',
    notice: () =>
      neutralised === 0
        ? undefined
        : `vitals: ${neutralised} CSV ${neutralised === 1 ? 'cell' : 'cells'} began with =, +, -, @, a tab or a CR, so a spreadsheet would run ${neutralised === 1 ? 'it' : 'them'} as a formula: written as text, with a leading ' (--csv-raw writes them as they are)`,
  };
}

/**
 * A fixed-width table for reading in a terminal. Widths come from the model, not the data, so
 * the table streams; a value too long for its column is cut with an ellipsis.
 */
function tableWriter(plan: Plan): RowWriter {
  const bandWidth = Math.max(4, ...plan.bands.names.map((name) => name.length));
  const columns: Column[] = [
    { title: 'row', width: 6, align: 'right', value: (r) => String(r.row) },
    { title: 'id', width: 16, align: 'left', value: (r) => safeText(r.id ?? '') },
    { title: 'as_of', width: 10, align: 'left', value: (r) => r.as_of ?? '' },
    { title: 'score', width: 7, align: 'right', value: (r) => (r.score === null ? (r.status === 'invalid' ? 'invalid' : '—') : String(r.score)) },
    { title: 'band', width: bandWidth, align: 'left', value: (r) => r.band ?? '' },
    ...plan.categories.map((c): Column => ({ title: c.key, width: Math.max(6, Math.min(12, c.key.length)), align: 'right', value: (r) => numberText(r.categories[c.key]?.score) })),
    { title: 'gap', width: 7, align: 'right', value: (r) => numberText(r.gap) },
    { title: 'playbooks / issues', width: 0, align: 'left', value: (r) => (r.status === 'invalid' ? safeText(r.issues.map((i) => `${i.field ?? 'row'}: ${i.code}`).join(', ')) : r.status === 'unscored' ? `(unscored: ${r.reason})` : r.playbooks.join(', ')) },
  ];
  const line = (cells: string[]) => `${cells.join('  ').trimEnd()}\n`;
  return {
    begin: () => line(columns.map((c) => fit(c.title, c))) + line(columns.map((c) => '─'.repeat(c.width === 0 ? c.title.length : c.width))),
    row: (row) => line(columns.map((c) => fit(c.value(row), c))),
    end: () => '',
  };
}

interface Column {
  readonly title: string;
  /** 0: as wide as the content (the last column). */
  readonly width: number;
  readonly align: 'left' | 'right';
  readonly value: (row: ScoreRow) => string;
}

function fit(text: string, column: Column): string {
  if (column.width === 0) return text;
  const cut = text.length > column.width ? `${text.slice(0, column.width - 1)}…` : text;
  return column.align === 'right' ? cut.padStart(column.width) : cut.padEnd(column.width);
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
