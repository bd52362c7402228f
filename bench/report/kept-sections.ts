/**
 * RESULTS.md is written whole by `npm run bench`, but other benches own sections of it (the
 * playground's, between `<!-- begin:NAME -->` and `<!-- end:NAME -->`). Those are carried over
 * from the file as it was, so each bench rewrites only its own numbers.
 */
export function withKeptSections(previous: string, next: string): string {
  const kept = [...previous.matchAll(/<!-- begin:([a-z-]+) -->[\s\S]*?<!-- end:\1 -->\n?/g)].map((m) => m[0]);
  return kept.length === 0 ? next : `${next.trimEnd()}\n\n${kept.join('\n')}`;
}

/** Replaces (or appends) the section NAME of a results file. */
export function replaceSection(previous: string, name: string, body: string): string {
  const section = `<!-- begin:${name} -->\n${body.trimEnd()}\n<!-- end:${name} -->\n`;
  const pattern = new RegExp(`<!-- begin:${name} -->[\\s\\S]*?<!-- end:${name} -->\\n?`);
  return pattern.test(previous) ? previous.replace(pattern, section) : `${previous.trimEnd()}\n\n${section}`;
}
