/**
 * The JSON Schema of a health-model file (draft-07, for the widest editor support). It is the
 * source of `packages/core/schema/health-model.schema.json`, which `npm run schema` writes and a
 * test keeps in step. `errorHint` is our own annotation: the wording used when a value matches
 * none of the alternatives of an `anyOf`. Its limits are the ones in `limits.ts`.
 */
import { MAX_PRECISION } from './defaults.js';
import { MAX_ENTRIES, MAX_EXPRESSION_LENGTH, MAX_LONG_TEXT_LENGTH, MAX_NAME_LENGTH, MAX_SHORT_TEXT_LENGTH } from '../limits.js';

export const IDENTIFIER_SCHEMA = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_]*$',
  maxLength: MAX_NAME_LENGTH,
  description: 'A stable name: lower-case letters, digits and _, starting with a letter.',
} as const;
export const EXPRESSION_SCHEMA = {
  type: 'string',
  maxLength: MAX_EXPRESSION_LENGTH,
  description: 'An expression in the vitals expression language.',
} as const;
const duration = {
  type: 'string',
  pattern: '^[0-9]{1,5}[dw]$',
  description: 'A duration in days or weeks, e.g. 30d or 2w.',
} as const;
const identifier = IDENTIFIER_SCHEMA;
const expression = EXPRESSION_SCHEMA;
const shortText = { type: 'string', minLength: 1, maxLength: MAX_SHORT_TEXT_LENGTH } as const;
const title = { type: 'string', maxLength: MAX_SHORT_TEXT_LENGTH, description: 'Display text.' } as const;
const description = { type: 'string', maxLength: MAX_LONG_TEXT_LENGTH } as const;
const color = { type: 'string', pattern: '^#[0-9a-fA-F]{6}$', description: 'A colour as #rrggbb.' } as const;
const finite = { type: 'number', minimum: -1e15, maximum: 1e15 } as const;
const weight = { type: 'number', minimum: 0, maximum: 1e6, description: 'Relative weight; 0 means informational.' } as const;

const band = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: identifier,
    below: { ...finite, description: 'Scores below this (after rounding) are in this band; the boundary belongs to the band above.' },
    title,
    color,
  },
} as const;
const bands = { type: 'array', minItems: 1, maxItems: MAX_ENTRIES.bands, items: band } as const;

const step = {
  type: 'object',
  required: ['score'],
  additionalProperties: false,
  properties: { below: finite, score: finite },
} as const;

const scoreMethod = {
  errorHint: '`identity` or one of { linear }, { steps }, { map }, { expr }',
  anyOf: [
    { type: 'string', const: 'identity' },
    {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
      properties: {
        linear: {
          type: 'object',
          required: ['from', 'to'],
          additionalProperties: false,
          properties: { from: finite, to: finite },
          description: 'Value `from` scores the scale minimum, `to` the maximum, linear between and clamped.',
        },
        steps: { type: 'array', minItems: 1, maxItems: MAX_ENTRIES.steps, items: step },
        map: {
          type: 'object',
          minProperties: 1,
          maxProperties: MAX_ENTRIES.map,
          additionalProperties: finite,
          description: 'A score for each value of an enum or boolean; `default` for values not listed.',
        },
        expr: expression,
      },
    },
  ],
} as const;

const missingPolicy = {
  errorHint: '`exclude`, `unknown` or `{ score: N }`',
  anyOf: [
    { type: 'string', enum: ['exclude', 'unknown'] },
    { type: 'object', required: ['score'], additionalProperties: false, properties: { score: finite } },
  ],
} as const;

const rollup = {
  errorHint: '`weighted_mean`, `geometric` or `{ weakest_link: { margin: N } }`',
  anyOf: [
    { type: 'string', enum: ['weighted_mean', 'geometric', 'weakest_link'] },
    {
      type: 'object',
      required: ['weakest_link'],
      additionalProperties: false,
      properties: {
        weakest_link: {
          type: 'object',
          additionalProperties: false,
          properties: { margin: { type: 'number', minimum: 0, maximum: 1e6 } },
        },
      },
    },
  ],
} as const;

const input = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['number', 'integer', 'boolean', 'enum', 'string', 'date'] },
    column: {
      type: 'string',
      maxLength: MAX_SHORT_TEXT_LENGTH,
      pattern: '^\\S(.*\\S)?$',
      description: "The column of the data file (the JSON field) this input reads, exactly as the header writes it; default: the input's name.",
    },
    values: { type: 'array', minItems: 1, maxItems: MAX_ENTRIES.enumValues, uniqueItems: true, items: shortText },
    ordered: { type: 'boolean', description: 'Enum values are listed from lowest to highest and can be compared with < and >.' },
    min: finite,
    max: finite,
    required: { type: 'boolean', description: 'A record without this field is invalid (instead of missing).' },
    title,
    description,
  },
  if: { properties: { type: { const: 'enum' } }, required: ['type'] },
  then: { required: ['values'] },
} as const;

const metric = {
  type: 'object',
  required: ['category', 'value', 'score'],
  additionalProperties: false,
  properties: {
    title,
    description,
    category: identifier,
    value: expression,
    score: scoreMethod,
    bands,
    weight,
    missing: missingPolicy,
  },
} as const;

const category = {
  type: 'object',
  required: ['weight'],
  additionalProperties: false,
  properties: { title, description, weight, rollup, bands },
} as const;

const pulseLevel = {
  type: 'object',
  required: ['value', 'score'],
  additionalProperties: false,
  properties: { value: shortText, title, score: finite, shelf_life: duration },
} as const;

const pulse = {
  type: 'object',
  required: ['field', 'recorded_at'],
  additionalProperties: false,
  properties: {
    field: identifier,
    recorded_at: identifier,
    shelf_life: duration,
    scale: { type: 'array', minItems: 1, maxItems: MAX_ENTRIES.pulseLevels, items: pulseLevel, description: 'The pulse levels, from one up to twelve; default: the six-point scale.' },
    stale: {
      errorHint: '`keep`, `exclude` or `{ decay: { to: N, over: 30d } }`',
      anyOf: [
        { type: 'string', enum: ['keep', 'exclude'] },
        {
          type: 'object',
          required: ['decay'],
          additionalProperties: false,
          properties: {
            decay: {
              type: 'object',
              required: ['to', 'over'],
              additionalProperties: false,
              properties: { to: finite, over: duration },
            },
          },
        },
      ],
    },
  },
} as const;

const overrides = {
  type: 'object',
  required: ['reason', 'set_at', 'expires_at'],
  additionalProperties: false,
  properties: { score: identifier, band: identifier, reason: identifier, set_at: identifier, expires_at: identifier },
} as const;

const benchmark = {
  type: 'object',
  required: ['stage', 'score'],
  additionalProperties: false,
  properties: { stage: shortText, segment: shortText, category: identifier, score: finite },
} as const;

const playbook = {
  type: 'object',
  required: ['when', 'action'],
  additionalProperties: false,
  properties: {
    title,
    description,
    when: expression,
    priority: { enum: ['critical', 'high', 'medium', 'low'] },
    owner: { type: 'string', maxLength: MAX_SHORT_TEXT_LENGTH },
    action: { type: 'string', maxLength: MAX_LONG_TEXT_LENGTH },
    cooldown: duration,
  },
} as const;

const namedMap = (value: object, max: number) =>
  ({ type: 'object', propertyNames: identifier, maxProperties: max, additionalProperties: value }) as const;

export const HEALTH_MODEL_SCHEMA_ID = 'https://vitals.dev/schema/health-model/v1.json';

export const HEALTH_MODEL_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: HEALTH_MODEL_SCHEMA_ID,
  title: 'vitals health model, format version 1',
  type: 'object',
  required: ['vitals', 'model', 'bands', 'inputs', 'categories', 'metrics'],
  additionalProperties: false,
  properties: {
    vitals: { const: 1, description: 'The format version.' },
    model: identifier,
    title,
    description,
    scale: {
      type: 'object',
      required: ['min', 'max'],
      additionalProperties: false,
      properties: { min: finite, max: finite },
    },
    precision: { type: 'integer', minimum: 0, maximum: MAX_PRECISION, description: 'Decimals scores are rounded to before banding.' },
    bands,
    hysteresis: { type: 'number', minimum: 0, maximum: 1e6, description: 'Points an account must cross a band boundary by to change its overall band.' },
    data: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: identifier,
        as_of: identifier,
        segment: identifier,
        stage: identifier,
        value: { ...identifier, description: "The input holding the account's value (ARR, MRR): reports weigh band shares and lists by it." },
        owner: { ...identifier, description: "The input naming the account's owner (the CSM): reports show each owner's book." },
      },
    },
    inputs: namedMap(input, MAX_ENTRIES.inputs),
    categories: { ...namedMap(category, MAX_ENTRIES.categories), minProperties: 1 },
    metrics: { ...namedMap(metric, MAX_ENTRIES.metrics), minProperties: 1 },
    rollup,
    missing: {
      type: 'object',
      additionalProperties: false,
      properties: {
        policy: missingPolicy,
        min_coverage: { type: 'number', minimum: 0, maximum: 1, description: 'Below this share of weight with data, an account gets no score.' },
      },
    },
    pulse,
    overrides,
    benchmarks: { type: 'array', maxItems: MAX_ENTRIES.benchmarks, items: benchmark },
    playbooks: namedMap(playbook, MAX_ENTRIES.playbooks),
  },
} as const;
