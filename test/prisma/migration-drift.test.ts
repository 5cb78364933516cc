import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testEnv } from '../support/env';
import { databaseNameOf, databasesStartingWith, repoRoot, runPrismaCli } from './prisma-cli';

/**
 * The committed migrations must produce exactly prisma/schema.prisma: `migrate diff` replays them into a
 * shadow database and compares. Exit code 0 = no difference, 2 = difference.
 */
const schemaPath = path.join(repoRoot, 'prisma', 'schema.prisma');
const diffAgainst = (schemaFile: string) =>
  runPrismaCli(
    ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', schemaFile, '--exit-code'],
    testEnv.databaseUrl,
  );

describe('migrations', () => {
  it('produce exactly the schema in prisma/schema.prisma', async () => {
    const { exitCode, output } = await diffAgainst(schemaPath);

    expect(output).toContain('No difference detected');
    expect(exitCode).toBe(0);
  });

  it('are reported as drifted when the schema has changes no migration carries', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'omni-schema-'));
    try {
      const changed = readFileSync(schemaPath, 'utf8').replace(
        '  lastLoginAt    DateTime?',
        '  nickname       String?\n  lastLoginAt    DateTime?',
      );
      expect(changed).toContain('nickname');
      const changedSchema = path.join(dir, 'schema.prisma');
      writeFileSync(changedSchema, changed);

      const { exitCode, output } = await diffAgainst(changedSchema);

      expect(exitCode).toBe(2);
      expect(output).toMatch(/users[\s\S]*nickname/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leave no shadow database behind', async () => {
    await diffAgainst(schemaPath);

    const shadows = await databasesStartingWith(testEnv.databaseUrl, `${databaseNameOf(testEnv.databaseUrl)}_shadow_`);
    expect(shadows).toEqual([]);
  });
});
