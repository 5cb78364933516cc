import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './bootstrap-process';

/**
 * docker-compose.yml cannot run here (no Docker engine), so a machine checks that its Temporal is the one
 * `npm test` runs in cluster mode: the bootstrap's defaults (scripts/bootstrap/settings.mjs) for server
 * version, history shards and retention, our database names, and domain/search-attributes.json.
 */
interface ComposeService {
  image: string;
  environment?: Record<string, string | number>;
  command?: string[];
}

const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> };
const settingsSource = readFileSync(join(repoRoot, 'scripts', 'bootstrap', 'settings.mjs'), 'utf8');

function bootstrapDefault(pattern: RegExp): string {
  const match = pattern.exec(settingsSource);
  if (!match?.[1]) throw new Error(`no default matching ${String(pattern)} in settings.mjs`);
  return match[1];
}

const serverVersion = bootstrapDefault(/TEMPORAL_SERVER_VERSION \|\| '(v[\d.]+)'/).replace(/^v/, '');
const shards = bootstrapDefault(/integerVariable\('TEMPORAL_HISTORY_SHARDS', (\d+)/);
const retentionDays = bootstrapDefault(/integerVariable\('TEMPORAL_NAMESPACE_RETENTION_DAYS', (\d+)/);
const temporal = compose.services.temporal as ComposeService;

test('the compose Temporal server is the version, shard count and retention cluster mode runs', () => {
  expect(temporal.image).toBe(`temporalio/auto-setup:${serverVersion}`);
  expect(compose.services['temporal-setup']?.image).toMatch(new RegExp(`^temporalio/admin-tools:${serverVersion.replaceAll('.', '\\.')}-`));
  expect(String(temporal.environment?.NUM_HISTORY_SHARDS)).toBe(shards);
  expect(temporal.environment?.DEFAULT_NAMESPACE_RETENTION).toBe(`${Number(retentionDays) * 24}h`);
  expect(temporal.environment?.DYNAMIC_CONFIG_FILE_PATH).toBe('config/dynamicconfig/development-sql.yaml');
});

test("the compose Temporal databases are named after the app's database, as the bootstrap names them", () => {
  const appDatabase = new URL(
    String(compose.services.api?.environment?.DATABASE_URL ?? compose.services.migrate?.environment?.DATABASE_URL),
  ).pathname.slice(1);
  expect(temporal.environment?.DBNAME).toBe(`${appDatabase}_temporal`);
  expect(temporal.environment?.VISIBILITY_DBNAME).toBe(`${appDatabase}_temporal_visibility`);
});

test('the compose setup job registers exactly the search attributes of domain/search-attributes.json', () => {
  const { attributes } = JSON.parse(readFileSync(join(repoRoot, 'domain', 'search-attributes.json'), 'utf8')) as {
    attributes: { name: string; type: string }[];
  };
  const script = (compose.services['temporal-setup']?.command ?? []).join('\n');
  const registered = /for spec in ([^;]+);/.exec(script)?.[1]?.trim().split(/\s+/) ?? [];
  expect(registered.sort()).toEqual(attributes.map(({ name, type }) => `${name}=${type}`).sort());
});
