import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

export interface BenchChild {
  name: string;
  pid: number;
  logFile: string;
  /** Set once the process has ended, e.g. "exited with code 1"; a readiness wait gives up on it. */
  exitDescription(): string | undefined;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs: number): Promise<void>;
}

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stdout and stderr both go here, so the bench's own output stays a readable report. */
  logFile: string;
}

/**
 * One process of the bench's private stack. Each is a direct child (no shell, no npx wrapper), so its
 * pid is the process doing the work: that is what the CPU sampler reads and what stop() signals.
 */
export function startChild(spec: ChildSpec): BenchChild {
  const log = openSync(spec.logFile, 'a');
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`${spec.name} did not start (${spec.command}); see ${spec.logFile}`);
  const pid = child.pid;
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal === null ? `exited with code ${code}` : `was stopped by ${signal}`;
      resolve();
    }),
  );
  child.once('error', (error) => (exit = `failed to start: ${error.message}`));

  return {
    name: spec.name,
    pid,
    logFile: spec.logFile,
    exitDescription: () => exit,
    async stop(graceMs) {
      if (exit !== undefined) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killTimer);
    },
  };
}
