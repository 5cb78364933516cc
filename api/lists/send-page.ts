import { type Response } from 'express';
import { type Page, setContentRange } from './pagination';

/** Runs the page query and the count together and answers in react-admin's list format. */
export async function sendPage<Row>(
  res: Response,
  resource: string,
  page: Page,
  query: { rows: Promise<Row[]>; total: Promise<number> },
): Promise<Row[]> {
  const [rows, total] = await Promise.all([query.rows, query.total]);
  setContentRange(res, resource, page, rows.length, total);
  return rows;
}
