import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Diagnostic } from '@vitals/core';
import { RevealEvent } from '../events.js';
import { theme } from '../styles/theme.js';

/** The model's problems as a list: each says where it is and jumps there when chosen. */
@customElement('vitals-problems')
export class VitalsProblems extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li button {
        display: grid;
        grid-template-columns: 1.2em 5.5em 1fr;
        gap: 6px;
        width: 100%;
        text-align: left;
        border: 0;
        border-radius: 0;
        border-bottom: 1px solid var(--line);
        padding: 5px 8px;
        background: none;
      }
      li button:hover,
      li button:focus-visible {
        background: var(--accent-soft);
      }
      .error .icon {
        color: var(--error);
      }
      .warning .icon,
      .info .icon {
        color: var(--warn);
      }
      .where {
        font-variant-numeric: tabular-nums;
        color: var(--muted);
      }
      .code {
        color: var(--muted);
        font-size: 12px;
      }
      .hint {
        display: block;
        color: var(--muted);
      }
      .none {
        padding: 6px 8px;
        color: var(--muted);
      }
    `,
  ];

  @property({ attribute: false }) diagnostics: readonly Diagnostic[] = [];

  protected override render() {
    const errors = this.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = this.diagnostics.length - errors;
    return html`
      <h2 id="heading">Problems <span class="muted">${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}</span></h2>
      ${this.diagnostics.length === 0
        ? html`<p class="none">No problems: the model compiles.</p>`
        : html`<ul aria-labelledby="heading">
            ${this.diagnostics.map(
              (d) => html`<li class=${d.severity}>
                <button @click=${() => this.dispatchEvent(new RevealEvent(d.line, d.column))} title="Go to line ${d.line}, column ${d.column}">
                  <span class="icon" aria-label=${d.severity}>${d.severity === 'error' ? '✕' : '!'}</span>
                  <span class="where">${d.line}:${d.column}</span>
                  <span>${d.message} <span class="code">${d.code}</span>${d.hint === undefined ? '' : html`<span class="hint">hint: ${d.hint}</span>`}</span>
                </button>
              </li>`,
            )}
          </ul>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vitals-problems': VitalsProblems;
  }
}
