import type { Plugin } from 'vite';

/**
 * The dev server (npm start) talks to the page over a WebSocket for hot reloading: its page's CSP
 * also allows that connection. The built site's policy stays as index.html writes it.
 */
export function devServerCsp(): Plugin {
  return {
    name: 'vitals-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
  };
}
