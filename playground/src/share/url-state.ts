import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/**
 * What a link carries: the model as edited, the example it started from (its data is loaded), the
 * as-of date. A link with only an example (`#example=lifecycle-b2b`) opens that example as it is.
 */
export interface SharedState {
  readonly model: string | null;
  readonly example: string | null;
  readonly asOf: string | null;
}

/**
 * The state in the URL's fragment, the model compressed (lz-string, URL-safe). The fragment is
 * never sent to a server, so a shared model stays between the people who share the link.
 */
export function encodeState(state: SharedState): string {
  const params = new URLSearchParams();
  if (state.model !== null) params.set('model', compressToEncodedURIComponent(state.model));
  if (state.example !== null) params.set('example', state.example);
  if (state.asOf !== null) params.set('as-of', state.asOf);
  return `#${params.toString()}`;
}

/** The state a link carries, or null when the fragment holds none (or only a damaged model). */
export function decodeState(hash: string): SharedState | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get('model');
  const model = packed === null ? null : decompressFromEncodedURIComponent(packed) || null;
  const example = params.get('example');
  if (model === null && (packed !== null || example === null)) return null;
  const asOf = params.get('as-of');
  return { model, example, asOf: asOf !== null && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null };
}

/** Offers text as a file download (no server: a blob URL). */
export function download(name: string, text: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
