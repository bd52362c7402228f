import type { ByteChunk } from '../io/byte-chunk.js';
import { writeJson } from './json-bytes.js';
import type { ScoreColumn } from './score-columns.js';
import type { RowOrigin, RowResult } from './score-row.js';

/** Writes one row's JSON object into a chunk of output bytes. */
export type JsonRowInto = (result: RowResult, data: RowOrigin, out: ByteChunk) => void;

/**
 * `JSON.stringify(jsonRow(columns, result, data))` straight into bytes: the same text, with no
 * row object, no string per row and no encoding of one. The nesting is worked out once from the
 * column paths, in the order `jsonRow` creates the keys (a key sits where its first column put
 * it); a row then walks it, writing each column's value where it belongs, and a group its result
 * lacks (`change`, `pulse`, `override`) as null.
 */
export function jsonRowInto(columns: readonly ScoreColumn[]): JsonRowInto {
  const root = layout(columns);
  return (result, data, out) => writeMembers(out, root.members, result, data);
}

/** A key of the row and what sits under it: a column's value, or an object of further keys. */
interface Member {
  readonly name: string;
  /** `"name":`, as bytes. */
  readonly key: Uint8Array;
  /** The column whose value this is (the last one placed here, as in `jsonRow`); undefined for an object. */
  get: ScoreColumn['json'] | undefined;
  readonly members: Member[];
  /** The group this object is, when the result may lack it. */
  group: ScoreColumn['group'];
}

function layout(columns: readonly ScoreColumn[]): Member {
  const root = member('');
  for (const column of columns) {
    memberAt(root, column.path).get = column.json;
    if (column.group !== null) memberAt(root, column.group.path).group = column.group;
  }
  return root;
}

/** The member at a path, made (after its siblings) where there is none yet. */
function memberAt(root: Member, path: readonly string[]): Member {
  let at = root;
  for (const name of path) {
    let next = at.members.find((m) => m.name === name);
    if (next === undefined) at.members.push((next = member(name)));
    at = next;
  }
  return at;
}

function member(name: string): Member {
  return { name, key: Buffer.from(`${JSON.stringify(name)}:`, 'utf8'), get: undefined, members: [], group: null };
}

function writeMembers(out: ByteChunk, members: readonly Member[], result: RowResult, data: RowOrigin): void {
  out.byte(123);
  let first = true;
  for (let i = 0; i < members.length; i++) {
    const m = members[i] as Member;
    if (m.get === undefined) {
      first = separate(out, first);
      out.append(m.key);
      if (m.group !== null && !m.group.present(result)) out.ascii('null');
      else writeMembers(out, m.members, result, data);
      continue;
    }
    const value = m.get(result, data) as unknown;
    // JSON.stringify leaves a key whose value is undefined out.
    if (value === undefined) continue;
    first = separate(out, first);
    out.append(m.key);
    writeJson(out, value);
  }
  out.byte(125);
}

function separate(out: ByteChunk, first: boolean): false {
  if (!first) out.byte(44);
  return false;
}
