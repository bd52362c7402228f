import { valueAt, type SourceDocument } from '../load/source-document.js';
import { createLineIndex, spanOf, type LineIndex } from './line-index.js';
import { scalarSourceMap, type ScalarSourceMap } from './scalar-source-map.js';
import type { OffsetRange, Span } from './span.js';

/**
 * The one place that turns "where in the model" into "where in the file": JSON pointers (ours and
 * ajv's `instancePath`) to the YAML node's range, and offsets inside an expression string to the
 * file's line and column, whatever the scalar's quoting style.
 */
export interface Locator {
  readonly file: string;
  /** The node's value; the nearest located ancestor when the node itself is absent. */
  value(pointer: string): Span;
  /** The key of a mapping entry (the value when there is no key; the first line for the root). */
  key(pointer: string): Span;
  /** A range of offsets inside the string value at `pointer`. */
  inScalar(pointer: string, range: OffsetRange): Span;
}

export function createLocator(doc: SourceDocument): Locator {
  const lines: LineIndex = createLineIndex(doc.text);
  const maps = new Map<string, ScalarSourceMap | undefined>();

  const nearest = (pointer: string) => {
    let at = pointer;
    for (;;) {
      const location = doc.locations[at];
      if (location !== undefined || at === '') return location;
      at = at.slice(0, at.lastIndexOf('/'));
    }
  };
  const value = (pointer: string): Span => {
    const location = nearest(pointer);
    return spanOf(doc.file, lines, location?.start ?? 0, location?.end ?? 0);
  };
  const key = (pointer: string): Span => {
    const location = doc.locations[pointer];
    if (pointer === '' && location !== undefined) return spanOf(doc.file, lines, location.start, firstLineEnd(doc.text, location));
    if (location?.keyStart === undefined || location.keyEnd === undefined) return value(pointer);
    return spanOf(doc.file, lines, location.keyStart, location.keyEnd);
  };
  const sourceMap = (pointer: string): ScalarSourceMap | undefined => {
    if (!maps.has(pointer)) {
      const location = doc.locations[pointer];
      const text = valueAt(doc.root, pointer);
      const map =
        location?.style === undefined || typeof text !== 'string'
          ? undefined
          : scalarSourceMap(doc.text, location.style, location.start, location.end, text, location.blockIndent);
      maps.set(pointer, map);
    }
    return maps.get(pointer);
  };
  const inScalar = (pointer: string, range: OffsetRange): Span => {
    const map = sourceMap(pointer);
    const length = map?.starts.length ?? 0;
    if (map === undefined || length === 0 || !Number.isFinite(range.start)) return value(pointer);
    const from = Math.min(Math.max(range.start, 0), length);
    const to = Number.isFinite(range.end) ? Math.min(Math.max(range.end, from), length) : length;
    // An empty range at the end of the text ("found the end of the expression") sits after its last character.
    const start = from < length ? (map.starts[from] as number) : (map.ends[length - 1] as number);
    const end = to > from ? (map.ends[to - 1] as number) : start;
    return spanOf(doc.file, lines, start, Math.max(start, end));
  };
  return { file: doc.file, value, key, inScalar };
}

/** The root has no key: its first line stands for it (rather than the whole file). */
function firstLineEnd(text: string, location: { start: number; end: number }): number {
  const newline = text.indexOf('\n', location.start);
  return newline < 0 ? location.end : Math.min(newline, location.end);
}
