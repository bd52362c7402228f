import { md } from '../report-markdown.js';
import type { ImpactReport } from './impact-report.js';
import { impactView, type ImpactView, type ViewSection, type ViewTable } from './impact-view.js';

/**
 * `--format markdown`: a pull-request comment a reviewer reads in a minute — the one-line summary
 * first, the changes and the band shares, then every detail in a `<details>` block.
 */
export function renderImpactMarkdown(report: ImpactReport): string {
  return renderViewMarkdown(impactView(report));
}

/** Any report view (an impact, a sweep, a sensitivity ranking) as Markdown. */
export function renderViewMarkdown(view: ImpactView): string {
  const out = [`### ${inline(view.title)}`, '', `**${inline(view.summary)}**`, '', view.header.map((line) => inline(line)).join('<br>\n')];
  for (const s of view.sections) out.push('', ...(s.open ? open(s) : folded(s)));
  return `${out.join('\n')}\n`;
}

function open(s: ViewSection): string[] {
  return [`#### ${inline(s.title)}`, '', ...body(s)];
}

function folded(s: ViewSection): string[] {
  return ['<details>', `<summary>${inline(s.title)}</summary>`, '', ...body(s), '', '</details>'];
}

function body(s: ViewSection): string[] {
  const out = s.notes.flatMap((note) => [inline(note), '']);
  if (s.table !== undefined) out.push(...table(s.table), '');
  if (s.block !== undefined) out.push(fence(s.block.text, s.block.language), '');
  while (out[out.length - 1] === '') out.pop();
  return out;
}

function table(t: ViewTable): string[] {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => inline(c, true) || ' ').join(' | ')} |`;
  return [row(t.columns.map((c) => c.label)), `|${t.columns.map((c) => (c.numeric === true ? ' ---: ' : ' --- ')).join('|')}|`, ...t.rows.map(row)];
}

/** A fence longer than any run of backticks inside, so a patch of a model cannot close it early. */
function fence(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${text.trimEnd()}\n${marks}`;
}

/** View text in Markdown: code spans kept as code, everything else escaped; in a table cell a `|` inside code is escaped too (GitHub reads it as a cell border otherwise). */
function inline(text: string, inTable = false): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `\`${inTable ? part.replace(/\|/g, '\\|') : part}\`` : md(part)))
    .join('');
}
