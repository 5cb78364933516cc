import { z } from 'zod';

/**
 * Build-time settings (Vite exposes `VITE_*` variables to the bundle). The defaults fit the normal
 * deployment, where the API serves this UI and answers on the same origin under /api.
 */
const adminConfigSchema = z.object({
  VITE_API_BASE_URL: z.string().min(1).default('/api'),
  /**
   * Available stock at or below this is shown as low. Keep it equal to the API's LOW_STOCK_THRESHOLD,
   * which decides what the "low stock" filter returns.
   */
  VITE_LOW_STOCK_THRESHOLD: z.coerce.number().int().min(0).default(5),
  /** Rows per page in lists (the API caps pages at its LIST_MAX_PAGE_SIZE). */
  VITE_LIST_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(25),
  /**
   * How dates and times are written (BCP 47). The stores are European: day before month, 24-hour clock;
   * the time zone is always the store's own (its `timeZone`).
   */
  VITE_DATE_LOCALE: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .default('en-GB'),
  /** How often an open task inbox (and the menu's open-task counts) asks the API again. */
  VITE_INBOX_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
});

function parseAdminConfig(env: Record<string, unknown>) {
  const result = adminConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new Error(`Invalid admin UI build settings: ${problems}`);
}

const parsed = parseAdminConfig(import.meta.env);

export const adminConfig = {
  apiBaseUrl: parsed.VITE_API_BASE_URL.replace(/\/$/, ''),
  lowStockThreshold: parsed.VITE_LOW_STOCK_THRESHOLD,
  listPageSize: parsed.VITE_LIST_PAGE_SIZE,
  dateLocale: parsed.VITE_DATE_LOCALE,
  inboxRefreshMs: parsed.VITE_INBOX_REFRESH_SECONDS * 1000,
} as const;
