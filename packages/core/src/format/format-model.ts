import { Lexer, isCollection, isMap, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import { planModel } from '../api/plan-model.js';
import { canonicalJson } from '../compile/canonical-json.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/source-document.js';
import { yamlToDocument } from '../load/yaml-to-document.js';
import { protectBlockScalars, restoreBlockScalars } from './block-scalars.js';
import { keepCommentColumns } from './comment-columns.js';
import { unpadFlowLists } from './flow-padding.js';
import { MODEL_LAYOUT, orderKeys, TEST_FILE_LAYOUT, type Layout } from './key-order.js';
import { canonicalStrings, protectRawScalars, restoreRawScalars } from './raw-scalars.js';

export interface FormatResult {
  /** The file in the canonical layout; undefined when it is not YAML the loader accepts (see diagnostics). */
  readonly value: string | undefined;
  /** Only what stops formatting (YAML syntax, encoding, the loader's limits); a model's other mistakes are `check`'s business. */
  readonly diagnostics: Diagnostic[];
}

/**
 * The canonical layout of a model file, so a pull request's diff shows only real changes:
 * keys in the order the schema lists them, two-space indentation with indented sequences, strings
 * plain where YAML allows and double-quoted otherwise, lists `[a, b]` and mappings `{ a: 1 }`, no
 * line folding. Kept as written: numbers, booleans and nulls, every comment (in its column, when
 * it follows a value), blank lines, block scalars (`|`, `>`) and each collection's flow or block
 * style. Formatting is idempotent, and never changes what the file means nor its content hash
 * (both checked on every call).
 */
export function formatModel(source: string | Uint8Array, file = 'model.yaml'): FormatResult {
  return formatYaml(source, file, MODEL_LAYOUT, true);
}

/** The same layout for a model test file (`*.test.yaml`): its own key order (`model`, `as_of`, `tolerance`, `cases`; in a case `name`, `record`, `snapshots`, `expect`). */
export function formatModelTests(source: string | Uint8Array, file = 'model.test.yaml'): FormatResult {
  return formatYaml(source, file, TEST_FILE_LAYOUT, false);
}

/**
 * The printer does not always place a comment between a block list's last item and the next key
 * where it reads it back from (two such comments, one at each indentation, move on a second
 * pass), so the layout is applied again until it no longer changes; the fixed point is then
 * checked against the file as written (meaning, every comment, the content hash). One extra pass
 * is the usual cost.
 */
const MAX_PASSES = 4;

function formatYaml(source: string | Uint8Array, file: string, layout: Layout, isModel: boolean): FormatResult {
  const first = formatPass(source, file, layout);
  if (first.value === undefined) return first;
  let value = first.value;
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const again = formatPass(value, file, layout);
    if (again.value === undefined || again.value === value) break;
    value = again.value;
  }
  // Checked once, the output against the file as written (meaning, comments and hash compare transitively).
  assertNothingLost(first.loaded, value, isModel);
  return { value, diagnostics: [] };
}

function formatPass(source: string | Uint8Array, file: string, layout: Layout): { value: undefined; diagnostics: Diagnostic[] } | { value: string; loaded: SourceDocument } {
  // The loader's guards (size, nesting, alias expansion, encoding) hold for fmt exactly as for check.
  const loaded = yamlToDocument(source, file);
  if (loaded.value === undefined) return { value: undefined, diagnostics: loaded.diagnostics };
  if (hasErrors(loaded.diagnostics)) return { value: undefined, diagnostics: loaded.diagnostics.filter((d) => d.severity === 'error') };
  const text = loaded.value.text;
  const doc = parseDocument(text, { uniqueKeys: false, strict: true, schema: 'core' });
  const blocks = protectBlockScalars(doc, text);
  const raw = protectRawScalars(doc, text);
  keepKeyLineComments(doc, text);
  orderKeys(doc.contents, layout);
  anchorsBeforeAliases(doc);
  hoistItemComments(doc);
  canonicalStrings(doc);
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
  const tidy = restoreRawScalars(printed, raw).replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n');
  const laidOut = unpadFlowLists(`${restoreBlockScalars(tidy, blocks).replace(/^\n+/, '').trimEnd()}\n`);
  const formatted = keepCommentColumns(text, laidOut);
  return { value: formatted, loaded: loaded.value };
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
 * `bands:   # worst first` — a comment on the line of a key whose value is a block below it. The
 * parser files it before the value, where the printer would put it on a line of its own; it is
 * moved to the key, which prints it on the key's line again.
 */
function keepKeyLineComments(doc: Document, text: string): void {
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!isCollection(value) || value.flow === true || !value.commentBefore || key?.range === undefined || key.range === null) return;
      const hash = text.indexOf('#', key.range[1]);
      if (hash < 0 || text.slice(key.range[1], hash).includes('\n')) return;
      const [first, ...rest] = value.commentBefore.split('\n');
      (key as { comment?: string }).comment = first;
      value.commentBefore = rest.length > 0 ? rest.join('\n') : undefined;
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

/**
 * A formatter that changed a value, the content hash or a comment would be a bug: its output is
 * refused (with an error, not a diagnostic: the author did nothing wrong) rather than written.
 * The data is compared as vitals reads it (a key `1.0` is the name `1.0`, not the number 1).
 */
function assertNothingLost(before: SourceDocument, after: string, isModel: boolean): void {
  const file = before.file;
  const reloaded = yamlToDocument(after, file);
  const same = reloaded.value !== undefined && !hasErrors(reloaded.diagnostics) && canonicalJson(reloaded.value.root) === canonicalJson(before.root);
  if (!same) throw new Error(`formatting ${file} would change what it says; the file is left as it is (a bug in vitals fmt)`);
  if (comments(before.text).join('\n') !== comments(after).join('\n')) throw new Error(`formatting ${file} would lose a comment; the file is left as it is (a bug in vitals fmt)`);
  if (!isModel) return;
  const hash = planModel(before.text, file).plan?.hash;
  if (hash !== undefined && planModel(after, file).plan?.hash !== hash) {
    throw new Error(`formatting ${file} would change its content hash; the file is left as it is (a bug in vitals fmt)`);
  }
}

/** Every comment of a YAML text (as the lexer sees them: not `#` inside strings or block scalars), sorted. */
export function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).map((token) => token.trimEnd()).sort();
}
