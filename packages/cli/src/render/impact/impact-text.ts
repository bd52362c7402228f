import { PLAIN, type Style } from '../style.js';
import type { ImpactReport } from './impact-report.js';
import { impactView, type ImpactView, type ViewSection, type ViewTable } from './impact-view.js';

/** `vitals diff` / `vitals simulate` for a terminal: every section, tables aligned. */
export function renderImpactText(report: ImpactReport, style: Style = PLAIN): string {
  return renderViewText(impactView(report), style);
}

/** Any report view (an impact, a sweep, a sensitivity ranking) for a terminal. */
export function renderViewText(view: ImpactView, style: Style = PLAIN): string {
  const head = [style.bold(view.title), ...view.header.map((line) => `  ${line}`), '', view.summary];
  return `${[head.join('\n'), ...view.sections.map((s) => section(s, style))].join('\n\n')}\n`;
}

function section(s: ViewSection, style: Style): string {
  const lines = [style.bold(`${s.title}:`), ...s.notes.map((note) => `  ${note}`)];
  if (s.table !== undefined) lines.push(...table(s.table).map((line) => `  ${line}`));
  if (s.block !== undefined) lines.push(...s.block.text.trimEnd().split('\n').map((line) => `  ${line}`));
  return lines.join('\n');
}

/** Columns padded to their widest cell, numbers right-aligned. */
export function table(t: ViewTable): string[] {
  const all = [t.columns.map((c) => c.label), ...t.rows];
  const widths = t.columns.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)));
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat((widths[i] as number) - [...cell].length);
    return t.columns[i]?.numeric === true ? fill + cell : cell + fill;
  };
  return all.map((row) => row.map(pad).join('  ').trimEnd());
}
