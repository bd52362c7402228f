import { stringify } from 'yaml';

/**
 * Payloads that would run code if they reached generated JavaScript or SQL unescaped: each way
 * out of a JavaScript string, an SQL literal or name in each dialect (a doubled quote, a
 * backslash escape, a dollar quote, a comment, a line break), and dbt's Jinja.
 */
export const PAYLOADS = [
  '"); globalThis.__pwned = "double-quote"; ("',
  "'); globalThis.__pwned = 'single-quote'; ('",
  '`${globalThis.__pwned = "template"}`',
  '\u2028globalThis.__pwned = "line-separator"; //',
  '*/ globalThis.__pwned = "comment"; /*',
  '\\"); globalThis.__pwned = "backslash"; //',
  '</script><script>globalThis.__pwned = "html"</script>',
  '\ud800 lone surrogate \udfff',
  'constructor',
  '__proto__',
  "'); DROP TABLE canary; --",
  "' OR '1' = '1",
  "\\'; DROP TABLE canary; --",
  '"; DROP TABLE canary; --',
  '`; DROP TABLE canary; --',
  '$$; DROP TABLE canary; $$',
  "x\n; DROP TABLE canary; -- \r\n'y",
  "{{ run_query('DROP TABLE canary') }}{% endraw %}{# #}",
];

/** SQL cannot carry a lone surrogate (its text is UTF-8): the query is refused, never written with U+FFFD. */
export const UNENCODABLE = (payload: string) => /[\ud800-\udfff]/.test(payload);

/** A model with the payload in every free-text place: titles, descriptions, enum values, map keys, literals, pulse levels, benchmarks, playbook texts. */
export function hostileModel(payload: string): string {
  const other = `${payload} (other)`;
  return stringify({
    vitals: 1,
    model: 'hostile',
    title: payload,
    description: payload,
    bands: [{ name: 'red', below: 40, title: payload }, { name: 'green', title: payload }],
    data: { id: 'account', as_of: 'day', segment: 'segment', stage: 'stage' },
    inputs: {
      tier: { type: 'enum', values: [payload, other], title: payload, description: payload },
      stage: { type: 'enum', values: [payload, other] },
      segment: { type: 'enum', values: [payload, other] },
      note: { type: 'string', title: payload },
    },
    categories: { main: { weight: 1, title: payload, description: payload } },
    metrics: {
      tiered: { category: 'main', title: payload, description: payload, value: 'tier', score: { map: { [payload]: 90, [other]: 10 } } },
      noted: { category: 'main', value: `if(note == ${JSON.stringify(payload)} and tier in [${JSON.stringify(payload)}], 80, 20)`, score: 'identity' },
    },
    pulse: { field: 'pulse', recorded_at: 'pulse_day', scale: [{ value: payload, title: payload, score: 100 }, { value: other, score: 1 }] },
    benchmarks: [{ stage: payload, segment: payload, score: 50 }, { stage: other, score: 60 }],
    playbooks: {
      fires: { title: payload, description: payload, owner: payload, action: payload, when: `tier == ${JSON.stringify(payload)} and pulse.value == ${JSON.stringify(payload)}` },
    },
  });
}

