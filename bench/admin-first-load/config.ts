import { z } from 'zod';

/** Settings of the admin-first-load bench; the figures depend on every one of them, so they are printed too. */
export const adminFirstLoadBenchSchema = z.object({
  /** The API serving the built admin UI at /admin (`npm run dev` prints it). */
  API_URL: z.url().default('http://127.0.0.1:3000'),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Cold loads measured (each in a fresh profile, so nothing is cached); the summary is their median. */
  BENCH_FIRST_LOAD_RUNS: z.coerce.number().int().min(1).max(50).default(5),
  /** Emulated downstream bandwidth in megabits per second (a shop's shared Wi-Fi or a phone on 4G). */
  BENCH_FIRST_LOAD_MBIT: z.coerce.number().min(0.1).max(10_000).default(10),
  /** Emulated round-trip latency added to every request. */
  BENCH_FIRST_LOAD_LATENCY_MS: z.coerce.number().int().min(0).max(10_000).default(40),
  /** CPU slowdown factor (Chrome DevTools' "4x slowdown" stands for a mid-range phone). */
  BENCH_FIRST_LOAD_CPU_SLOWDOWN: z.coerce.number().min(1).max(20).default(4),
  /** Per run: how long the login form may take before the run counts as failed. */
  BENCH_FIRST_LOAD_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
});

export type AdminFirstLoadBenchConfig = z.infer<typeof adminFirstLoadBenchSchema>;
