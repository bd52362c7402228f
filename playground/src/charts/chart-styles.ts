import { css } from 'lit';

/** A chart element: a block as tall as `--chart-height`, and the visually hidden table of its numbers. */
export const chartStyles = css`
  :host {
    display: block;
    position: relative;
    height: var(--chart-height, 200px);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
`;
