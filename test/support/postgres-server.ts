import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a test PostgreSQL listens (a Unix socket in its temporary folder, and a free TCP port on localhost). */
export interface PostgresServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  stop(): void;
}

/**
 * Starts a throwaway PostgreSQL (Debian's `postgresql` package) for the tests: `initdb` refuses to
 * run as root, so as root the server runs as the `postgres` user (or `nobody`); its data and
 * socket live in a fresh temporary folder, it listens on a free port of localhost only, with
 * trust authentication, and `stop()` shuts it down and removes the folder. Throws with the reason
 * when it cannot start (no binaries, initdb or the server failing), so the caller can skip.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const asUser = serverUser();
  stopOrphans(bin, asUser);
  const folder = mkdtempSync(join(tmpdir(), FOLDER_PREFIX));
  chmodSync(folder, 0o777);
  writeFileSync(join(folder, OWNER_FILE), String(process.pid));
  const run = (tool: string, args: string[]) => {
    const command = asUser === null ? [join(bin, tool), ...args] : ['runuser', '-u', asUser, '--', join(bin, tool), ...args];
    const result = spawnSync(command[0] as string, command.slice(1), { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`${tool} failed: ${(result.stderr || result.stdout || String(result.error)).trim().split('\n').slice(-3).join(' ')}`);
  };
  const data = join(folder, 'data');
  const port = await freePort();
  let started = false;
  try {
    run('initdb', ['-D', data, '-U', 'vitals', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    const settings = `-k ${folder} -p ${port} -c listen_addresses=localhost -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(folder, 'server.log'), '-w', '-t', '60', 'start']);
    started = true;
  } catch (error) {
    if (started) stopServer(bin, asUser, data);
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    host: folder,
    port,
    user: 'vitals',
    database: 'postgres',
    stop() {
      stopServer(bin, asUser, data);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

const FOLDER_PREFIX = 'vitals-pg-';
/** The pid of the test run that started the server in this folder. */
const OWNER_FILE = 'owner.pid';

/**
 * A test run that was killed (so its teardown never ran) leaves its server running and its folder
 * behind. The next run stops each server whose owning run is gone, and removes its folder; servers
 * of runs still going (another checkout's, say) are left alone.
 */
function stopOrphans(bin: string, asUser: string | null): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const folder = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(folder, OWNER_FILE), 'utf8'));
    } catch {
      continue; // not ours to judge: a folder from before owner files, or one being created
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    if (existsSync(join(folder, 'data', 'postmaster.pid'))) stopServer(bin, asUser, join(folder, 'data'));
    rmSync(folder, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function stopServer(bin: string, asUser: string | null, data: string): void {
  const args = [join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
  const command = asUser === null ? args : ['runuser', '-u', asUser, '--', ...args];
  spawnSync(command[0] as string, command.slice(1), { stdio: 'ignore', timeout: 60_000 });
}

/** The server binaries: $VITALS_PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin. */
function postgresBin(): string {
  const fromEnv = process.env['VITALS_PG_BIN'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions[0] === undefined) throw new Error(`no PostgreSQL server binaries in ${root} (Debian package postgresql; .ci/run installs it) and VITALS_PG_BIN is not set`);
  return join(root, versions[0], 'bin');
}

/** Root cannot run initdb: the server runs as `postgres` (the Debian package's user) or `nobody`. */
function serverUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ['postgres', 'nobody']) {
    try {
      execFileSync('id', ['-u', user], { stdio: 'ignore' });
      return user;
    } catch {
      continue;
    }
  }
  throw new Error('running as root, and there is neither a postgres nor a nobody user to run the server as');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
