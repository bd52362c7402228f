/** A piece of output written as is (punctuation, a key), or a value still to be written. */
type Task = { readonly raw: string } | { readonly value: unknown };

/**
 * JSON with object keys sorted, so equal data always gives equal text (and equal hashes). Written
 * with an explicit stack into one list of parts: an expression tree is as deep as its longest
 * operator chain, and joining at every level would copy each subtree once per level above it.
 */
export function canonicalJson(root: unknown): string {
  const parts: string[] = [];
  const tasks: Task[] = [{ value: root }];
  for (let task = tasks.pop(); task !== undefined; task = tasks.pop()) {
    if ('raw' in task) parts.push(task.raw);
    else writeValue(task.value, parts, tasks);
  }
  return parts.join('');
}

function writeValue(value: unknown, parts: string[], tasks: Task[]): void {
  if (value === null || typeof value !== 'object') {
    parts.push(JSON.stringify(value) ?? 'null');
    return;
  }
  const array = Array.isArray(value);
  const record = value as Record<string, unknown>;
  const keys = array ? undefined : Object.keys(record).sort().filter((key) => record[key] !== undefined);
  const items: readonly unknown[] = array ? value : (keys as string[]).map((key) => record[key]);
  parts.push(array ? '[' : '{');
  // Tasks run last-pushed first: the closing bracket goes in before the items, the items in reverse.
  tasks.push({ raw: array ? ']' : '}' });
  for (let i = items.length - 1; i >= 0; i--) {
    tasks.push({ value: items[i] });
    const separator = i > 0 ? ',' : '';
    tasks.push({ raw: keys === undefined ? separator : `${separator}${JSON.stringify(keys[i])}:` });
  }
}
