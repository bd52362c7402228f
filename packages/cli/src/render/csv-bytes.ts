import { asciiSet, type ByteChunk } from '../io/byte-chunk.js';
import { csvField, startsFormula, type CsvValue } from './csv-field.js';
import { writeNumber } from './number-bytes.js';

/**
 * `csvField`, written straight into a chunk of output bytes: the same bytes, without a string per
 * field. Returns whether the field was neutralised as a formula (the writer counts them).
 */
export function writeCsvField(out: ByteChunk, value: CsvValue, raw: boolean): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number') writeNumber(out, value);
  else if (typeof value === 'string') return writeText(out, value, raw);
  else out.ascii(String(value));
  return false;
}

/**
 * Plain ASCII text without a quote, comma or line break is copied byte by byte (an id, a band);
 * anything else (quoting, a formula, non-ASCII text) goes through `csvField` and is encoded whole.
 */
function writeText(out: ByteChunk, text: string, raw: boolean): boolean {
  const formula = !raw && startsFormula(text);
  if (!formula && out.plain(text, CSV_PLAIN)) return false;
  out.text(csvField(text, raw));
  return formula;
}

/** What a CSV field holds unquoted: ASCII but for a quote, a comma, a CR or a LF. */
const CSV_PLAIN = asciiSet((code) => code === 34 || code === 44 || code === 13 || code === 10);
