/**
 * The largest model a check has to be ready for: just under the 1 MB file limit, 240 metrics
 * each summing 1,990 input terms (the shape of the model that took 108 s and 1.7 GB to check
 * before checking was made linear). Each sum is written as two parenthesised halves of 995
 * terms: a flat chain of 1,990 is over the expression depth limit (`expr-too-complex`) and is
 * refused in a fraction of the time, which would measure nothing.
 */
export function sizeLimitModel(metrics = 240, terms = 1990): string {
  const inputs = ['a', 'b', 'c', 'd', 'e'];
  const half = (offset: number) => Array.from({ length: terms / 2 }, (_, k) => inputs[(offset + k) % inputs.length]).join('+');
  const lines = [
    'vitals: 1',
    'model: size_limit',
    'bands:',
    '  - { name: red, below: 40 }',
    '  - { name: green }',
    'inputs:',
    ...inputs.map((name) => `  ${name}: { type: number }`),
    'categories:',
    '  product: { weight: 1 }',
    'metrics:',
  ];
  for (let m = 0; m < metrics; m++) lines.push(`  m${m}:`, '    category: product', `    value: (${half(m)})+(${half(m + 1)})`, '    score: identity');
  return `${lines.join('\n')}\n`;
}
