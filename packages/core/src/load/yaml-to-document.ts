import { Composer, Document, isAlias, isMap, isScalar, isSeq, YAMLParseError, type CST, type Node, type ParsedNode } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode, DiagnosticParams } from '../diagnostics/codes.js';
import { createLineIndex, spanOf } from '../position/line-index.js';
import type { ScalarStyle } from '../position/scalar-source-map.js';
import { decodeText } from './decode-text.js';
import { MAX_ALIAS_EXPANSION, MAX_YAML_DEPTH } from '../limits.js';
import { parseWithinDepth } from './nesting-depth.js';
import { yamlErrorToDiagnostic, type Report } from './yaml-error-to-diagnostic.js';
import { childPointer, type NodeLocation, type SourceDocument, type YamlValue } from './source-document.js';

const MAX_EXACT_NUMBER = 1e15;
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export interface LoadResult {
  readonly value: SourceDocument | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Load stage: bytes or text → the model as plain data with the location of every node. Never throws. */
export function yamlToDocument(source: string | Uint8Array, file: string): LoadResult {
  const decoded = decodeText(source, file);
  if (decoded.text === undefined) return { value: undefined, diagnostics: decoded.diagnostics };
  const text = decoded.text;
  const lines = createLineIndex(text);
  const report = (code: DiagnosticCode, params: object, start: number, end: number): Diagnostic =>
    diagnostic(code, params as DiagnosticParams[typeof code], spanOf(file, lines, start, end));

  const parsed = parseWithinDepth(text, MAX_YAML_DEPTH);
  if ('tooDeepAt' in parsed) return { value: undefined, diagnostics: [report('yaml-too-deep', { limit: MAX_YAML_DEPTH }, parsed.tooDeepAt, parsed.tooDeepAt + 1)] };
  const doc = composeDocument(parsed.tokens, text.length);
  const syntaxErrors = distinct(doc.errors.map((error) => yamlErrorToDiagnostic(error, doc, text, report)));
  if (syntaxErrors.length > 0) return { value: undefined, diagnostics: syntaxErrors };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { value: undefined, diagnostics: [report('file-empty', {}, 0, 0)] };
  }
  const walker = new DocumentWalker(doc, report);
  const root = walker.convert(doc.contents, '', 0);
  const value: SourceDocument = { file, text, root, locations: walker.locations, unreadable: walker.unreadable, dropped: walker.dropped };
  return { value, diagnostics: walker.diagnostics };
}

/** The one document of the file from its syntax tree (what yaml's `parseDocument` does, without parsing the text again). */
function composeDocument(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, strict: true, schema: 'core', keepSourceTokens: true });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (doc === undefined) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc as Document.Parsed;
}

/** yaml repeats an error once per enclosing level (hundreds of times for runaway brackets): say it once. */
function distinct(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}@${d.offset}-${d.endOffset}:${d.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/** Converts YAML nodes to plain data, recording locations and reporting what plain data can't hold. */
class DocumentWalker {
  readonly locations: Record<string, NodeLocation> = Object.create(null) as Record<string, NodeLocation>;
  readonly diagnostics: Diagnostic[] = [];
  readonly unreadable: string[] = [];
  readonly dropped: string[] = [];
  private aliasBudget = MAX_ALIAS_EXPANSION;
  private aliasLimitReported = false;
  private tooDeepReported = false;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly report: Report,
  ) {}

  /** `alias` is the range of the alias being expanded (the outermost one), if any. */
  convert(node: Node | null, pointer: string, depth: number, key?: Node, alias?: [number, number]): YamlValue {
    const [start, end] = rangeOf(node, key);
    this.locations[pointer] = { start, end, ...keyRange(key), ...(isScalar(node) ? styleOf(node) : {}) };
    if (node === null) return null;
    // The file itself was measured before parsing; only aliases can nest it deeper. Said once, at the alias.
    if (depth > MAX_YAML_DEPTH) {
      if (!this.tooDeepReported) this.diagnostics.push(this.report('yaml-too-deep', { limit: MAX_YAML_DEPTH }, ...(alias ?? [start, end])));
      this.tooDeepReported = true;
      return this.unread(pointer);
    }
    if (alias !== undefined && --this.aliasBudget < 0) return this.aliasLimit(pointer, alias);
    if (isAlias(node)) return this.convertAlias(node, pointer, depth, key, alias);
    this.checkTag(node, start, end);
    if (isMap(node)) return this.convertMap(node.items, pointer, depth, alias);
    if (isSeq(node)) return node.items.map((item, i) => this.convert(item as Node, childPointer(pointer, i), depth + 1, undefined, alias));
    if (isScalar(node)) return this.convertScalar(node.value, node.source, pointer, start, end);
    return null;
  }

  private unread(pointer: string): null {
    this.unreadable.push(pointer);
    return null;
  }

  private convertAlias(node: Node & { source: string }, pointer: string, depth: number, key?: Node, outer?: [number, number]): YamlValue {
    const target = (node as unknown as { resolve(doc: Document): Node | undefined }).resolve(this.doc);
    const [start, end] = rangeOf(node, key);
    if (target === undefined) {
      this.diagnostics.push(this.report('yaml-unknown-alias', { name: node.source }, start, end));
      return this.unread(pointer);
    }
    const value = this.convert(target, pointer, depth, undefined, outer ?? [start, end]);
    this.locations[pointer] = { start, end, ...keyRange(key) };
    return value;
  }

  /** Reported once, at the alias written in the document whose expansion ran out of budget. */
  private aliasLimit(pointer: string, [start, end]: [number, number]): null {
    if (!this.aliasLimitReported) this.diagnostics.push(this.report('yaml-alias-limit', { limit: MAX_ALIAS_EXPANSION }, start, end));
    this.aliasLimitReported = true;
    return this.unread(pointer);
  }

  private convertMap(items: readonly unknown[], pointer: string, depth: number, alias: [number, number] | undefined): YamlValue {
    const result = Object.create(null) as Record<string, YamlValue>;
    let readable = true;
    for (const item of items as { key: Node | null; value: Node | null }[]) {
      const name = this.keyName(item.key);
      if (name === undefined) {
        readable = false;
        continue;
      }
      const [keyStart, keyEnd] = rangeOf(item.key);
      if (Object.hasOwn(result, name)) {
        this.diagnostics.push(this.report('yaml-duplicate-key', { key: name }, keyStart, keyEnd));
        this.dropped.push(childPointer(pointer, name));
        continue;
      }
      result[name] = this.convert(item.value, childPointer(pointer, name), depth + 1, item.key ?? undefined, alias);
    }
    // Without the entry whose key is not a name, the rest would be judged as if it were complete
    // (`{ [basic, pro]: 50, enterprise: 100 }` would "give no score for basic").
    return readable ? result : this.unread(pointer);
  }

  private keyName(key: Node | null): string | undefined {
    if (isScalar(key) && (key.value === null || typeof key.value !== 'object')) {
      return typeof key.value === 'string' ? key.value : String(key.source ?? key.value);
    }
    const [start, end] = rangeOf(key);
    this.diagnostics.push(this.report('yaml-complex-key', {}, start, end));
    return undefined;
  }

  private convertScalar(value: unknown, source: string | undefined, pointer: string, start: number, end: number): YamlValue {
    if (typeof value === 'number' && (!Number.isFinite(value) || Math.abs(value) > MAX_EXACT_NUMBER)) {
      this.diagnostics.push(this.report('yaml-bad-number', { text: source ?? String(value) }, start, end));
      return this.unread(pointer);
    }
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    return String(value);
  }

  private checkTag(node: Node, start: number, end: number): void {
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      this.diagnostics.push(this.report('yaml-unsupported-tag', { tag: tag.replace('tag:yaml.org,2002:', '!!') }, start, end));
    }
  }
}

function rangeOf(node: Node | ParsedNode | null | undefined, key?: Node | null): [number, number] {
  const range = node?.range;
  if (range) return [range[0], range[1]];
  const keyEnd = key?.range?.[1] ?? 0;
  return [keyEnd, keyEnd];
}

function keyRange(key: Node | undefined): Partial<NodeLocation> {
  const range = key?.range;
  return range ? { keyStart: range[0], keyEnd: range[1] } : {};
}

function styleOf(node: Node): { style?: ScalarStyle; blockIndent?: number } {
  const type = (node as { type?: string }).type;
  const value = (node as { value?: unknown }).value;
  if (typeof value !== 'string' || type === undefined) return {};
  const token = (node as { srcToken?: { type: string; indent?: number } }).srcToken;
  return { style: type as ScalarStyle, ...(token?.type === 'block-scalar' && token.indent !== undefined ? { blockIndent: token.indent } : {}) };
}
