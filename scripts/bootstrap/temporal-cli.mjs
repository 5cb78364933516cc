/**
 * The `temporal` CLI that runs the dev server. No prebuilt binary can be downloaded on our machines, so
 * when it is not installed we build it from the Go module proxy (minutes the first time; Go's caches make
 * later builds quick).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { goInstall, goInstallDir, isExecutable, onPath } from './go-install.mjs';
import { say } from './output.mjs';

const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

/**
 * @param {{ temporalCliPath?: string, temporalCliVersion: string }} settings
 * @returns {Promise<string>} path of a runnable `temporal` binary
 */
export async function findOrBuildTemporalCli({ temporalCliPath, temporalCliVersion }) {
  if (temporalCliPath) {
    if (!isExecutable(temporalCliPath)) throw new Error(`TEMPORAL_CLI=${temporalCliPath} is not an executable file`);
    return temporalCliPath;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  if (!onPath('go')) {
    throw new Error(
      'the Temporal CLI is not installed and Go is not available to build it: install `temporal` (or Go) and run again, or set TEMPORAL_CLI to its path',
    );
  }
  const installDir = await goInstallDir();
  const installed = installDir && join(installDir, 'temporal');
  if (installed && existsSync(installed) && isExecutable(installed)) return installed;
  if (!installed) throw new Error('`go env GOPATH` named no directory to install the Temporal CLI into');
  say('the first build takes several minutes (later runs reuse it)');
  return goInstall({ what: 'the Temporal CLI', target: `${TEMPORAL_CLI_MODULE}@${temporalCliVersion}`, expect: installed });
}
