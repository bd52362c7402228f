import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium; .ci/run installs it when missing). No test tool downloads a browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, and nothing that reaches the network on its own (the machine has none; CI neither). */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] as const;

/**
 * The one way tests start a browser: Debian's Chromium driven by playwright-core. Every browser
 * test (the playground's, the HTML report's screenshot) goes through here, so the flags and the
 * executable are set once. Close what it returns.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS], headless: true });
}
