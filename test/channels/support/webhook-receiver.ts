import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** What this receiver answered. */
  status: number;
}

/**
 * A tiny stand-in for our API's webhook endpoint: records every delivery with its raw body and answers
 * what the test tells it to (`answer`), so retries and duplicates can be observed from outside.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: (delivery: Omit<ReceivedWebhook, 'status'>) => number = () => 204;
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const delivery = { path: req.url ?? '', headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
        const status = this.answer(delivery);
        this.received.push({ ...delivery, status });
        res.writeHead(status).end();
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once `predicate` holds for what was received, or fails after `timeoutMs`. */
  async waitFor(predicate: (received: readonly ReceivedWebhook[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      if (Date.now() > deadline) throw new Error(`webhooks not received in ${timeoutMs} ms; got ${this.received.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
