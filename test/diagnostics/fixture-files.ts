import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bad-model fixtures: `test/fixtures/invalid/<code>.yaml`, variants `<code>--<what>.yaml`, and `combined/`. */
export const INVALID_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));

/** Fixture paths relative to the fixtures directory, e.g. `operand-type.yaml`, `combined/many-mistakes.yaml`. */
export function invalidFixtures(): string[] {
  return (readdirSync(INVALID_FIXTURES_DIR, { recursive: true }) as string[])
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.yaml'))
    .sort();
}

/** The code a top-level fixture is named after (`yaml-syntax--tab-indent.yaml` → `yaml-syntax`); undefined under `combined/`. */
export function fixtureCode(path: string): string | undefined {
  if (path.includes('/')) return undefined;
  return path.replace(/\.yaml$/, '').split('--')[0];
}
