/**
 * Text from a model or a data file (titles, account ids, formulas) on its way to a terminal, a
 * log or a pull-request comment: control characters are written as escapes, so a value cannot
 * move the cursor, clear the screen or hide a line. The impact renderers pass every such value
 * through here (the output-safety work will make one helper for every renderer).
 */
export function displayText(text: string): string {
  return text.replace(/\r?\n|\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
