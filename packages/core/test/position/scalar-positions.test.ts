import fc from 'fast-check';
import { expect, test } from 'vitest';
import { yamlToDocument } from '../../src/load/yaml-to-document.js';
import { createLocator } from '../../src/position/locator.js';

/**
 * An offset inside an expression maps to the right place in the YAML file whatever the scalar's
 * style: every name in a random expression, located through the scalar map, reads back as that
 * name in the file, at the line and column a person would count.
 */
const STYLES: Record<string, (expression: string) => string> = {
  plain: (e) => `value: ${e}\n`,
  'double-quoted': (e) => `value: ${JSON.stringify(e)}\n`,
  'double-quoted with escapes': (e) => `value: "\\t${JSON.stringify(e).slice(1, -1)}"\n`,
  'single-quoted': (e) => `value: '${e.replace(/'/g, "''")}'\n`,
  literal: (e) => `value: |\n  ${e.split(' + ').join(' +\n  ')}\nnext: 1\n`,
  folded: (e) => `value: >-\n    ${e.split(' + ').join(' +\n    ')}\n`,
  'multi-line plain': (e) => `value: ${e.split(' + ').join(' +\n  ')}\n`,
};

const name = fc.stringMatching(/^[a-z][a-z_]{0,7}$/);
const piece = fc.tuple(name, fc.constantFrom(' * 2', '', " == 'it''s'", ' / n', ' > "q\\"x"'));
const expression = fc.array(piece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.map(([n, rest]) => `${n}${rest.replace("'it''s'", "'its'")}`).join(' + '));

test.each(Object.keys(STYLES))('names inside a %s scalar map to their place in the file', (style) => {
  fc.assert(
    fc.property(expression, (text) => {
      const yaml = (STYLES[style] as (e: string) => string)(text);
      const { value: doc, diagnostics } = yamlToDocument(yaml, 'm.yaml');
      expect(diagnostics).toEqual([]);
      const value = (doc?.root as Record<string, string>)['value'] as string;
      const locate = createLocator(doc as NonNullable<typeof doc>);
      for (const match of value.matchAll(/[a-z][a-z_]*/g)) {
        const span = locate.inScalar('/value', { start: match.index, end: match.index + match[0].length });
        expect(yaml.slice(span.start.offset, span.end.offset)).toBe(match[0]);
        const lineText = yaml.split('\n')[span.start.line - 1] as string;
        expect(lineText.slice(span.start.column - 1, span.start.column - 1 + match[0].length)).toBe(match[0]);
      }
    }),
    { numRuns: 200 },
  );
});
