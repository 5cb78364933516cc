import { TooManyRequestsError } from '../../domain/errors';
import { type PrismaClient } from '../../prisma/client';

export interface LoginThrottleSettings {
  /** Attempts on one account (email) per window that may fail before further ones are refused. */
  maxAttemptsPerAccount: number;
  /** Attempts from one client address per window that may fail before further ones are refused. */
  maxAttemptsPerIp: number;
  windowSeconds: number;
}

export interface LoginAttempt {
  email: string;
  ip: string;
}

export interface LoginThrottle {
  /** Counts the attempt before the password is checked; 429 (TooManyRequestsError) when either count is over its limit. */
  admit(attempt: LoginAttempt): Promise<void>;
  /** The password was right: the account starts afresh and the attempt no longer counts against the address. */
  succeeded(attempt: LoginAttempt): Promise<void>;
}

interface CounterRow {
  key: string;
  attempts: number;
  retry_after_seconds: number;
}

const accountKey = (email: string) => `account:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

function minutesText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Login rate limits kept in PostgreSQL, so every API process shares them. Each attempt is counted
 * *before* its password is verified (one atomic upsert per key, fixed windows): a burst of parallel
 * guesses cannot all slip through between a check and an increment, and a refused attempt costs no
 * argon2 work. A success undoes its own count, so the counters hold the attempts that failed.
 * Unknown emails are counted like real ones, so a 429 tells nothing about which accounts exist.
 */
export function createLoginThrottle(prisma: PrismaClient, settings: LoginThrottleSettings): LoginThrottle {
  const { windowSeconds } = settings;
  let lastSweepAt = 0;
  /** Windows long over are of no use to anyone: swept at most once a window per process, not on every attempt. */
  async function sweepOldWindows(): Promise<void> {
    if (Date.now() - lastSweepAt < windowSeconds * 1000) return;
    lastSweepAt = Date.now();
    await prisma.$executeRaw`DELETE FROM login_attempt_counters WHERE window_started_at < now() - ${2 * windowSeconds}::int * interval '1 second'`;
  }
  return {
    async admit({ email, ip }) {
      // Keys in a fixed order (account before address) so concurrent upserts never wait on each other in a cycle.
      const rows = await prisma.$queryRaw<CounterRow[]>`
        INSERT INTO login_attempt_counters AS c (key, attempts, window_started_at)
        VALUES (${accountKey(email)}, 1, now()), (${ipKey(ip)}, 1, now())
        ON CONFLICT (key) DO UPDATE SET
          attempts = CASE WHEN c.window_started_at <= now() - ${windowSeconds}::int * interval '1 second' THEN 1 ELSE c.attempts + 1 END,
          window_started_at = CASE WHEN c.window_started_at <= now() - ${windowSeconds}::int * interval '1 second' THEN now() ELSE c.window_started_at END
        RETURNING key, attempts,
          GREATEST(1, CEIL(EXTRACT(EPOCH FROM window_started_at + ${windowSeconds}::int * interval '1 second' - now())))::int AS retry_after_seconds`;
      await sweepOldWindows();
      const over = rows.filter((row) =>
        row.key.startsWith('account:') ? row.attempts > settings.maxAttemptsPerAccount : row.attempts > settings.maxAttemptsPerIp,
      );
      if (over.length > 0) {
        const retryAfterSeconds = Math.max(...over.map((row) => row.retry_after_seconds));
        throw new TooManyRequestsError(`Too many sign-in attempts. Try again in ${minutesText(retryAfterSeconds)}.`, retryAfterSeconds);
      }
    },

    async succeeded({ email, ip }) {
      await prisma.$transaction([
        prisma.loginAttemptCounter.deleteMany({ where: { key: accountKey(email) } }),
        prisma.$executeRaw`UPDATE login_attempt_counters SET attempts = GREATEST(attempts - 1, 0) WHERE key = ${ipKey(ip)}`,
      ]);
    },
  };
}
