/**
 * The longest cell (CSV) or row (NDJSON, a JSON array element) a reader keeps, in characters:
 * 1 MiB. A longer one is a bad row (`cell-too-long`), read past without being held, so a stray
 * quote or a runaway field costs one row, not the memory or the time of the whole file.
 */
export const MAX_CELL_LENGTH = 1024 * 1024;
