import { Lexer, isMap, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { yamlToDocument } from '../load/yaml-to-document.js';
import { protectBlockScalars, restoreBlockScalars } from './block-scalars.js';
import { orderKeys } from './key-order.js';

export interface FormatResult {
  /** The model in the canonical layout; undefined when the file is not YAML the loader can read (see diagnostics). */
  readonly value: string | undefined;
  /** Only what stops formatting (YAML syntax, encoding); a model's other mistakes are `check`'s business. */
  readonly diagnostics: Diagnostic[];
}

/**
 * The canonical layout of a model file, so a pull request's diff shows only real changes:
 * keys in the order the schema lists them, two-space indentation with indented sequences, strings
 * plain where YAML allows and double-quoted otherwise, numbers in plain decimal, no line folding.
 * Every comment and blank line is kept; block scalars (`|`, `>`) keep their lines; flow or block
 * style is the author's choice per collection. Formatting is idempotent, and never changes what
 * the file means (checked on every call).
 */
export function formatModel(source: string | Uint8Array, file = 'model.yaml'): FormatResult {
  const loaded = yamlToDocument(source, file);
  if (loaded.value === undefined) return { value: undefined, diagnostics: loaded.diagnostics };
  const text = loaded.value.text;
  const doc = parseDocument(text, { uniqueKeys: false, strict: true, schema: 'core' });
  const blocks = protectBlockScalars(doc, text);
  orderKeys(doc.contents);
  anchorsBeforeAliases(doc);
  hoistItemComments(doc);
  canonicalScalars(doc);
  const printed = doc.toString({
    indent: 2,
    indentSeq: true,
    lineWidth: 0,
    minContentWidth: 0,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    flowCollectionPadding: true,
    nullStr: 'null',
    trueStr: 'true',
    falseStr: 'false',
  });
  // The printer leaves indentation on blank lines between entries, and can print two blank lines
  // where a comment and a blank line meet; block scalars (whose trailing spaces and blank lines
  // are content) are put back only after this.
  const tidy = printed.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n');
  const formatted = `${restoreBlockScalars(tidy, blocks).replace(/^\n+/, '').trimEnd()}\n`;
  assertNothingLost(text, formatted, file);
  return { value: formatted, diagnostics: [] };
}

/**
 * Reordering keys can put an alias (`*defaults`) before its anchor (`&defaults`), which YAML does
 * not allow. The node is the same either way, so the first place it now appears takes the node
 * (with its anchor) and the other place becomes the alias.
 */
function anchorsBeforeAliases(doc: Document): void {
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_key, node) {
      const anchor = (node as { anchor?: string }).anchor;
      if (typeof anchor === 'string' && !anchors.has(anchor)) anchors.set(anchor, node);
    },
  });
  if (anchors.size === 0) return;
  const anchored = new Set<string>();
  const moved = new Map<Node, { alias: Alias; sightings: number }>();
  visit(doc, {
    Alias(_key, alias) {
      if (anchored.has(alias.source)) return undefined;
      const target = anchors.get(alias.source);
      if (target === undefined) return undefined;
      anchored.add(alias.source);
      moved.set(target, { alias, sightings: 0 });
      return target;
    },
    Node(_key, node) {
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor === undefined || anchor === null) return undefined;
      const entry = moved.get(node);
      if (entry === undefined) {
        anchored.add(anchor);
        return undefined;
      }
      // The first sighting is the node in its new (earlier) place; the second is its old place,
      // which becomes the alias.
      entry.sightings++;
      return entry.sightings === 1 ? undefined : entry.alias;
    },
  });
}

/**
 * A comment above the first key of a mapping inside a sequence would print after the `- `, and
 * read back as a comment above the item: it is put there now, so formatting twice is stable.
 */
function hoistItemComments(doc: Document): void {
  visit(doc, {
    Seq(_key, seq) {
      for (const item of seq.items) {
        const first = isMap(item) ? (item.items[0]?.key as { commentBefore?: string | null; spaceBefore?: boolean } | undefined) : undefined;
        if (first === undefined || !isMap(item)) continue;
        if (first.commentBefore) item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${first.commentBefore}` : first.commentBefore;
        if (first.spaceBefore) item.spaceBefore = true;
        first.commentBefore = undefined;
        first.spaceBefore = false;
      }
    },
  });
}

/** Forgets how each scalar was written, so the printer writes it the canonical way. */
function canonicalScalars(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return;
      delete node.type;
      delete node.format;
      delete node.minFractionDigits;
      delete (node as { source?: string }).source;
    },
  });
}

/**
 * A formatter that changed a value or dropped a comment would be a bug: its output is refused
 * (with an error, not a diagnostic: the user did nothing wrong) rather than written.
 */
function assertNothingLost(before: string, after: string, file: string): void {
  const reparsed = parseDocument(after, { uniqueKeys: false });
  const same = reparsed.errors.length === 0 && meaning(parseDocument(before, { uniqueKeys: false })) === meaning(reparsed);
  if (!same) throw new Error(`formatting ${file} would change its meaning; the file is left as it is (a bug in vitals fmt)`);
  if (comments(before).join('\n') !== comments(after).join('\n')) throw new Error(`formatting ${file} would lose a comment; the file is left as it is (a bug in vitals fmt)`);
}

function meaning(doc: Document): string {
  return JSON.stringify(doc.toJS({ maxAliasCount: -1 }), sortedKeys);
}

/** Every comment of a YAML text (as the lexer sees them: not `#` inside strings or block scalars), sorted. */
export function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).map((token) => token.trimEnd()).sort();
}

/** Compares mappings regardless of key order (the formatter reorders keys; the meaning is the same). */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

