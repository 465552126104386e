import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  /** The bound port (the one the OS chose when asked for 0). */
  port: number;
  /** Stops listening and drops open connections, so keep-alive clients do not hold shutdown up. */
  close(): Promise<void>;
}

/** Starts an Express app on `host:port`; rejects if the port cannot be bound. */
export async function listen(app: Express, port: number, host: string): Promise<Listening> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
