/**
 * Unique column names for one query. Model keys make readable names (`seat_utilisation_score`),
 * but two kinds of entry may share a key, and a long key may pass an engine's identifier limit
 * (PostgreSQL keeps 63 bytes): a name that is taken or too long gets a short numbered variant.
 */
export class ColumnNames {
  private readonly taken = new Set<string>();

  constructor(private readonly maxBytes: number) {}

  claim(preferred: string): string {
    const fits = (name: string) => new TextEncoder().encode(name).length <= this.maxBytes;
    if (!this.taken.has(preferred) && fits(preferred)) return this.take(preferred);
    const stem = shorten(preferred, Math.min(this.maxBytes, 63) - 8);
    for (let n = 2; ; n++) {
      const candidate = `${stem}_${n}`;
      if (!this.taken.has(candidate) && fits(candidate)) return this.take(candidate);
    }
  }

  private take(name: string): string {
    this.taken.add(name);
    return name;
  }
}

function shorten(text: string, maxBytes: number): string {
  let out = '';
  for (const char of text) {
    if (new TextEncoder().encode(out + char).length > maxBytes) break;
    out += char;
  }
  return out;
}
