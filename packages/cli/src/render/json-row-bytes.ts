import { madeBytes, type ByteChunk, type MadeBytes } from '../io/byte-chunk.js';
import { writeJson, writeNull } from './json-bytes.js';
import { jsonRow, type ScoreColumn } from './score-columns.js';
import type { RowOrigin, RowResult } from './score-row.js';

/** Writes one row's JSON object into a chunk of output bytes. */
export type JsonRowInto = (result: RowResult, data: RowOrigin, out: ByteChunk) => void;

/**
 * `JSON.stringify(jsonRow(columns, result, data))` straight into bytes: the same text, with no
 * row object, no string per row and no encoding of one. The nesting is worked out once from the
 * column paths, in the order `jsonRow` creates the keys (a key sits where its first column put
 * it), and compiled to a list of steps: the text between two values (`,"band":` or
 * `},"metrics":{"seat_utilisation":{"value":`) made into bytes once, each column's value, and a
 * group its result may lack (`change`, `pulse`, `override`), written as null and skipped then.
 */
export function jsonRowInto(columns: readonly ScoreColumn[]): JsonRowInto {
  const steps = compile(layout(columns));
  const count = steps.length;
  return (result, data, out) => {
    const start = out.length;
    for (let i = 0; i < count; i++) {
      const step = steps[i] as Step;
      if (step.bytes !== null) {
        out.append(step.bytes);
      } else if (step.get !== null) {
        const value = step.get(result, data) as unknown;
        // JSON.stringify leaves a key whose value is undefined out, and the steps cannot: the row is written the general way.
        if (value === undefined) return general(columns, result, data, out, start);
        writeJson(out, value);
      } else if (!(step.present as Present)(result)) {
        writeNull(out);
        i = step.end - 1;
      }
    }
  };
}

function general(columns: readonly ScoreColumn[], result: RowResult, data: RowOrigin, out: ByteChunk, start: number): void {
  out.length = start;
  out.text(JSON.stringify(jsonRow(columns, result, data)));
}

type Present = (result: RowResult) => boolean;

/** One step of a row: constant bytes, a column's value, or a group that is null when not `present` (then the row goes on at `end`). One shape for all, so the loop over them stays monomorphic. */
interface Step {
  readonly bytes: MadeBytes | null;
  readonly get: ScoreColumn['json'] | null;
  readonly present: Present | null;
  end: number;
}

/** A key of the row and what sits under it: a column's value, or an object of further keys. */
interface Member {
  readonly name: string;
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
  return { name, get: undefined, members: [], group: null };
}

function compile(root: Member): Step[] {
  const steps: Step[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') steps.push({ bytes: madeBytes(text), get: null, present: null, end: 0 });
    text = '';
  };
  const object = (members: readonly Member[]) => {
    text += '{';
    members.forEach((m, i) => {
      text += `${i > 0 ? ',' : ''}${JSON.stringify(m.name)}:`;
      if (m.get !== undefined) {
        flush();
        steps.push({ bytes: null, get: m.get, present: null, end: 0 });
      } else if (m.group !== null) {
        flush();
        const group: Step = { bytes: null, get: null, present: m.group.present, end: 0 };
        steps.push(group);
        object(m.members);
        flush();
        group.end = steps.length;
      } else {
        object(m.members);
      }
    });
    text += '}';
  };
  object(root.members);
  flush();
  return steps;
}
