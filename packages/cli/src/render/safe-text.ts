/**
 * Untrusted text made safe to show a person: in a terminal, a CI log, a Markdown page.
 *
 * Everything vitals prints that it did not write itself — a model's titles, enum values and
 * playbook actions, a data file's ids and cells, a test file's case names, file names, values
 * from the command line, and the messages that quote any of them — goes through `safeText`
 * before it reaches a human-readable output. Without it, text from a pull request or a data
 * export could:
 *
 * - drive the terminal: ESC and C1 control sequences (colours, cursor moves, clearing the screen,
 *   the window title, OSC 8 links), a CR that overwrites the line it is on;
 * - forge lines: a newline in an id or a title that prints a fake `vitals:` message or row;
 * - reorder what is shown: Unicode bidirectional overrides and isolates ("Trojan Source");
 * - run GitHub Actions workflow commands: the runner reads a line as a command when it starts,
 *   after spaces, with `::` (`::error::…`, `::add-mask::…`, `::stop-commands::…`), and when it holds
 *   `##[` anywhere (the older syntax, `##[error]…`).
 *
 * Each of those characters is shown as its escape, as JSON writes it (`\n`, `\t`, `\u001b`,
 * `\u202e`); a leading `::` becomes `\u003a:` and `##[` becomes `\u0023#[`. Everything else
 * (accents, CJK, emoji — the zero-width joiner and non-joiner that emoji and some scripts
 * need included —, quotes, backslashes) is left as it is, so ordinary text reads unchanged.
 * The function is idempotent: escaping twice changes nothing more.
 *
 * Machine-readable outputs do not use it: JSON (`--format json|ndjson`, `--reporter json`)
 * carries every value exactly (JSON escapes control characters itself), JUnit XML escapes for
 * XML, the HTML report escapes for HTML, and CSV has its own rule (`csv-field.ts`).
 */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escapeMatch);
}

/** Text of several lines, each made safe: for messages that are lines of their own (a stack trace, commander's errors). */
export function safeLines(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}

/**
 * A value in double quotes, as in `(got "forty")`: JSON's quoting (which escapes quotes,
 * backslashes and C0 controls), then `safeText` for what JSON leaves as it is.
 */
export function quoted(text: string): string {
  return safeText(JSON.stringify(text));
}

/**
 * Every character `safeText` escapes: C0 controls (tab, newline and CR included), DEL, C1 controls
 * (U+0080–U+009F: U+009B is a one-byte CSI on some terminals), the bidirectional marks, embeddings,
 * overrides and isolates, the line and paragraph separators, the invisible characters that make two
 * different ids or enum values print alike (`acme` and `acme\u200b`: zero-width space, word joiner and
 * invisible operators, BOM, soft hyphen, Mongolian vowel separator); and the GitHub Actions command
 * markers (`##[` anywhere, `::` at the start after spaces).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// The runner trims what .NET counts as white space (JavaScript's \s, plus U+0085) before looking for `::`.
const UNSAFE = new RegExp(`${CONTROL.source}|##\\[|^[\\s\\u0085]*::`, 'g');

const SHORT: Readonly<Record<string, string>> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function escapeMatch(match: string): string {
  if (match === '##[') return '\\u0023#[';
  if (match.endsWith('::')) return `${match.slice(0, -2).replace(CONTROL, escapeControl)}\\u003a:`;
  return escapeControl(match);
}

function escapeControl(char: string): string {
  return SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
