import { parseDocument } from 'yaml';
import { editIssue, type EditIssue } from './edit-issues.js';
import type { EditValue, ModelEdit } from './edit-model.js';

/** `PATH=VALUE`: a path of names and positions separated by dots (names as the model writes them). */
const EDIT = /^([^.=\s]+(?:\.[^.=\s]+)*)=(.*)$/s;

/**
 * `categories.product.weight=60` → `{ path, value: 60 }`. The value is read as YAML (core
 * schema): `60` is a number, `geometric` text, `{ linear: { from: 0.2, to: 0.9 } }` a mapping.
 */
export function parseEdit(text: string): { value: ModelEdit | undefined; issues: EditIssue[] } {
  const match = EDIT.exec(text.trim());
  if (match === null || (match[2] as string).trim() === '') return { value: undefined, issues: [editIssue('edit-syntax', { text }, text)] };
  const doc = parseDocument(match[2] as string, { schema: 'core' });
  if (doc.errors.length > 0) return { value: undefined, issues: [editIssue('edit-bad-value', { detail: firstLine(doc.errors[0]?.message) }, text)] };
  return { value: { path: match[1] as string, value: doc.toJSON() as EditValue }, issues: [] };
}

/** The YAML parser's message without its position, which is in the value, not in a file. */
function firstLine(message: string | undefined): string {
  return ((message ?? '').split('\n')[0] as string).replace(/ at line \d+, column \d+:?$/, '');
}
