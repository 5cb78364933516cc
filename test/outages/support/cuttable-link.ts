import net from 'node:net';

/**
 * A TCP pass-through between a worker process and the Temporal server that a test can cut: while cut,
 * every open connection is destroyed and new ones are dropped at accept, so nothing the worker sends
 * (an activity's completion among it) reaches the server, while its database connections are untouched.
 * That opens the window a crash test needs: the activity's transaction commits, the server never hears of it.
 */
export class CuttableLink {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private cut = false;

  constructor(private readonly target: string) {}

  /** Listens on a free local port; answers the address to give the worker. */
  async open(): Promise<string> {
    const [host, port] = this.targetParts();
    const server = net.createServer((client) => {
      if (this.cut) {
        client.destroy();
        return;
      }
      const upstream = net.connect({ host, port });
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        // A reset on one side ends the pair; the worker's gRPC client reconnects on its own.
        socket.on('error', () => undefined);
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as net.AddressInfo;
    return `127.0.0.1:${address.port}`;
  }

  /** From now on nothing passes, in either direction. */
  sever(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  async close(): Promise<void> {
    this.sever();
    const server = this.server;
    this.server = null;
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private targetParts(): [string, number] {
    const index = this.target.lastIndexOf(':');
    return [this.target.slice(0, index), Number(this.target.slice(index + 1))];
  }
}
