import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second, the unit of /proc CPU times (almost always 100). */
const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; undefined once it is gone. */
export function processCpuSeconds(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name may contain spaces and parentheses: the fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, i.e. 11 and 12 counted from the state field.
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/** Busy and total CPU seconds of the whole machine (all cores), from the first line of /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...values] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
  const ticks = values.map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { busy: (total - idle) / clockTicksPerSecond, total: total / clockTicksPerSecond };
}

/**
 * Seconds the threads of a process spent runnable but waiting for a core (field 2 of each thread's
 * /proc/<pid>/task/<tid>/schedstat). Growing fast means the process was starved of CPU, whoever used it.
 */
export function processCpuWaitSeconds(pid: number): number | undefined {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let waitedNs = 0;
  for (const thread of threads) {
    try {
      waitedNs += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[1] ?? 0);
    } catch {
      // The thread ended between listing and reading: its wait is lost, which only understates.
    }
  }
  return waitedNs / 1e9;
}
