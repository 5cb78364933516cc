import { type ActivityDeps } from './deps';
import { createReadDatabaseClock } from './system/read-database-clock';

/**
 * Builds every activity the worker registers from its injected dependencies. Workflows import the
 * *type* of this object (`import type { Activities }`) for proxyActivities, never its code.
 */
export function createActivities(deps: ActivityDeps) {
  return {
    readDatabaseClock: createReadDatabaseClock(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { ActivityDeps } from './deps';
