import { ArcElement, BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { BandPlan } from '@vitals/core';

// Only the parts the playground draws, so the bundle carries no unused chart types.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, ArcElement);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
Chart.defaults.color = '#5b6574';
// The preview redraws as the person types: animation would show a number that is already old.
Chart.defaults.animation = false;

const FALLBACK_COLOURS = ['#c62828', '#f9a825', '#2e7d32', '#1565c0', '#6a1b9a', '#00838f', '#5d4037', '#455a64'];

/** Each band's colour: the model's `color`, or one of a fixed set (worst band red, as CS teams read it). */
export function bandColours(bands: BandPlan): string[] {
  return bands.names.map((_, i) => bands.colors[i] ?? (FALLBACK_COLOURS[i % FALLBACK_COLOURS.length] as string));
}

/** The band a score falls in: a score equal to a threshold belongs to the band above. */
export function bandIndex(bands: BandPlan, score: number): number {
  const i = bands.thresholds.findIndex((t) => score < t);
  return i < 0 ? bands.thresholds.length : i;
}

/** A chart bound to a canvas: created once, then its data replaced in place on every update. */
export function drawChart(existing: Chart | undefined, canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  if (existing === undefined || existing.canvas !== canvas || (existing.config as ChartConfiguration).type !== config.type) {
    existing?.destroy();
    return new Chart(canvas, config);
  }
  existing.data = config.data;
  existing.options = config.options ?? {};
  existing.update('none');
  return existing;
}

export { Chart };
export type { ChartConfiguration };
