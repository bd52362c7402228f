import { LitElement, html } from 'lit';

/**
 * An element that holds a Monaco editor. It renders into the light DOM: Monaco puts its styles in
 * the document, which a shadow root would keep out.
 */
export abstract class MonacoHost extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render() {
    return html`<div class="vitals-editor-host"></div>`;
  }

  /** The element Monaco is created in (after the first update). */
  protected get host(): HTMLElement {
    return this.querySelector('.vitals-editor-host') as HTMLElement;
  }
}
