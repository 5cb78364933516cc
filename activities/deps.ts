import { type PrismaClient } from '../prisma/client';

/** What every activity factory may use. One instance of each per worker process, injected. */
export interface ActivityDeps {
  prisma: PrismaClient;
}
