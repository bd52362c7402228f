import type { Position, Span } from './span.js';

/** Offsets at which each line of a text starts; the one structure every offset→line lookup uses. */
export type LineIndex = readonly number[];

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return starts;
}

export function positionAt(lines: LineIndex, offset: number): Position {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lines[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return { offset, line: low + 1, column: offset - (lines[low] as number) + 1 };
}

export function spanOf(file: string, lines: LineIndex, start: number, end: number): Span {
  return { file, start: positionAt(lines, start), end: positionAt(lines, Math.max(start, end)) };
}
