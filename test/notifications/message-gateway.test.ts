import pino from 'pino';
import { HttpMessageGateway } from '../../message-gateway/http-message-gateway';
import {
  MessageGatewayUnavailableError,
  MessageRecipientRejectedError,
  MessageRejectedError,
} from '../../message-gateway/message-gateway-errors';
import { createSandboxApp, sandboxOptionsFromConfig } from '../../channels/sandbox/app';
import { sandboxConfigSchema } from '../../channels/sandbox/config';
import { listenSandbox, type RunningSandbox } from '../../channels/sandbox/server';
import { parseConfig } from '../../domain/config';

/** The sandbox's message gateway and its HTTP client, over real HTTP on a sandbox of this suite's own. */
describe('message gateway (sandbox) and its HTTP client', () => {
  let sandbox: RunningSandbox;
  const apiKey = 'sandbox-key-gateway';
  const gateway = (key = apiKey, maxAttempts = 2) =>
    new HttpMessageGateway({
      baseUrl: `${sandbox.url}/gateway`,
      apiKey: key,
      requestTimeoutMs: 1000,
      retry: { maxAttempts, baseDelayMs: 20, maxDelayMs: 50 },
    });
  const setFaults = (faults: object | null) =>
    fetch(`${sandbox.url}/_control/gateway/faults`, {
      method: faults === null ? 'DELETE' : 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: faults === null ? undefined : JSON.stringify(faults),
    });
  const phoneOf = async (recipient: string) =>
    (
      (await (await fetch(`${sandbox.url}/_control/messages?recipient=${encodeURIComponent(recipient)}`)).json()) as {
        messages: { text: string; idempotencyKey: string }[];
      }
    ).messages;

  beforeAll(async () => {
    sandbox = await listenSandbox(
      createSandboxApp(sandboxOptionsFromConfig(parseConfig(sandboxConfigSchema, { LOG_LEVEL: 'silent' }), pino({ level: 'silent' }))),
      { host: '127.0.0.1', port: 0 },
    );
  });
  afterAll(() => sandbox.close());
  afterEach(() => setFaults(null));

  it('delivers a message once per idempotency key: the same key again replays the first answer', async () => {
    const message = { channel: 'SMS' as const, recipient: '+31612345670', text: 'Your code is 123456', idempotencyKey: 'notify:test:once' };
    const first = await gateway().send(message);
    const again = await gateway().send(message);
    expect(again).toEqual(first);
    expect((await phoneOf(message.recipient)).map((shown) => shown.text)).toEqual(['Your code is 123456']);
  });

  it('refuses a message without an Idempotency-Key, or with a wrong API key', async () => {
    const body = JSON.stringify({ channel: 'EMAIL', recipient: 'ada@example.com', subject: 'Hi', text: 'Hello' });
    const withoutKey = await fetch(`${sandbox.url}/gateway/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body,
    });
    expect([withoutKey.status, ((await withoutKey.json()) as { error: string }).error]).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED']);
    await expect(
      gateway('wrong-key').send({
        channel: 'EMAIL',
        recipient: 'ada@example.com',
        subject: 'Hi',
        text: 'Hello',
        idempotencyKey: 'notify:test:auth',
      }),
    ).rejects.toBeInstanceOf(MessageRejectedError);
    expect(await phoneOf('ada@example.com')).toEqual([]);
  });

  it('rejects a recipient that is not a phone number or an e-mail address, as not retryable', async () => {
    const sms = gateway().send({ channel: 'SMS', recipient: '0612', text: 'x', idempotencyKey: 'notify:test:bad-phone' });
    await expect(sms).rejects.toBeInstanceOf(MessageRecipientRejectedError);
    await expect(sms).rejects.toMatchObject({ retryable: false, type: 'MESSAGE_RECIPIENT_REJECTED' });
    await expect(
      gateway().send({ channel: 'EMAIL', recipient: 'not-an-address', subject: 's', text: 'x', idempotencyKey: 'notify:test:bad-mail' }),
    ).rejects.toBeInstanceOf(MessageRecipientRejectedError);
  });

  it('retries an outage and an error storm, then gives up with a retryable error; delivers once the gateway is back', async () => {
    const message = { channel: 'WHATSAPP' as const, recipient: '+351912345678', text: 'Ready', idempotencyKey: 'notify:test:outage' };
    await setFaults({ outage: '503' });
    const down = gateway(apiKey, 3).send(message);
    await expect(down).rejects.toBeInstanceOf(MessageGatewayUnavailableError);
    await expect(down).rejects.toMatchObject({ retryable: true, attempts: 3 });
    await setFaults({ outage: 'refuse' });
    await expect(gateway().send(message)).rejects.toBeInstanceOf(MessageGatewayUnavailableError);
    await setFaults({ outage: null, errorRate: 1 });
    await expect(gateway().send(message)).rejects.toThrow(/HTTP 500/);
    expect(await phoneOf(message.recipient)).toEqual([]);

    await setFaults(null);
    await gateway().send(message);
    expect(await phoneOf(message.recipient)).toHaveLength(1);
  });
});
