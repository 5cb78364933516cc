import os from 'node:os';
import { chromium } from 'playwright-core';
import { loadConfigOrExit } from '../domain/config';
import { adminFirstLoadBenchSchema } from './admin-first-load/config';
import { type FirstLoad, measureFirstLoad } from './admin-first-load/measure';
import { printTable } from './support/print-table';

/**
 * How long a first visit to the admin UI takes until the login form shows, on a throttled network and
 * CPU, in Debian's Chromium through playwright-core. Needs a running API serving /admin (`npm run dev`).
 */
export async function runAdminFirstLoadBench(): Promise<void> {
  const config = loadConfigOrExit(adminFirstLoadBenchSchema, 'bench:admin-first-load');
  console.log(
    `admin first load: ${config.API_URL}/admin/, ${config.BENCH_FIRST_LOAD_MBIT} Mbit/s, +${config.BENCH_FIRST_LOAD_LATENCY_MS} ms RTT, ` +
      `${config.BENCH_FIRST_LOAD_CPU_SLOWDOWN}x CPU slowdown, ${config.BENCH_FIRST_LOAD_RUNS} cold runs; ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(2)}`,
  );
  const browser = await chromium.launch({
    executablePath: config.CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const runs: FirstLoad[] = [];
    for (let run = 1; run <= config.BENCH_FIRST_LOAD_RUNS; run++) runs.push(await measureFirstLoad(browser, config));
    const row = (label: string, load: FirstLoad) => ({
      run: label,
      'login form ms': Math.round(load.loginFormMs),
      'transferred KB': Math.round(load.transferredBytes / 1024),
      'decoded KB': Math.round(load.decodedBytes / 1024),
      requests: load.requests,
    });
    const median = [...runs].sort((a, b) => a.loginFormMs - b.loginFormMs)[Math.floor(runs.length / 2)];
    printTable([...runs.map((load, index) => row(String(index + 1), load)), ...(median ? [row('median', median)] : [])]);
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  runAdminFirstLoadBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
