// The page the element tests drive (served by Vite's dev server): the playground's elements
// without Monaco, and a way to mount one with its properties set.
import '../../src/accounts/vitals-account-detail.js';
import '../../src/accounts/vitals-accounts-table.js';
import { Chart } from '../../src/charts/chart.js';
import '../../src/charts/vitals-bar-chart.js';
import '../../src/charts/vitals-histogram.js';
import '../../src/data/vitals-data-picker.js';
import '../../src/editor/vitals-problems.js';
import '../../src/preview/vitals-data-summary.js';
import '../../src/preview/vitals-preview.js';
import type { LitElement } from 'lit';

declare global {
  interface Window {
    Chart: typeof Chart;
    /** Mounts `tag` with `props` as the only element on the stage; resolves once it has rendered. */
    mount(tag: string, props: Record<string, unknown>): Promise<LitElement>;
    /** Events of `type` the mounted element has emitted, as their detail. */
    events: Record<string, unknown[]>;
    harnessReady: boolean;
  }
}

window.Chart = Chart;
window.events = {};
window.mount = async (tag, props) => {
  const element = Object.assign(document.createElement(tag), props) as LitElement;
  for (const type of ['vitals-reveal', 'vitals-data-pick', 'vitals-example-pick', 'vitals-account-open']) {
    element.addEventListener(type, (event) => (window.events[type] ??= []).push((event as CustomEvent).detail));
  }
  window.events = {};
  document.getElementById('stage')?.replaceChildren(element);
  await element.updateComplete;
  return element;
};
window.harnessReady = true;
