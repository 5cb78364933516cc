import { runBootstrap, tsx } from './bootstrap-process';

/**
 * A bad value must stop a process before it does anything, with exit code 78 (EX_CONFIG) and a message
 * naming the variable, so an operator can fix it from the log line alone.
 */
const EX_CONFIG = 78;

test.each([
  { entry: 'api/main.ts', variable: 'API_PORT', value: '99999' },
  { entry: 'worker/main.ts', variable: 'DATABASE_POOL_SIZE', value: '0' },
  { entry: 'channels/sandbox/main.ts', variable: 'SANDBOX_PORT', value: '99999' },
])('$entry with $variable=$value exits 78 naming $variable', async ({ entry, variable, value }) => {
  const result = await tsx(entry, { ...process.env, [variable]: value });
  expect({ code: result.code, output: result.output }).toMatchObject({
    code: EX_CONFIG,
    output: expect.stringContaining(variable) as unknown,
  });
});

test('the bootstrap itself rejects a bad tunable with exit code 78 naming it', async () => {
  const result = await runBootstrap(['setup'], { ...process.env, BOOTSTRAP_READY_TIMEOUT_SECONDS: 'soon' });
  expect({ code: result.code, output: result.output }).toMatchObject({
    code: EX_CONFIG,
    output: expect.stringContaining('BOOTSTRAP_READY_TIMEOUT_SECONDS') as unknown,
  });
});
