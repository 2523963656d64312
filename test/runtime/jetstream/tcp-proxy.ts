/**
 * A loopback TCP proxy in front of a NATS server, so a test can cut a client's connection at a
 * chosen moment: after the client's publish reached the server but before the acknowledgement
 * came back (the case where a publisher cannot know whether its append was stored).
 */
import net from "node:net";

export interface TcpProxy {
  readonly port: number;
  /** Forwards the next client chunk containing `marker` to the server, then swallows replies and drops the connection. */
  cutAfter(marker: string): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let pending: { marker: string; done: () => void } | undefined;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    let deaf = false;
    sockets.add(client).add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on("data", (chunk) => {
      upstream.write(chunk);
      if (pending && chunk.toString("latin1").includes(pending.marker)) {
        const { done } = pending;
        pending = undefined;
        deaf = true; // the server stores the message; its ack never reaches the client
        setTimeout(() => {
          drop();
          done();
        }, 100);
      }
    });
    upstream.on("data", (chunk) => {
      if (!deaf) client.write(chunk);
    });
    for (const s of [client, upstream]) {
      s.on("error", drop);
      s.on("close", () => {
        sockets.delete(s);
        drop();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    cutAfter: (marker) => new Promise<void>((resolve) => (pending = { marker, done: resolve })),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
