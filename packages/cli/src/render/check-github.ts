import type { CheckedFile } from './check-report.js';
import type { DiagnosticLike } from './check-pretty.js';
import { safeText } from './safe-text.js';

/**
 * GitHub Actions workflow commands, one per diagnostic, so each shows on the pull request's diff:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::message`. The hint goes on a
 * second line of the message. Message, hint and properties are `safeText` (they quote untrusted
 * text) before the runner's own escaping.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export function renderCheckGithub(files: readonly CheckedFile[]): string {
  const lines = files.flatMap((file) => file.diagnostics.map(githubAnnotation));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function githubAnnotation(d: DiagnosticLike): string {
  const properties = [
    `file=${escapeProperty(d.file)}`,
    `line=${d.line}`,
    `col=${d.column}`,
    `endLine=${d.endLine}`,
    `endColumn=${d.endColumn}`,
    `title=${escapeProperty(d.code)}`,
  ].join(',');
  const message = d.hint === undefined ? safeText(d.message) : `${safeText(d.message)}\nhint: ${safeText(d.hint)}`;
  return `::${d.severity} ${properties}::${escapeData(message)}`;
}

/** The escaping the Actions runner undoes (toolkit's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (a file name, a title): one line (`safeText`), with `:` and `,` also escaped (toolkit's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(safeText(text)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
