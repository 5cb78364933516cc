import { type Response } from 'express';

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

export interface Page {
  skip: number;
  take: number;
}

/** The rows to fetch for a requested range, capped so no request can ask for the whole table. */
export function pageFor(range: { start: number; end: number } | undefined, limits: PageLimits): Page {
  if (range === undefined) return { skip: 0, take: limits.defaultPageSize };
  return { skip: range.start, take: Math.min(range.end - range.start + 1, limits.maxPageSize) };
}

/**
 * react-admin reads the total from `Content-Range: <resource> <first>-<last>/<total>`; browsers only let
 * it read that header when it is exposed, including for the admin UI's dev server on another origin.
 */
export function setContentRange(res: Response, resource: string, page: Page, returned: number, total: number): void {
  const rows = returned === 0 ? '*' : `${page.skip}-${page.skip + returned - 1}`;
  res.setHeader('Content-Range', `${resource} ${rows}/${total}`);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
}
