import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SCHEMA_FILE, VALIDATOR_FILE, schemaFileText, validatorFileText } from '../../scripts/write-schema.js';

test('the shipped JSON Schema file is the schema the core validates with (run `npm run schema` after changing it)', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
});

test('the generated validator is ajv\'s code for that schema (run `npm run schema` after changing it)', () => {
  expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(validatorFileText());
});
