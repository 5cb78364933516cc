import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { waitUntil } from '../bench/pickup/wait-until';

/**
 * A PostgreSQL server of the chaos run's own (initdb in the run directory, a free port, trust auth on
 * 127.0.0.1 only), so the suite can restart it under load without touching the machine's shared server
 * or anybody else's databases. Debian's binaries (/usr/lib/postgresql/<version>/bin, or
 * CHAOS_POSTGRES_BIN_DIR); PostgreSQL refuses to run as root, so as root the server runs as the
 * `postgres` user (runuser), which owns the data directory.
 */
export class PrivatePostgres {
  private constructor(
    private readonly binDir: string,
    private readonly dataDir: string,
    readonly port: number,
    private readonly logFile: string,
  ) {}

  /** postgres@127.0.0.1:<port>/<database>. */
  urlFor(database: string): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  static findBinDir(configured: string | undefined): string {
    if (configured !== undefined) return configured;
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root)
      ? readdirSync(root)
          .filter((name) => existsSync(path.join(root, name, 'bin', 'pg_ctl')))
          .sort((a, b) => Number(b) - Number(a))
      : [];
    if (versions[0] === undefined)
      throw new Error(
        'No PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql), or set CHAOS_POSTGRES_BIN_DIR',
      );
    return path.join(root, versions[0], 'bin');
  }

  /**
   * initdb + start in a temporary directory of its own (the postgres user must be able to reach it, which
   * the run directory's mode 700 forbids); resolves once the server accepts connections.
   */
  static async start(options: { binDir: string; port: number; timeoutMs: number }): Promise<PrivatePostgres> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'omnichannel-chaos-postgres-'));
    const dataDir = path.join(dir, 'data');
    const logFile = path.join(dir, 'postgres.log');
    mkdirSync(dataDir, { recursive: true });
    const server = new PrivatePostgres(options.binDir, dataDir, options.port, logFile);
    if (process.getuid?.() === 0) {
      chmodSync(dir, 0o755);
      execFileSync('chown', ['-R', 'postgres:postgres', dir]);
    }
    server.run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await server.startServer(options.timeoutMs);
    return server;
  }

  /**
   * The fault: an immediate shutdown (no checkpoint, every connection cut, as a crash or a kill of the
   * postmaster would), then a start, which replays the WAL. Resolves once it accepts connections again.
   */
  async crashAndRestart(downMs: number, timeoutMs: number): Promise<void> {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.startServer(timeoutMs);
  }

  /** Where its data and log are (left for inspection, like the run's other logs). */
  get directory(): string {
    return path.dirname(this.dataDir);
  }

  stop(): void {
    try {
      this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already down.
    }
  }

  private async startServer(timeoutMs: number): Promise<void> {
    const options = `-p ${this.port} -k ${this.dataDir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
    this.run('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-o', options, '-w', '-t', String(Math.ceil(timeoutMs / 1000)), 'start']);
    await waitUntil(`the private PostgreSQL on port ${this.port}`, () => this.answers(), { timeoutMs });
  }

  private async answers(): Promise<boolean> {
    const client = new Client({ connectionString: this.urlFor('postgres'), connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private run(tool: string, args: string[]): void {
    const binary = path.join(this.binDir, tool);
    if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', binary, ...args], { stdio: 'pipe' });
    else execFileSync(binary, args, { stdio: 'pipe' });
  }
}
