/**
 * What cluster mode runs: the real Temporal server (`go.temporal.io/server/cmd/server`) and its schema
 * tool (`cmd/tools/sql`, temporal-sql-tool), both built from the Go module proxy the first time they are
 * needed, plus the module's own schemas and sample config. Built into a directory per server version
 * (default `$(go env GOPATH)/bin/temporal-server-<version>/`, not on PATH: the binaries are called plain
 * `server` and `sql`), shared by every checkout on the machine, so a second checkout or a CI clone reuses
 * them. Only cluster mode calls this: the dev server path never builds them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { goInstall, goInstallDir, goModuleDir, isExecutable, onPath } from './go-install.mjs';
import { say } from './output.mjs';

const SERVER_MODULE = 'go.temporal.io/server';

/**
 * @typedef {object} TemporalClusterBinaries
 * @property {string} server
 * @property {string} sqlTool
 * @property {string} moduleDir the module's source: schema/ and config/ come from here
 * @property {string} version
 */

/**
 * @param {{ temporalServerVersion: string, temporalServerBinDir: string | undefined }} settings
 * @returns {Promise<TemporalClusterBinaries>}
 */
export async function findOrBuildClusterBinaries({ temporalServerVersion: version, temporalServerBinDir }) {
  if (!onPath('go')) {
    throw new Error(
      `cluster mode builds the Temporal server ${version} with Go and reads its schemas from the Go module: install Go (or use the dev server, TEMPORAL_MODE=dev)`,
    );
  }
  const binDir = temporalServerBinDir ?? join((await goInstallDir()) ?? '', `temporal-server-${version}`);
  if (!binDir.startsWith('/')) throw new Error('`go env GOPATH` named no directory to build the Temporal server into');
  mkdirSync(binDir, { recursive: true });
  const server = join(binDir, 'server');
  const sqlTool = join(binDir, 'sql');
  if (!isExecutable(server)) {
    say(`cluster mode: the Temporal server ${version} is not built yet (a few minutes once; later runs reuse ${binDir})`);
    await goInstall({ what: `the Temporal server ${version}`, target: `${SERVER_MODULE}/cmd/server@${version}`, binDir, expect: server });
  }
  if (!isExecutable(sqlTool)) {
    await goInstall({ what: `temporal-sql-tool ${version}`, target: `${SERVER_MODULE}/cmd/tools/sql@${version}`, binDir, expect: sqlTool });
  }
  const moduleDir = await goModuleDir(`${SERVER_MODULE}@${version}`);
  for (const part of [
    'schema/postgresql/v12/temporal/versioned',
    'schema/postgresql/v12/visibility/versioned',
    'config/development-postgres12.yaml',
  ]) {
    if (!existsSync(join(moduleDir, part))) throw new Error(`${SERVER_MODULE}@${version} has no ${part} (in ${moduleDir})`);
  }
  return { server, sqlTool, moduleDir, version };
}
