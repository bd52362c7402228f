import { css } from 'lit';

/** Shared look: tokens and the few patterns every panel uses (cards, headings, numbers, buttons). */
/** The colours and sizes every part uses, as custom properties: on the page (main.ts adopts it) and in each shadow root. */
export const tokens = css`
  :root,
  :host {
    --ink: #1d2430;
    --muted: #5b6574;
    --line: #dde2ea;
    --surface: #ffffff;
    --canvas: #f4f6f9;
    --accent: #1f5fbf;
    --accent-soft: #e8f0fc;
    --warn: #a15c00;
    --warn-soft: #fff4e0;
    --error: #b3261e;
    --error-soft: #fdecea;
    --radius: 8px;
  }
`;

/** Shared look: the tokens and the few patterns every panel uses (cards, headings, numbers, buttons, notices). */
export const theme = [
  tokens,
  css`
  :host {
    color: var(--ink);
    font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  .card,
  :host(.card) {
    background: var(--surface);
    border: 1px solid var(--line);
    border-radius: var(--radius);
    padding: 12px 14px;
  }
  h2 {
    font-size: 13px;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--muted);
    margin: 0 0 8px;
  }
  .num {
    font-variant-numeric: tabular-nums;
    text-align: right;
  }
  .muted {
    color: var(--muted);
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    border: 1px solid var(--line);
    background: var(--surface);
    border-radius: 6px;
    padding: 4px 10px;
    cursor: pointer;
  }
  button:hover {
    background: var(--accent-soft);
  }
  :focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    padding: 4px 8px;
    border-bottom: 1px solid var(--line);
    text-align: left;
  }
  th {
    font-weight: 600;
    color: var(--muted);
    font-size: 12px;
  }
  .warning {
    background: var(--warn-soft);
    border-left: 4px solid var(--warn);
    padding: 8px 12px;
    border-radius: 4px;
  }
  .alert {
    background: var(--error-soft);
    border-left: 4px solid var(--error);
    padding: 8px 12px;
    border-radius: 4px;
  }
`,
];
