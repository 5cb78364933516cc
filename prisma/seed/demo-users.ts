import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The demo logins live in JSON (prisma/seed-data/demo-users.json) because the bootstrap, a plain .mjs
 * script, prints them when `npm run dev` is up. The seed validates the file before trusting it.
 */
const demoUsersFileSchema = z.object({
  password: z.string().min(8),
  users: z
    .array(
      z.object({
        email: z.email().refine((email) => email === email.toLowerCase(), 'must be lower-case'),
        name: z.string().min(1),
        role: z.enum(['ADMIN', 'OPS_LEAD', 'STORE_STAFF']),
        storeCode: z.string().nullable(),
        isStoreManager: z.boolean(),
      }),
    )
    .min(1),
});

export type DemoUsersFile = z.infer<typeof demoUsersFileSchema>;
export type DemoUser = DemoUsersFile['users'][number];

export const DEMO_USERS_FILE = path.join(__dirname, '..', 'seed-data', 'demo-users.json');

export function readDemoUsers(file = DEMO_USERS_FILE): DemoUsersFile {
  return demoUsersFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
