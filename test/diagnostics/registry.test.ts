import { readFileSync } from 'node:fs';
import { DIAGNOSTIC_TEXT } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { fixtureCode, invalidFixtures } from './fixture-files.js';
import { GENERATED_CASES } from './generated-cases.js';

const CODES = Object.keys(DIAGNOSTIC_TEXT).sort();
const FIXTURE_CODES = new Set(invalidFixtures().map(fixtureCode).filter((code) => code !== undefined));
const GENERATED_CODES = new Set(GENERATED_CASES.map((c) => c.code));
const DOCS = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');

/** The `### \`code\`` sections of docs/diagnostics.md, with their text. */
const DOC_SECTIONS = new Map(
  DOCS.split(/^### /m)
    .slice(1)
    .map((section) => [/^`([a-z0-9-]+)`/.exec(section)?.[1] ?? section.split('\n')[0], section] as const),
);

test('the registry has codes', () => {
  expect(CODES.length).toBeGreaterThan(50);
});

describe.each(CODES)('%s', (code) => {
  test('has a fixture or a generated case that raises it', () => {
    expect(FIXTURE_CODES.has(code) || GENERATED_CODES.has(code)).toBe(true);
  });

  test('is documented in docs/diagnostics.md with its meaning, an example and a fix', () => {
    const section = DOC_SECTIONS.get(code);
    expect(section, `no "### \`${code}\`" section`).toBeDefined();
    expect(section).toMatch(/```(yaml|text)\n[\s\S]+?\n```/);
    expect(section).toMatch(/\*\*Fix\.?\*\*/);
    expect(section).toContain(`(${DIAGNOSTIC_TEXT[code as keyof typeof DIAGNOSTIC_TEXT].severity})`);
  });
});

test('every fixture is named after a registered code', () => {
  for (const code of FIXTURE_CODES) expect(CODES, `fixture for unknown code ${code}`).toContain(code);
});

test('every generated case is for a registered code', () => {
  for (const code of GENERATED_CODES) expect(CODES).toContain(code);
});

test('the documentation describes no code that does not exist', () => {
  for (const code of DOC_SECTIONS.keys()) expect(CODES, `docs/diagnostics.md documents ${code}`).toContain(code);
});
