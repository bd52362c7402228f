import type { HistogramBin, MatrixState, PlaybookWorkload, ScoreStats } from '@vitals/core';
import { bar } from '../bars.js';
import { plural } from '../check-report.js';
import { binLabel } from '../report-model.js';
import type { ImpactReport } from './impact-report.js';
import { account, accountList, band, code, counted, score, share, signed, type ViewSection } from './impact-view.js';

/** The data side of the report: what the change does to the same accounts. */
export function dataSections(report: ImpactReport): ViewSection[] {
  return [bands(report), transitions(report), distribution(report), movers(report), ...playbooks(report), ...benchmarks(report), coverage(report)];
}

function bands({ impact, base, head }: ImpactReport): ViewSection {
  const { base: before, head: after } = impact.data.distribution;
  const unit = impact.data.unit;
  const cell = (count: number, of: number) => `${count.toLocaleString('en-US')} (${share(of > 0 ? count / of : 0)})`;
  const names = [...new Set([...before.bands.map((b) => b.name), ...after.bands.map((b) => b.name)])];
  const rows = names.map((name) => {
    const [b, a] = [before.bands.find((x) => x.name === name)?.count, after.bands.find((x) => x.name === name)?.count];
    return [band(name, after.bands.some((x) => x.name === name) ? head.plan : base.plan), b === undefined ? '—' : cell(b, before.scored), a === undefined ? '—' : cell(a, after.scored), signed((a ?? 0) - (b ?? 0), 0)];
  });
  rows.push(['unscored', before.unscored.toLocaleString('en-US'), after.unscored.toLocaleString('en-US'), signed(after.unscored - before.unscored, 0)]);
  if (before.invalid + after.invalid > 0) rows.push(['invalid', before.invalid.toLocaleString('en-US'), after.invalid.toLocaleString('en-US'), signed(after.invalid - before.invalid, 0)]);
  return {
    id: 'bands',
    title: 'Bands',
    open: true,
    notes: [],
    table: { columns: [{ label: 'band' }, { label: `${unit}s before`, numeric: true }, { label: 'after', numeric: true }, { label: 'change', numeric: true }], rows },
  };
}

/** The transition matrix; the unscored and invalid rows and columns only when someone is in them. */
function transitions({ impact }: ImpactReport): ViewSection {
  const { from, to, counts } = impact.data.transitions;
  const used = (state: MatrixState, i: number, along: 'row' | 'column') =>
    state.status === 'scored' || (along === 'row' ? (counts[i] ?? []).some((n) => n > 0) : counts.some((row) => (row[i] ?? 0) > 0));
  const rows = from.map((s, i) => ({ s, i })).filter(({ s, i }) => used(s, i, 'row'));
  const columns = to.map((s, j) => ({ s, j })).filter(({ s, j }) => used(s, j, 'column'));
  const label = (s: MatrixState) => s.band ?? s.status;
  const { changed, better, worse } = impact.data.band_changes;
  return {
    id: 'transitions',
    title: 'Band transitions',
    open: false,
    notes: [`Rows: the band before; columns: after. ${counted(changed, impact.data.unit, 'changes', 'change')} band: ${better.toLocaleString('en-US')} to a better one, ${worse.toLocaleString('en-US')} to a worse one.`],
    table: {
      columns: [{ label: 'before ↓ after →' }, ...columns.map(({ s }) => ({ label: label(s), numeric: true }))],
      rows: rows.map(({ s, i }) => [label(s), ...columns.map(({ j }) => ((counts[i] ?? [])[j] ?? 0).toLocaleString('en-US'))]),
    },
  };
}

const STATS: readonly (keyof ScoreStats)[] = ['mean', 'median', 'p10', 'p25', 'p75', 'p90', 'min', 'max'];

function distribution({ impact, head }: ImpactReport): ViewSection {
  const { base, head: after, shift } = impact.data.distribution;
  const unit = impact.data.unit;
  if (base.stats === null && after.stats === null) return { id: 'distribution', title: 'Score distribution', open: false, notes: [`No ${unit} is scored by either model.`] };
  const rows = STATS.map((k) => [k, score(base.stats?.[k] ?? null, head.plan), score(after.stats?.[k] ?? null, head.plan), shift === null ? '—' : signed(shift[k])]);
  return {
    id: 'distribution',
    title: 'Score distribution',
    open: false,
    notes: [`The overall score of the scored ${unit}s, before and after; the histograms share their bins.`],
    table: { columns: [{ label: '' }, { label: 'before', numeric: true }, { label: 'after', numeric: true }, { label: 'shift', numeric: true }], rows },
    block: { language: 'text', text: histograms(base.histogram, after.histogram) },
  };
}

/** Both histograms side by side: `  40–50 │████▌      12 │██████     17`. */
function histograms(before: readonly HistogramBin[], after: readonly HistogramBin[]): string {
  const max = Math.max(1, ...before.map((b) => b.count), ...after.map((b) => b.count));
  const labels = before.map((b) => binLabel(b));
  const width = Math.max(...labels.map((l) => l.length), 'score'.length);
  const counts = Math.max(...[...before, ...after].map((b) => b.count.toLocaleString('en-US').length));
  const side = (b: HistogramBin | undefined) => `${bar(b?.count ?? 0, max, 20).padEnd(20)} ${(b?.count ?? 0).toLocaleString('en-US').padStart(counts)}`;
  const head = `${'score'.padStart(width)} │${'before'.padEnd(21 + counts)} │after`;
  return [head, ...labels.map((label, i) => `${label.padStart(width)} │${side(before[i])} │${side(after[i])}`)].join('\n');
}

function movers({ impact, base, head }: ImpactReport): ViewSection {
  const list = impact.data.movers;
  const unit = impact.data.unit;
  if (list.length === 0) return { id: 'movers', title: `${capital(unit)}s that move most`, open: false, notes: [`No ${unit} scored by both models changes score.`] };
  const rows = list.map((m) => {
    const cause = m.moved_by;
    const by = cause === null ? 'the roll-up, an override or hysteresis (no metric moved)' : `${code(cause.metric)} ${score(cause.contribution_before)} → ${score(cause.contribution_after)} points`;
    return [account(m), `${score(m.before.score, base.plan)} ${band(m.before.band, base.plan)}`, `${score(m.after.score, head.plan)} ${band(m.after.band, head.plan)}`, signed(m.change), by];
  });
  return {
    id: 'movers',
    title: `${capital(unit)}s that move most (${list.length})`,
    open: false,
    notes: ['Moved most by: the metric whose part of the overall score (weight × score, in points) changed most.'],
    table: { columns: [{ label: unit }, { label: 'before' }, { label: 'after' }, { label: 'change', numeric: true }, { label: 'moved most by' }], rows },
  };
}

function playbooks({ impact, base, head }: ImpactReport): ViewSection[] {
  const list = impact.data.playbooks;
  if (list.length === 0) return [];
  const unit = impact.data.unit;
  const rows = list.map((p) => [code(p.key), p.status, p.fired_before.toLocaleString('en-US'), p.fired_after.toLocaleString('en-US'), p.started.count.toLocaleString('en-US'), p.stopped.count.toLocaleString('en-US'), workload(p.workload_before), workload(p.workload_after)]);
  const who = list.flatMap((p) => [
    ...(p.started.count > 0 ? [`${code(p.key)} starts for ${accountList(p.started)}.`] : []),
    ...(p.stopped.count > 0 ? [`${code(p.key)} stops for ${accountList(p.stopped)}.`] : []),
  ]);
  const history = base.plan.data.asOf !== null || head.plan.data.asOf !== null;
  return [
    {
      id: 'playbooks',
      title: 'Playbooks',
      open: false,
      notes: [
        `Fired: ${unit}s it fires for, before and after. Workload: a dry run over every ${history ? 'snapshot (the whole history, cooldowns applied)' : 'row'} — fires, accounts, and fires on a ${history ? 'snapshot' : 'row'} where another playbook fired too (already someone's task).`,
        ...who,
      ],
      table: {
        columns: [{ label: 'playbook' }, { label: 'change' }, { label: 'fired before', numeric: true }, { label: 'after', numeric: true }, { label: 'starts', numeric: true }, { label: 'stops', numeric: true }, { label: 'workload before' }, { label: 'after' }],
        rows,
      },
    },
  ];
}

function workload(w: PlaybookWorkload | null): string {
  return w === null ? '—' : `${plural(w.fires, 'fire')}, ${plural(w.accounts, 'account')}, ${w.covered.toLocaleString('en-US')} covered`;
}

function benchmarks({ impact, base, head }: ImpactReport): ViewSection[] {
  if (base.plan.benchmarks.length === 0 && head.plan.benchmarks.length === 0) return [];
  const { fell_below: fell, rose_above: rose } = impact.data.benchmarks;
  const unit = impact.data.unit;
  const notes = [
    fell.count > 0 ? `${counted(fell.count, unit, 'falls below its', 'fall below their')} stage benchmark: ${accountList(fell)}.` : `No ${unit} falls below its stage benchmark.`,
    rose.count > 0 ? `${counted(rose.count, unit, 'rises', 'rise')} above it: ${accountList(rose)}.` : `No ${unit} rises above it.`,
  ];
  const groups = new Map<string, string[]>();
  for (const [i, crossing] of [fell, rose].entries()) {
    for (const g of crossing.by_stage) {
      const key = `${g.stage}\u0000${g.segment ?? ''}`;
      const row = groups.get(key) ?? [code(g.stage), g.segment === null ? '(any)' : code(g.segment), '0', '0'];
      row[2 + i] = g.count.toLocaleString('en-US');
      groups.set(key, row);
    }
  }
  const table = groups.size === 0 ? undefined : { columns: [{ label: 'stage' }, { label: 'segment' }, { label: 'fall below', numeric: true }, { label: 'rise above', numeric: true }], rows: [...groups.values()] };
  return [{ id: 'benchmarks', title: 'Stage benchmarks', open: false, notes, ...(table === undefined ? {} : { table }) }];
}

function coverage({ impact }: ImpactReport): ViewSection {
  const { became_unscored: lost, became_scored: gained, mean_before, mean_after } = impact.data.coverage;
  const unit = impact.data.unit;
  const reasons = Object.entries(lost.reasons).map(([reason, n]) => `${reason} ${n.toLocaleString('en-US')}`);
  return {
    id: 'coverage',
    title: 'Coverage',
    open: false,
    notes: [
      lost.count > 0 ? `${counted(lost.count, unit, 'is', 'are')} scored before and not after (${reasons.join(', ')}): ${accountList(lost)}.` : `No ${unit} loses its score.`,
      gained.count > 0 ? `${counted(gained.count, unit, 'is', 'are')} scored after and not before: ${accountList(gained)}.` : `No ${unit} gains a score.`,
      `Mean coverage (the share of the weight backed by data): ${share(mean_before)} before, ${share(mean_after)} after.`,
    ],
  };
}

function capital(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}
