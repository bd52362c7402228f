/**
 * The frame of every self-contained HTML page (`report --html`, `backtest --html`, `diff` and `simulate --html`). Chart.js is
 * inlined (its UMD build) rather than loaded from a CDN, so a page works offline, attached to a
 * ticket or an email, makes no third-party request when opened, and shows the chart library
 * version this CLI was tested with. Model text is untrusted: every string reaches the page escaped,
 * the data sits as JSON in a non-executable script element, and the page's CSP forbids any network
 * access.
 */
export function chartPage(page: { readonly title: string; readonly body: string; readonly data: unknown; readonly chartJsSource: string; readonly script: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:">
<title>${esc(page.title)}</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: #1b1b1b; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  .meta { color: #555; } .warning { background: #fff4e5; border-left: 4px solid #f9a825; padding: .6rem 1rem; margin: 1rem 0; }
  .summary { background: #eef4fb; border-left: 4px solid #1565c0; padding: .6rem 1rem; margin: 1rem 0; } pre { background: #f6f8fa; padding: .75rem; overflow-x: auto; }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1.5rem; }
  .chart { position: relative; height: 18rem; } table { border-collapse: collapse; } th, td { padding: .25rem .75rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } table.book td { max-width: 22rem; overflow-wrap: anywhere; } .auc { font-size: 1.3rem; font-weight: 600; }
</style>
</head>
<body>
${page.body}
<script id="vitals-data" type="application/json">${jsonForScript(page.data)}</script>
<script>${scriptSafe(page.chartJsSource)}</script>
<script>${page.script}</script>
</body>
</html>
`;
}

/** HTML text and attribute escaping. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a script element: `<` escaped, so no `</script>` or `<!--` can end or bend the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function scriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
