/** A place in a source file. Lines and columns are 1-based (like Monaco markers); columns count UTF-16 code units. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A range in a source file: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

/** A range of offsets inside one string (an expression, a line of data). */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}
