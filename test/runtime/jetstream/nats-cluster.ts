/**
 * A throw-away 3-node JetStream cluster on loopback ports, for fault tests: temporary store
 * directories, servers started and SIGKILLed by the caller, everything removed by `destroy()`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";

export const NATS_SERVER_BIN = process.env.NATS_SERVER_BIN ?? "nats-server";

export interface ClusterNode {
  readonly name: string;
  readonly clientPort: number;
  readonly url: string;
  running(): boolean;
}

export interface NatsCluster {
  readonly nodes: readonly ClusterNode[];
  readonly urls: readonly string[];
  /** kill -9: no shutdown, no flush. */
  kill(name: string): void;
  restart(name: string): Promise<void>;
  /** Waits until JetStream answers API calls (a meta leader is elected). */
  ready(timeoutMs?: number): Promise<void>;
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1");
      s.on("connect", () => (s.destroy(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nats-server did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startCluster(size = 3): Promise<NatsCluster> {
  const dir = mkdtempSync(join(tmpdir(), "eventc-nats-cluster-"));
  const ports = await Promise.all(Array.from({ length: size }, async () => ({ client: await freePort(), cluster: await freePort() })));
  const processes = new Map<string, ChildProcess>();
  const nodes = ports.map((p, i) => {
    const name = `n${i + 1}`;
    const routes = ports.map((q) => `nats-route://127.0.0.1:${q.cluster}`).join(", ");
    const config = join(dir, `${name}.conf`);
    writeFileSync(
      config,
      [
        `server_name: ${name}`,
        `listen: 127.0.0.1:${p.client}`,
        `jetstream { store_dir: "${join(dir, name)}", max_memory_store: 64MB, max_file_store: 2GB }`,
        `cluster { name: eventc-test, listen: 127.0.0.1:${p.cluster}, routes: [${routes}] }`,
      ].join("\n"),
    );
    return { name, clientPort: p.client, url: `nats://127.0.0.1:${p.client}`, config, running: () => processes.get(name)?.exitCode === null && !processes.get(name)?.killed };
  });

  const start = async (node: (typeof nodes)[number]): Promise<void> => {
    const child = spawn(NATS_SERVER_BIN, ["-c", node.config], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on("error", (error) => (stderr += String(error)));
    processes.set(node.name, child);
    await waitForPort(node.clientPort, 10_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${stderr}`);
    });
  };

  // Never leave servers behind, even if the caller dies without destroy().
  const killAll = (): void => {
    for (const child of processes.values()) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  };
  process.once("exit", killAll);
  await Promise.all(nodes.map(start));
  const cluster: NatsCluster = {
    nodes,
    urls: nodes.map((n) => n.url),
    kill(name) {
      const child = processes.get(name);
      if (!child) throw new Error(`no node ${name}`);
      child.kill("SIGKILL");
    },
    async restart(name) {
      const node = nodes.find((n) => n.name === name);
      if (!node) throw new Error(`no node ${name}`);
      const old = processes.get(name);
      if (old && old.exitCode === null && old.signalCode === null) {
        await new Promise((resolve) => old.once("exit", resolve));
      }
      await start(node);
    },
    async ready(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      const nc = await connect({ servers: [...cluster.urls], maxReconnectAttempts: -1 });
      try {
        for (;;) {
          try {
            const jsm = await jetstreamManager(nc, { timeout: 2_000 });
            await jsm.getAccountInfo();
            return;
          } catch (error) {
            if (Date.now() > deadline) throw new Error(`JetStream cluster not ready within ${timeoutMs} ms: ${String(error)}`);
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      } finally {
        await nc.close();
      }
    },
    async destroy() {
      process.removeListener("exit", killAll);
      await Promise.all(
        [...processes.values()].map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGKILL");
            }),
        ),
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
