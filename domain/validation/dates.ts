import { z } from 'zod';

/**
 * Instants the API accepts: ISO 8601 with an offset (or Z), between these years. PostgreSQL has no year
 * 0 and JavaScript accepts years it cannot store, so a date outside business time is a field error.
 */
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 9999;

export function isoDateTime() {
  return z.iso.datetime({ offset: true }).refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
  }, `must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);
}
