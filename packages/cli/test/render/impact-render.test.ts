import { analyseImpact, compile } from '@vitals/core';
import { expect, test } from 'vitest';
import type { ImpactReport } from '../../src/render/impact/impact-report.js';
import { renderImpactHtml } from '../../src/render/impact/impact-html.js';
import { renderImpactMarkdown } from '../../src/render/impact/impact-markdown.js';
import { renderImpactText } from '../../src/render/impact/impact-text.js';

/** A model whose title and whose accounts' ids are hostile: every renderer must keep them inert. */
const model = (weight: number) => `vitals: 1
model: hostile
title: "Health \`code\` | <b>bold</b> \\u001b[31mred"
bands: [ { name: red, below: 50 }, { name: green } ]
data: { id: account }
inputs: { account: { type: string }, usage: { type: number }, nps: { type: number } }
categories: { product: { weight: 1 } }
metrics:
  usage: { category: product, value: usage, score: identity, weight: ${weight} }
  nps: { category: product, value: nps, score: identity }
`;

function report(): ImpactReport {
  const [base, head] = [compile(model(1)), compile(model(3))];
  const records = [
    { account: 'a`|b\u001b[31m<script>', usage: 90, nps: 20 },
    { account: 'plain', usage: 20, nps: 90 },
  ];
  const impact = analyseImpact(base, head, records);
  return { command: 'diff', base: { label: 'base.yaml', plan: base.plan }, head: { label: 'head.yaml', plan: head.plan }, data: { file: 'data.csv', counts: { rows: 2, scored: 2, unscored: 0, invalid: 0 } }, impact };
}

test('hostile titles and ids stay text in every form: no escape character, no code span or table cell broken, no markup', () => {
  const r = report();
  expect(r.impact.data.movers.map((m) => m.id)).toEqual(['a`|b\u001b[31m<script>', 'plain']);
  for (const out of [renderImpactText(r), renderImpactMarkdown(r), renderImpactHtml(r, '')]) expect(out).not.toContain('\u001b');
  const markdown = renderImpactMarkdown(r);
  // the id is one code span (its backtick replaced), its pipe escaped inside the table cell
  expect(markdown).toContain("| `a'\\|b\\u001b[31m<script>` |");
  expect(markdown).toContain('### vitals diff: Health \'code\' \\| \\<b\\>bold\\</b\\> \\\\u001b\\[31mred');
  const html = renderImpactHtml(r, '');
  expect(html).toContain("<td><code>a&#39;|b\\u001b[31m&#60;script&#62;</code></td>");
  expect(html).not.toContain('<script>alert');
});
