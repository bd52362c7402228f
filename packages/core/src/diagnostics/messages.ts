import type { DiagnosticCode, DiagnosticParams, Severity } from './codes.js';

interface DiagnosticText<C extends DiagnosticCode> {
  readonly severity: Severity;
  readonly message: (p: DiagnosticParams[C]) => string;
  readonly hint: (p: DiagnosticParams[C]) => string | undefined;
}

type DiagnosticTable = { readonly [C in DiagnosticCode]: DiagnosticText<C> };

const list = (items: readonly string[], limit = 8): string => {
  const shown = items.slice(0, limit).map((item) => `\`${item}\``);
  return items.length > limit ? `${shown.join(', ')}, …` : shown.join(', ');
};
const didYouMean = (suggestion: string | undefined): string | undefined =>
  suggestion === undefined ? undefined : `did you mean \`${suggestion}\`?`;
const didYouMeanOr = (suggestion: string | undefined, allowed: readonly string[]): string =>
  suggestion !== undefined ? `did you mean \`${suggestion}\`?` : allowed.length > 0 ? `expected one of ${list(allowed)}` : 'none are defined';

/** The YAML parser's wording is about grammar; these say what the author most likely has to change. */
const YAML_SYNTAX_HINTS: Readonly<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'a value containing `: ` must be quoted (`title: "Health: B2B"`); otherwise check this line\'s indentation',
  MULTILINE_IMPLICIT_KEY: 'a key and its `:` must be on one line; check this line\'s indentation against the lines around it',
  BAD_INDENT: 'indent this line like the other entries of the same mapping or list (and close any open `{` or `[`)',
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs there',
  MISSING_CHAR: 'close the quote or bracket opened here',
  BAD_SCALAR_START: 'quote the value: plain YAML text cannot start with `@` or a backtick',
  TEXT_AFTER_QUOTE: 'a value that starts with a quote ends at the closing quote; to start an expression with a string, quote the whole expression (`\'"a" == plan\'`)',
};

/** 12345 → "12,345" (without Intl, whose locale data costs a command's start-up tens of milliseconds). */
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Message and hint for every code: the one place where diagnostics get their wording. */
export const DIAGNOSTIC_TEXT: DiagnosticTable = {
  'file-not-utf8': {
    severity: 'error',
    message: (p) => `the file is not valid UTF-8 (first bad byte at offset ${p.offset})`,
    hint: () => 'save the model as UTF-8 text',
  },
  'file-empty': {
    severity: 'error',
    message: () => 'the model file is empty',
    hint: () => 'a model starts with `vitals: 1` and `model: <name>`; `vitals init` writes a starter model',
  },
  'file-too-large': {
    severity: 'error',
    message: (p) => `the model file is ${p.bytes} bytes; models are limited to ${p.limit} bytes`,
    hint: () => 'a health model is a few kilobytes; is this a data file passed as a model?',
  },
  'yaml-syntax': {
    severity: 'error',
    message: (p) => `YAML syntax error: ${p.detail}`,
    hint: (p) => YAML_SYNTAX_HINTS[p.reason ?? ''] ?? 'check indentation and quoting near this place',
  },
  'yaml-duplicate-key': {
    severity: 'error',
    message: (p) => `\`${p.key}\` is defined twice in the same mapping`,
    hint: () => 'YAML keeps only one of them; remove or rename the other',
  },
  'yaml-multiple-documents': {
    severity: 'error',
    message: () => 'the file holds more than one YAML document',
    hint: () => 'keep one model per file; remove the `---` separator',
  },
  'yaml-unknown-alias': {
    severity: 'error',
    message: (p) => `alias \`*${p.name}\` refers to no anchor`,
    hint: (p) => `define \`&${p.name}\` before using it`,
  },
  'yaml-alias-limit': {
    severity: 'error',
    message: (p) => `aliases expand to more than ${p.limit} nodes`,
    hint: () => 'nested aliases multiply; a health model never needs this many (is this file hostile?)',
  },
  'yaml-too-deep': {
    severity: 'error',
    message: (p) => `the document nests deeper than ${p.limit} levels`,
    hint: () => 'a health model is a few levels deep; check for runaway brackets or indentation',
  },
  'yaml-complex-key': {
    severity: 'error',
    message: () => 'mapping keys must be plain names',
    hint: () => 'use a name such as `seat_utilisation` as the key',
  },
  'yaml-unsupported-tag': {
    severity: 'error',
    message: (p) => `YAML tag \`${p.tag}\` is not supported`,
    hint: () => 'models use plain YAML values only; remove the tag',
  },
  'yaml-bad-number': {
    severity: 'error',
    message: (p) => `\`${p.text}\` is not a usable number`,
    hint: () => 'numbers in a model are finite and between -1e15 and 1e15, where every whole number is exact',
  },
  'not-a-mapping': {
    severity: 'error',
    message: () => 'a model must be a YAML mapping (`key: value` lines)',
    hint: () => 'start the file with `vitals: 1` and `model: <name>`',
  },
  'unsupported-version': {
    severity: 'error',
    message: (p) => `format version ${p.found} is not supported; this vitals reads version ${p.supported}`,
    hint: (p) => `write \`vitals: ${p.supported}\`, or upgrade vitals`,
  },
  'missing-field': {
    severity: 'error',
    message: (p) => `${p.parent} is missing the required field \`${p.field}\``,
    hint: (p) => `add \`${p.field}:\``,
  },
  'unknown-field': {
    severity: 'error',
    message: (p) => `unknown field \`${p.field}\``,
    hint: (p) => (p.suggestion !== undefined ? didYouMean(p.suggestion) : `allowed here: ${list(p.allowed, 12)}`),
  },
  'wrong-type': {
    severity: 'error',
    message: (p) => `${p.subject} must be ${p.expected}, found ${p.actual}`,
    hint: () => undefined,
  },
  'invalid-value': {
    severity: 'error',
    message: (p) => `\`${p.actual}\` is not allowed here`,
    hint: (p) => didYouMeanOr(p.suggestion, p.allowed),
  },
  'out-of-range': {
    severity: 'error',
    message: (p) => `${p.subject} must be ${p.relation} ${p.limit}, found ${p.actual}`,
    hint: () => undefined,
  },
  'invalid-name': {
    severity: 'error',
    message: (p) => `\`${p.name}\` is not a valid name`,
    hint: () => 'names are lower-case letters, digits and `_`, starting with a letter (e.g. `seat_utilisation`); put display text in `title`',
  },
  'invalid-format': {
    severity: 'error',
    message: (p) => `\`${p.actual}\` is not ${p.expected}`,
    hint: (p) => `for example \`${p.example}\``,
  },
  'schema-violation': {
    severity: 'error',
    message: (p) => p.detail,
    hint: () => undefined,
  },
  'reserved-name': {
    severity: 'error',
    message: (p) => `\`${p.name}\` is a reserved word and cannot be used as a name`,
    hint: () => 'choose another name; put display text in `title`',
  },
  'name-too-long': {
    severity: 'error',
    message: (p) => `the name \`${p.name.slice(0, 40)}…\` is ${count(p.length)} characters long; names are limited to ${count(p.limit)}`,
    hint: () => 'keys are short stable identifiers; put the long wording in `title`',
  },
  'text-too-long': {
    severity: 'error',
    message: (p) => `${p.subject} is ${count(p.length)} characters long; the limit is ${count(p.limit)}`,
    hint: () => 'keep long documentation outside the model (a wiki page, a playbook document) and refer to it',
  },
  'too-many-entries': {
    severity: 'error',
    message: (p) => `${p.subject} has ${count(p.count)} entries; the limit is ${count(p.limit)}`,
    hint: () => 'a model this large is usually generated by mistake; split it into several models, or merge entries that say the same',
  },
  'expr-empty': {
    severity: 'error',
    message: () => 'the expression is empty',
    hint: () => 'write a formula, e.g. `active_users / purchased_seats`',
  },
  'expr-syntax': {
    severity: 'error',
    message: (p) => p.detail,
    hint: () => 'see the expression language in the README',
  },
  'expr-unknown-character': {
    severity: 'error',
    message: (p) => `unexpected character \`${p.char}\``,
    hint: () => 'strings are quoted ("gold"); names are letters, digits and `_`',
  },
  'expr-foreign-operator': {
    severity: 'error',
    message: (p) => `\`${p.found}\` is not an operator here`,
    hint: (p) => `write \`${p.use}\``,
  },
  'expr-bad-number': {
    severity: 'error',
    message: (p) => `\`${p.text}\` is not a usable number`,
    hint: () => 'use a finite number below 1e15',
  },
  'expr-too-long': {
    severity: 'error',
    message: (p) => `the expression is ${count(p.length)} characters long; expressions are limited to ${count(p.limit)}`,
    hint: () => 'compute parts in metrics of their own (with `weight: 0`) and read them as `metrics.<name>.value`',
  },
  'expr-too-deep': {
    severity: 'error',
    message: (p) => `parentheses, lists, function calls and \`-\`/\`not\` nest more than ${p.limit} levels deep here`,
    hint: () => 'compute inner parts in metrics of their own (with `weight: 0`); a ladder of nested `if` is a `steps` or `map` score',
  },
  'expr-too-complex': {
    severity: 'error',
    message: (p) => `the expression is more than ${count(p.limit)} operators deep (each operator of a chain such as \`a + b + …\` adds one)`,
    hint: () => 'test one value against many with `x in [..]` rather than a chain of `or`; sum long lists in metrics of their own (with `weight: 0`)',
  },
  'unknown-name': {
    severity: 'error',
    message: (p) => `unknown name \`${p.name}\` in ${p.context}`,
    hint: (p) => didYouMean(p.suggestion) ?? 'declare it under `inputs`, or refer to a metric as `metrics.<name>.value`',
  },
  'unknown-member': {
    severity: 'error',
    message: (p) => `\`${p.of}\` has no \`${p.member}\``,
    hint: (p) => didYouMeanOr(p.suggestion, p.allowed),
  },
  'unknown-function': {
    severity: 'error',
    message: (p) => `unknown function \`${p.name}\``,
    hint: (p) => didYouMean(p.suggestion) ?? `the functions are ${list(p.allowed, 20)}`,
  },
  'wrong-argument-count': {
    severity: 'error',
    message: (p) => `\`${p.fn}\` takes ${p.expected} argument${p.expected === '1' ? '' : 's'}, found ${p.actual}`,
    hint: (p) => `write \`${p.usage}\``,
  },
  'operand-type': {
    severity: 'error',
    message: (p) => `\`${p.op}\` needs ${p.expected}, but \`${p.operand}\` is ${p.actual}`,
    hint: (p) => (p.actual.startsWith('enum') ? 'an enum can be compared (`==`, `in`) or scored with `map`, not used in arithmetic' : undefined),
  },
  'argument-type': {
    severity: 'error',
    message: (p) => `argument ${p.position} of \`${p.fn}\` must be ${p.expected}, found ${p.actual}`,
    hint: () => undefined,
  },
  'incompatible-operands': {
    severity: 'error',
    message: (p) => `cannot apply \`${p.op}\` to ${p.left} and ${p.right}`,
    hint: (p) =>
      p.left === 'duration' || p.right === 'duration' ? 'write durations with a unit, e.g. `30d` or `2w`' : undefined,
  },
  'unknown-enum-value': {
    severity: 'error',
    message: (p) => `\`"${p.value}"\` is not a value of ${p.type}`,
    hint: (p) => didYouMeanOr(p.suggestion, p.allowed),
  },
  'compare-with-null': {
    severity: 'error',
    message: (p) => `\`${p.op} null\` is never true: a comparison with null is unknown`,
    hint: () => 'write `is_null(x)` (or `not is_null(x)`)',
  },
  'in-list-null': {
    severity: 'error',
    message: (p) =>
      p.negated
        ? '`null` in a `not in` list can never match, and makes the answer unknown (never true) whenever nothing else matches'
        : '`null` in an `in` list can never match, and makes the answer unknown (never false) whenever nothing else matches',
    hint: (p) => (p.negated ? 'to refuse a missing value too, write `x not in [..] and not is_null(x)`' : 'to accept a missing value too, write `x in [..] or is_null(x)`'),
  },
  'not-ordered': {
    severity: 'error',
    message: (p) => `${p.type} has no order, so it cannot be compared with \`<\` or \`>\``,
    hint: () => 'compare with `==` or `in [..]`, or declare the enum with `ordered: true`',
  },
  'condition-not-boolean': {
    severity: 'error',
    message: (p) => `${p.where} must be true or false, found ${p.actual}`,
    hint: () => 'compare the value, e.g. `score < 40`',
  },
  'score-method-type': {
    severity: 'error',
    message: (p) => `\`${p.method}\` scores ${p.expected} values, but this metric's value is ${p.actual}`,
    hint: (p) =>
      p.method === 'map' ? 'use `linear` or `steps` for numbers' : 'use `map` to score an enum or a boolean',
  },
  'score-not-numeric': {
    severity: 'error',
    message: (p) => `a score expression must give a number, but this one gives ${p.actual}`,
    hint: () => 'compute a number on the scale, e.g. `100 - value * 10`; use `map` to score an enum',
  },
  'needs-snapshots': {
    severity: 'error',
    message: (p) => `\`${p.feature}\` needs account history, but the model names no id and as-of fields`,
    hint: () => 'add `data: { id: <account id field>, as_of: <snapshot date field> }`',
  },
  'unknown-category': {
    severity: 'error',
    message: (p) => `unknown category \`${p.name}\``,
    hint: (p) => didYouMean(p.suggestion) ?? 'declare it under `categories`',
  },
  'unknown-stage': {
    severity: 'error',
    message: (p) => `unknown stage \`${p.name}\``,
    hint: (p) => didYouMeanOr(p.suggestion, p.allowed),
  },
  'unknown-segment': {
    severity: 'error',
    message: (p) => `unknown segment \`${p.name}\``,
    hint: (p) => didYouMeanOr(p.suggestion, p.allowed),
  },
  'metric-cycle': {
    severity: 'error',
    message: (p) => `metrics refer to each other in a cycle: ${p.cycle.join(' → ')}`,
    hint: () => 'a metric can use another metric only if that one does not depend on it',
  },
  'weights-all-zero': {
    severity: 'error',
    message: (p) => `every weight in ${p.scope} is zero, so ${p.owner} can never have a score`,
    hint: () => 'give at least one a positive weight',
  },
  'duplicate-name': {
    severity: 'error',
    message: (p) => `${p.kind} \`${p.name}\` is defined twice`,
    hint: () => 'names must be unique; rename or remove one',
  },
  'thresholds-unordered': {
    severity: 'error',
    message: (p) => `${p.kind} \`${p.name}\` has below: ${p.value}, which is not above the ${p.kind} before it (below: ${p.previous})`,
    hint: (p) => `list ${p.kind}s from the lowest threshold to the highest`,
  },
  'thresholds-open-ended': {
    severity: 'error',
    message: (p) => `the last ${p.kind} \`${p.name}\` has a \`below\`, so values above it have no ${p.kind}`,
    hint: (p) => `remove \`below\` from the last ${p.kind}: it takes everything above the others`,
  },
  'threshold-missing': {
    severity: 'error',
    message: (p) => `${p.kind} \`${p.name}\` has no \`below\`, but it is not the last one`,
    hint: (p) => `only the last ${p.kind} may leave out \`below\``,
  },
  'map-not-exhaustive': {
    severity: 'error',
    message: (p) => `the map gives no score for ${list(p.missing)}`,
    hint: (p) => `give ${p.missing.length === 1 ? 'it' : 'each'} a score, or add \`default: <score>\``,
  },
  'map-unknown-key': {
    severity: 'error',
    message: (p) => `\`${p.key}\` is not a possible value of this metric`,
    hint: (p) => didYouMeanOr(p.suggestion, p.allowed),
  },
  'scale-empty': {
    severity: 'error',
    message: (p) => `the scale runs from ${p.min} to ${p.max}; min must be below max`,
    hint: () => 'the usual scale is `{ min: 1, max: 100 }`',
  },
  'scale-off-precision': {
    severity: 'error',
    message: (p) => `the scale's ${p.bound} ${p.value} has more decimals than scores (rounded to ${p.precision}): a score rounded to ${p.rounded} would lie off the scale`,
    hint: (p) => `make the ${p.bound} a multiple of ${10 ** -p.precision}, or raise \`precision\``,
  },
  'geometric-needs-positive-scale': {
    severity: 'error',
    message: (p) => `a geometric roll-up needs scores above 0, but the scale starts at ${p.min}`,
    hint: () => 'start the scale at 1, or use `weighted_mean`',
  },
  'undeclared-field': {
    severity: 'error',
    message: (p) => `the ${p.role} field \`${p.field}\` is not declared under \`inputs\``,
    hint: (p) => `declare it as ${p.expected}`,
  },
  'field-type-conflict': {
    severity: 'error',
    message: (p) => `input \`${p.field}\` is the ${p.role}, which must be ${p.expected}, but it is declared as ${p.actual}`,
    hint: () => 'change its type, or leave it out of `inputs`: it is declared for you',
  },
  'name-shadows-builtin': {
    severity: 'error',
    message: (p) => `input \`${p.name}\` has the name of a built-in value of the result`,
    hint: (p) => `rename the input (e.g. \`${p.name}_input\`); in playbooks \`${p.name}\` means the computed one`,
  },
  'threshold-outside-scale': {
    severity: 'warning',
    message: (p) =>
      `${p.kind} ${p.value} lies outside the scale ${p.min}–${p.max}, ` +
      (p.kind === 'threshold' || p.kind === 'benchmark' ? 'so no score can reach it' : 'which scores are kept within'),
    hint: () => 'move it inside the scale, or remove it',
  },
  'band-unreachable': {
    severity: 'warning',
    message: (p) => `band \`${p.band}\` can never be reached by ${p.subject}: its scores only range ${p.low}–${p.high}`,
    hint: (p) => (p.own ? 'move its `below`, or remove the band' : 'adjust the scoring, or give the metric its own `bands`'),
  },
  'threshold-finer-than-precision': {
    severity: 'warning',
    message: (p) => `threshold ${p.value} has more decimals than scores (rounded to ${p.precision})`,
    hint: () => 'a rounded score can never fall between the rounded steps; round the threshold',
  },
  'weight-zero': {
    severity: 'warning',
    message: (p) => `${p.kind} \`${p.name}\` has weight 0, so it never affects the score`,
    hint: () => 'give it a weight, or remove it',
  },
  'metric-unused': {
    severity: 'warning',
    message: (p) => `metric \`${p.name}\` has weight 0 and nothing uses it`,
    hint: () => 'give it a weight, refer to it from another metric or a playbook, or remove it',
  },
  'input-unused': {
    severity: 'warning',
    message: (p) => `input \`${p.name}\` is declared but nothing uses it`,
    hint: () => 'remove it, or use it in a metric',
  },
  'column-read-twice': {
    severity: 'warning',
    message: (p) => `inputs \`${p.other}\` and \`${p.input}\` both read column \`${p.column}\``,
    hint: () => 'give each input its own `column:`, or use one input in both places',
  },
  'column-name-clash': {
    severity: 'error',
    message: (p) => `metric \`${p.metric}\` and ${p.other} would both write the output column \`${p.column}\``,
    hint: () => 'rename one of them: a metric keyed like a category writes `<key>_metric_value`, `_score` and `_band`, so no other entry may take those names',
  },
  'category-empty': {
    severity: 'warning',
    message: (p) => `category \`${p.name}\` has no metrics, so it never has a score`,
    hint: () => 'add a metric with `category: ' + '<name>`, or remove the category',
  },
  'linear-empty-range': {
    severity: 'warning',
    message: (p) => `\`from\` and \`to\` are both ${p.at}, so the score jumps from min to max at that value`,
    hint: () => 'use `steps` for a threshold, or widen the range',
  },
  'too-many-metrics': {
    severity: 'warning',
    message: (p) => `the model has ${p.count} weighted metrics; more than ${p.limit} make a score nobody can explain`,
    hint: () => 'merge related metrics, or give the least important weight 0',
  },
  'enum-value-spaces': {
    severity: 'warning',
    message: (p) => `enum value ${JSON.stringify(p.value)} starts or ends with a space; record values are trimmed, so they can only match it loosely`,
    hint: (p) => `write it without the spaces: ${JSON.stringify(p.value.trim())}`,
  },
  'enum-values-ambiguous': {
    severity: 'warning',
    message: (p) =>
      `enum values \`${p.first}\` and \`${p.second}\` differ only in case, spaces, \`_\` or \`-\`: a record value written another way (\`${p.key}\`) matches neither, and is refused`,
    hint: () => 'give the two values names that differ in letters or digits, or merge them',
  },
};
