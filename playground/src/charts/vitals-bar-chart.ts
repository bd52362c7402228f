import { LitElement, css, html } from 'lit';
import { chartStyles } from './chart-styles.js';
import { customElement, property, query } from 'lit/decorators.js';
import { drawChart, type Chart } from './chart.js';

/**
 * A labelled bar chart (Chart.js): one bar per label, with axis titles. Horizontal by default,
 * since the labels are names (bands, categories, playbooks). A visually hidden table carries the
 * same numbers for screen readers.
 */
@customElement('vitals-bar-chart')
export class VitalsBarChart extends LitElement {
  static override styles = [chartStyles, css`
    :host {
      --chart-height: 180px;
    }
  `];

  /** What the chart shows, for assistive technology. */
  @property() label = '';
  @property({ attribute: false }) labels: readonly string[] = [];
  @property({ attribute: false }) values: readonly (number | null)[] = [];
  @property({ attribute: false }) colours: readonly string[] | string = '#1f5fbf';
  @property() valueTitle = '';
  @property({ type: Number }) min: number | undefined;
  @property({ type: Number }) max: number | undefined;
  /** Formats a value for the tooltip and the table. */
  @property({ attribute: false }) format: (value: number) => string = (value) => String(value);

  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart: Chart | undefined;

  protected override render() {
    return html`<canvas role="img" aria-label=${this.label}></canvas>
      <table class="sr-only">
        <caption>${this.label}</caption>
        ${this.labels.map((l, i) => html`<tr><th scope="row">${l}</th><td>${this.values[i] === null ? '—' : this.format(this.values[i] as number)}</td></tr>`)}
      </table>`;
  }

  protected override updated(): void {
    const format = this.format;
    this.chart = drawChart(this.chart, this.canvas, {
      type: 'bar',
      data: { labels: [...this.labels], datasets: [{ data: [...this.values], backgroundColor: this.colours as string[], borderRadius: 3, maxBarThickness: 28 }] },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => format(item.parsed.x ?? 0) } } },
        scales: {
          x: { min: this.min, max: this.max, beginAtZero: this.min === undefined, title: { display: this.valueTitle !== '', text: this.valueTitle } },
          // Names are shortened to fit about 40% of the chart's width; the tooltip and the table have them whole.
          y: { grid: { display: false }, ticks: { callback: (_value, index) => shorten(this.labels[index] ?? '', Math.max(12, Math.floor(this.clientWidth / 17))) } },
        },
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }
}

/** A label that fits beside a bar; the whole one is in the tooltip and the table. */
function shorten(label: string, length: number): string {
  return label.length <= length ? label : `${label.slice(0, length - 1)}…`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-bar-chart': VitalsBarChart;
  }
}
