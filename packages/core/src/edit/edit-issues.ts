/**
 * Problems with an edit itself (`--set PATH=VALUE`, a sweep, a slider): a path that leads nowhere,
 * a value that is not YAML. They are about the edit, not a place in the model file, so they carry
 * the path instead of a line and column. A value that makes the *model* invalid is reported by
 * the model's own diagnostics, in the edited text.
 */
export interface EditIssueParams {
  'edit-syntax': { text: string };
  'edit-bad-value': { detail: string };
  'edit-unknown-entry': { at: string; kind: string; name: string; allowed: readonly string[]; suggestion?: string };
  'edit-not-a-collection': { at: string; found: string; next: string };
  'edit-ambiguous': { at: string; name: string; count: number };
  'edit-unreadable-model': { detail: string };
  'edit-not-a-number': { path: string; found: string };
  // `--target`: the band shares a threshold search aims at
  'target-syntax': { text: string };
  'target-unknown-band': { name: string; allowed: readonly string[]; suggestion?: string };
  'target-missing-band': { missing: readonly string[] };
  'target-sum': { sum: number };
}

export type EditIssueCode = keyof EditIssueParams;

export interface EditIssue {
  readonly code: EditIssueCode;
  /** The edit as given (`categories.product.weight=60`). */
  readonly edit: string;
  readonly message: string;
  readonly hint?: string;
}

const list = (items: readonly string[]): string => items.slice(0, 12).map((i) => `\`${i}\``).join(', ') + (items.length > 12 ? ', …' : '');

const TEXT: { readonly [C in EditIssueCode]: { message: (p: EditIssueParams[C]) => string; hint: (p: EditIssueParams[C]) => string | undefined } } = {
  'edit-syntax': {
    message: (p) => `\`${p.text}\` is not PATH=VALUE`,
    hint: () => 'write the path as the model file nests it, then `=` and the value: `categories.product.weight=60`, `metrics.seat_utilisation.bands.red=35`',
  },
  'edit-bad-value': {
    message: (p) => `the value is not a YAML value: ${p.detail}`,
    hint: () => 'quote text that holds YAML punctuation: `title="Health: B2B"`',
  },
  'edit-unknown-entry': {
    message: (p) => (p.at === '' ? `the model has no \`${p.name}\`` : `${p.kind === 'field' ? `\`${p.at}\` has no field` : `the model has no ${p.kind}`} \`${p.name}\``),
    hint: (p) => (p.suggestion !== undefined ? `did you mean \`${p.suggestion}\`?` : p.allowed.length > 0 ? `expected one of ${list(p.allowed)}` : undefined),
  },
  'edit-not-a-collection': {
    message: (p) => `\`${p.at}\` is ${p.found}, so it has no \`${p.next}\``,
    hint: (p) => `set \`${p.at}\` itself, e.g. \`${p.at}={ … }\``,
  },
  'edit-ambiguous': {
    message: (p) => `\`${p.at}.${p.name}\` matches ${p.count} entries`,
    hint: () => 'name the entry fully (`benchmarks.adopt.high_touch`), or by its position (`benchmarks.2.score`)',
  },
  'edit-unreadable-model': {
    message: (p) => `the model is not readable YAML, so it cannot be edited: ${p.detail}`,
    hint: () => 'run `vitals check` on the model first',
  },
  'edit-not-a-number': {
    message: (p) => `\`${p.found}\` is not a number, and a sweep of \`${p.path}\` needs FROM:TO:STEP in numbers`,
    hint: () => 'write the sweep as PATH=FROM:TO:STEP, e.g. `categories.product.weight=10:90:10`',
  },
  'target-syntax': {
    message: (p) => `\`${p.text}\` is not a set of band shares`,
    hint: () => 'write `even`, or a share in percent for every band: `red=25,amber=40,green=35`',
  },
  'target-unknown-band': {
    message: (p) => `the model has no band \`${p.name}\``,
    hint: (p) => (p.suggestion !== undefined ? `did you mean \`${p.suggestion}\`?` : `expected one of ${list(p.allowed)}`),
  },
  'target-missing-band': {
    message: (p) => `no share for ${list(p.missing)}`,
    hint: () => 'give every band a share; they add up to 100',
  },
  'target-sum': {
    message: (p) => `the shares add up to ${p.sum}, not 100`,
    hint: () => 'shares are percentages of the scored accounts: `red=25,amber=40,green=35`',
  },
};

/** The one constructor of edit issues. */
export function editIssue<C extends EditIssueCode>(code: C, params: EditIssueParams[C], edit: string): EditIssue {
  const hint = TEXT[code].hint(params);
  return { code, edit, message: TEXT[code].message(params), ...(hint === undefined ? {} : { hint }) };
}
