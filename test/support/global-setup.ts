import type { TestProject } from 'vitest/node';
import { startPostgres, type PostgresServer } from './postgres-server.js';

/** Where the suites find the test PostgreSQL, or why there is none. */
export type PostgresConnection = { host: string; port: number; user: string; database: string } | { unavailable: string };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresConnection;
  }
}

/**
 * One throwaway PostgreSQL for the whole run (the conformance suites and the example models run
 * on it), stopped after the run — and on an interrupted one. VITALS_POSTGRES=off skips it; when
 * it cannot start, the PostgreSQL tests are skipped with the reason, and CI (which installs the
 * server) fails instead, because a skip there would hide a missing engine.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  let server: PostgresServer | undefined;
  if (process.env['VITALS_POSTGRES'] === 'off') {
    project.provide('postgres', { unavailable: 'VITALS_POSTGRES=off' });
    return () => undefined;
  }
  try {
    server = await startPostgres();
    const running = server;
    process.once('exit', () => running.stop());
    project.provide('postgres', { host: server.host, port: server.port, user: server.user, database: server.database });
  } catch (error) {
    const reason = (error as Error).message;
    if (process.env['CI'] === 'true') throw new Error(`PostgreSQL could not start for the tests: ${reason}`);
    process.stderr.write(`\nvitals tests: PostgreSQL could not start, its tests are skipped: ${reason}\n\n`);
    project.provide('postgres', { unavailable: reason });
  }
  return () => server?.stop();
}
