import { LitElement, css, html } from 'lit';
import { chartStyles } from './chart-styles.js';
import { customElement, property, query } from 'lit/decorators.js';
import type { BandPlan, HistogramBin } from '@vitals/core';
import { bandColours, bandIndex, drawChart, type Chart } from './chart.js';

/**
 * The overall score's histogram, each bin coloured by the band of its middle. With a `baseline`,
 * the distribution before a change is drawn as an outline over the one after (filled).
 */
@customElement('vitals-histogram')
export class VitalsHistogram extends LitElement {
  static override styles = [chartStyles, css`
    :host {
      --chart-height: 220px;
    }
  `];

  @property({ attribute: false }) bins: readonly HistogramBin[] = [];
  @property({ attribute: false }) baseline: readonly HistogramBin[] | null = null;
  @property({ attribute: false }) bands: BandPlan | null = null;
  /** What one count is: accounts, or snapshots. */
  @property() unit = 'accounts';

  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart: Chart | undefined;

  protected override render() {
    return html`<canvas role="img" aria-label="Histogram of the overall score: ${this.unit} per score range"></canvas>
      <table class="sr-only">
        <caption>${this.unit} per score range</caption>
        ${this.bins.map((b, i) => html`<tr><th scope="row">${binLabel(b)}</th><td>${b.count}</td><td>${this.bandOf(b)}</td>${this.baseline === null ? '' : html`<td>before: ${this.baseline[i]?.count ?? 0}</td>`}</tr>`)}
      </table>`;
  }

  private bandOf(bin: HistogramBin): string {
    const bands = this.bands;
    if (bands === null) return '';
    const i = bandIndex(bands, (bin.from + bin.to) / 2);
    return bands.titles[i] ?? bands.names[i] ?? '';
  }

  protected override updated(): void {
    const bands = this.bands;
    const colours = bands === null ? [] : bandColours(bands);
    const binColours = this.bins.map((b) => (bands === null ? '#1f5fbf' : (colours[bandIndex(bands, (b.from + b.to) / 2)] as string)));
    const after = { label: this.baseline === null ? this.unit : 'after', data: this.bins.map((b) => b.count), backgroundColor: binColours, categoryPercentage: 1, barPercentage: 0.94, order: 2 };
    const before =
      this.baseline === null
        ? []
        : [{ label: 'before', data: this.baseline.map((b) => b.count), backgroundColor: 'rgba(0,0,0,0)', borderColor: '#1d2430', borderWidth: 2, borderDash: [4, 3], categoryPercentage: 1, barPercentage: 0.94, grouped: false, order: 1 }];
    this.chart = drawChart(this.chart, this.canvas, {
      type: 'bar',
      data: { labels: this.bins.map(binLabel), datasets: [after, ...before] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: this.baseline !== null, position: 'top', align: 'end' } },
        scales: {
          x: { title: { display: true, text: 'overall score' }, grid: { display: false } },
          y: { beginAtZero: true, title: { display: true, text: this.unit }, ticks: { precision: 0 } },
        },
      },
    });
    performance.mark('vitals:chart-updated');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }
}

/** `1–10.9`: a bin's ends to one decimal (bins hold their lower end; the last also its upper end). */
export function binLabel(bin: HistogramBin): string {
  const round = (x: number) => String(Math.round(x * 10) / 10);
  return `${round(bin.from)}–${round(bin.to)}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-histogram': VitalsHistogram;
  }
}
