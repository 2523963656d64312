/**
 * Whether the NATS server the suite uses is reachable. In CI (CI=true) a missing server is a
 * failure, never a skip; elsewhere the JetStream tests skip with a printed reason.
 */
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";

export const NATS_URL = process.env.EVENTC_NATS_URL ?? "nats://127.0.0.1:4222";

export async function natsAvailable(url = NATS_URL): Promise<boolean> {
  try {
    const nc = await connect({ servers: url, timeout: 2_000, reconnect: false });
    const js = nc.info?.jetstream !== false;
    await nc.close();
    if (!js) throw new Error(`the server at ${url} has JetStream disabled`);
    return true;
  } catch (error) {
    const reason = `NATS JetStream server not reachable at ${url}: ${error instanceof Error ? error.message : String(error)}`;
    if (process.env.CI === "true") throw new Error(`${reason}. CI must run these tests against a server (start nats-server -js).`);
    console.log(`[jetstream] skipping: ${reason}`);
    return false;
  }
}

/** A prefix unique to this test run, so runs never see each other's streams. */
export function runPrefix(): string {
  return `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Deletes the streams of one isolated log (whole test streams; their events cannot be deleted one by one). */
export async function removeStreams(streamPrefix: string, url = NATS_URL): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) if (name.startsWith(`${streamPrefix}_`)) await jsm.streams.delete(name);
  } finally {
    await nc.close();
  }
}
