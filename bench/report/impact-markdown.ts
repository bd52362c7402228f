import type { ImpactBench } from '../suites/impact-bench.js';

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

/** The impact section of RESULTS.md: in one process, then end to end. */
export function impactSection(r: ImpactBench | null): string {
  if (r === null) return '';
  const rows = r.inProcess.map((t) => `| ${t.name} | ${ms(t.ms)} | ±${(t.spread * 100).toFixed(0)}% | ${t.ratio === null ? '' : `${t.ratio.toFixed(2)}× ${t.baseline}`} |`);
  const cli = r.cli.map((w) => `| ${w.label} | ${ms(w.medianMs)} | ${ms(w.minMs)} |`);
  return [
    `## vitals diff and vitals simulate, ${r.accounts.toLocaleString('en-US')} accounts`,
    '',
    `HEAD is the seven-metric model with ${r.change.map((c) => `\`${c}\``).join(', ')}; the sweep is \`${r.sweep.path}\` (${r.sweep.values} values).`,
    '',
    '**In one process** (records in memory, models compiled; median of the rounds):',
    '',
    '| what | ms | spread | ratio |',
    '|---|---:|---:|---|',
    ...rows,
    '',
    ...(r.cliSkipped !== null
      ? [`End to end: ${r.cliSkipped}.`]
      : ['**End to end** (from the command line: Node start, reading and parsing the CSV, both models, the report):', '', '| command | median ms | fastest ms |', '|---|---:|---:|', ...cli]),
    '',
  ].join('\n');
}

export function impactSummary(r: ImpactBench | null): string[] {
  if (r === null) return [];
  return [...r.inProcess.map((t) => `${t.name}: ${ms(t.ms)} ms${t.ratio === null ? '' : ` (${t.ratio.toFixed(2)}× ${t.baseline})`}`), ...r.cli.map((w) => `${w.label}: ${ms(w.medianMs)} ms (fastest ${ms(w.minMs)} ms)`)];
}
