import { type Browser } from 'playwright-core';
import { type AdminFirstLoadBenchConfig } from './config';

export interface FirstLoad {
  /** From navigation start to the login form's password field being visible. */
  loginFormMs: number;
  /** Bytes over the wire (compressed, headers excluded) for the document and everything it loaded. */
  transferredBytes: number;
  /** The same resources uncompressed. */
  decodedBytes: number;
  requests: number;
}

interface ResourceSizes {
  transferSize: number;
  decodedBodySize: number;
}

/**
 * One cold visit in a fresh browser context (empty cache and storage), throttled through the Chrome
 * DevTools Protocol the way DevTools' own throttling does it: bandwidth and latency for every request,
 * and the renderer's CPU slowed down by a factor.
 */
export async function measureFirstLoad(browser: Browser, config: AdminFirstLoadBenchConfig): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const devtools = await context.newCDPSession(page);
    const bytesPerSecond = (config.BENCH_FIRST_LOAD_MBIT * 1_000_000) / 8;
    await devtools.send('Network.enable');
    await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: config.BENCH_FIRST_LOAD_LATENCY_MS,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: config.BENCH_FIRST_LOAD_CPU_SLOWDOWN });
    const startedAt = performance.now();
    await page.goto(`${config.API_URL.replace(/\/$/, '')}/admin/#/login`, { timeout: config.BENCH_FIRST_LOAD_TIMEOUT_MS });
    await page.locator('input[name="password"]').waitFor({ state: 'visible', timeout: config.BENCH_FIRST_LOAD_TIMEOUT_MS });
    const loginFormMs = performance.now() - startedAt;
    const entries = await page.evaluate(() =>
      (['navigation', 'resource'] as const)
        .flatMap((type) => performance.getEntriesByType(type as 'resource'))
        .map((entry) => {
          // Runs in the page, where these are PerformanceResourceTiming/PerformanceNavigationTiming entries.
          const timing = entry as unknown as ResourceSizes;
          return { transferSize: timing.transferSize, decodedBodySize: timing.decodedBodySize };
        }),
    );
    return { loginFormMs, requests: entries.length, ...sumSizes(entries) };
  } finally {
    await context.close();
  }
}

function sumSizes(entries: ResourceSizes[]): { transferredBytes: number; decodedBytes: number } {
  return entries.reduce(
    (sum, entry) => ({
      transferredBytes: sum.transferredBytes + entry.transferSize,
      decodedBytes: sum.decodedBytes + entry.decodedBodySize,
    }),
    { transferredBytes: 0, decodedBytes: 0 },
  );
}
