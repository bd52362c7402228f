/**
 * Every limit a model file is held to, in one place. Each keeps hostile input from costing
 * unbounded time, memory or stack, and each is far above what a real model needs; each has a
 * diagnostic of its own, and docs/diagnostics.md lists them all ("Limits").
 */

/** Bytes of UTF-8 (`file-too-large`): a health model is a few kilobytes. */
export const MAX_MODEL_BYTES = 1_000_000;
/** Levels of YAML nesting below the root (`yaml-too-deep`): a model is about six. */
export const MAX_YAML_DEPTH = 64;
/** Nodes that aliases may expand to (`yaml-alias-limit`): far below a "billion laughs". */
export const MAX_ALIAS_EXPANSION = 10_000;

/** Characters in one expression (`expr-too-long`): a 500-term `or` of conditions fits. */
export const MAX_EXPRESSION_LENGTH = 20_000;
/**
 * Parentheses, lists, calls and `-`/`not` nested inside one another (`expr-too-deep`). The
 * parser recurses through every grammar rule at each level, so this is what keeps the stack safe;
 * a formula nested a tenth as deep is already unreadable.
 */
export const MAX_EXPRESSION_NESTING = 32;
/**
 * Levels of the parsed expression tree, where each operator of a chain adds one
 * (`expr-too-complex`): `a + b + … ` with 1,000 operands is 999 levels deep. Every stage that
 * walks a tree (types, code generation, the reference interpreter, SQL) stays far within the stack.
 */
export const MAX_EXPRESSION_DEPTH = 1_000;

/** Characters of a name (`name-too-long`): keys of inputs, metrics, categories, bands… */
export const MAX_NAME_LENGTH = 64;
/** Characters of short text (`text-too-long`): titles, owners, enum and pulse values, stages. */
export const MAX_SHORT_TEXT_LENGTH = 200;
/** Characters of long text (`text-too-long`): descriptions and playbook actions. */
export const MAX_LONG_TEXT_LENGTH = 20_000;

/** Entries of each list or named section (`too-many-entries`). */
export const MAX_ENTRIES = {
  inputs: 2_000,
  categories: 100,
  metrics: 1_000,
  playbooks: 1_000,
  benchmarks: 10_000,
  bands: 20,
  steps: 100,
  map: 1_000,
  enumValues: 1_000,
  pulseLevels: 12,
} as const;
