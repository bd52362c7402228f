import type { Mover } from './impact.js';

/**
 * The `limit` largest score changes (either way) of a stream, kept in a small sorted array: the
 * stream can be millions of accounts, the list is ten. Ties keep the account seen first.
 */
export class MoverCollector {
  private readonly kept: Mover[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a change this large would be kept: lets the caller skip building a `Mover` for most accounts. */
  wants(change: number): boolean {
    if (this.limit === 0 || change === 0) return false;
    return this.kept.length < this.limit || Math.abs(change) > Math.abs((this.kept[this.kept.length - 1] as Mover).change);
  }

  add(mover: Mover): void {
    if (!this.wants(mover.change)) return;
    const size = Math.abs(mover.change);
    let at = this.kept.findIndex((m) => Math.abs(m.change) < size);
    if (at < 0) at = this.kept.length;
    this.kept.splice(at, 0, mover);
    if (this.kept.length > this.limit) this.kept.pop();
  }

  value(): Mover[] {
    return [...this.kept];
  }
}
