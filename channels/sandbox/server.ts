import { type AddressInfo } from 'node:net';
import { type Sandbox } from './app';

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4010 (the real port when 0 was asked for). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one, as tests do) and closes every socket on close(). */
export async function listenSandbox(sandbox: Sandbox, address: { host: string; port: number }): Promise<RunningSandbox> {
  const server = sandbox.app.listen(address.port, address.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${address.host}:${port}`,
    port,
    close: async () => {
      sandbox.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
