/**
 * FAULT test on a real 3-node JetStream cluster (loopback ports, temporary directories, started and
 * killed by the test): streams with 3 replicas, concurrent publishers over many keys through two
 * clients (one connected to the stream leader), kill -9 of the stream leader mid-run, publishing on
 * with retries, restart. Then: every event whose append resolved is stored exactly once, every key's
 * events are dense and in version order, and an interrupted consumer group resumes without a loss.
 *
 * The installed server is 2.9.10, below 2.9.21 (nats-server #4320: the per-subject sequence check
 * can pass two concurrent writers in a cluster). The checks below would catch the consequence — two
 * events claiming one key version or one offset — as an error instead of passing silently.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import type { LifecycleRules, Log, StoredEvent } from "../../../runtime/index.js";
import { openJetStreamLog } from "../../../runtime/jetstream/jetstream-log.js";
import { NATS_SERVER_BIN, startCluster } from "./nats-cluster.js";

const RULES: LifecycleRules = { "t.Opened": { creates: true }, "t.Changed": { after: ["t.Opened", "t.Changed"] } };
const hasServer = spawnSync(NATS_SERVER_BIN, ["--version"]).status === 0;
if (!hasServer) {
  const reason = `the nats-server binary ("${NATS_SERVER_BIN}") is not installed`;
  if (process.env.CI === "true") throw new Error(`${reason}; CI must run the JetStream fault test.`);
  console.log(`[jetstream fault test] skipping: ${reason}`);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function all(iterable: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

describe.runIf(hasServer)("JetStream cluster under faults", () => {
  it("keeps every acknowledged event exactly once and in key order through kill -9 of the stream leader", { timeout: 240_000 }, async () => {
    const cluster = await startCluster(3);
    const logs: Log[] = [];
    try {
      await cluster.ready();
      const warnings: string[] = [];
      const base = { replicas: 3, subjectRoot: "ft", streamPrefix: "FT", appendDeadlineMs: 25_000, publishTimeoutMs: 2_000, onWarning: (w: string) => void warnings.push(w) };
      const admin = await openJetStreamLog({ nats: { ...base, servers: cluster.urls } });
      logs.push(admin);
      expect(warnings.join("\n")).toMatch(/2\.9\.10 in a cluster is below 2\.9\.21.*#4320/);
      await admin.ensureTopic({ name: "orders", partitions: 4 });

      const nc = await connect({ servers: [...cluster.urls], maxReconnectAttempts: -1 });
      const jsm = await jetstreamManager(nc);
      const leader = (await jsm.streams.info("FT_orders")).cluster?.leader;
      await nc.close();
      expect(leader).toBeDefined();
      const leaderNode = cluster.nodes.find((n) => n.name === leader)!;
      const others = cluster.nodes.filter((n) => n !== leaderNode).map((n) => n.url);
      // One client sits on the leader (its connection dies mid-publish), one on a follower.
      const onLeader = await openJetStreamLog({ nats: { ...base, servers: [leaderNode.url, ...others], connection: { noRandomize: true } } });
      const onFollower = await openJetStreamLog({ nats: { ...base, servers: [...others, leaderNode.url], connection: { noRandomize: true } } });
      logs.push(onLeader, onFollower);

      // A consumer group runs through the fault and is interrupted half-way.
      const delivered = new Map<string, StoredEvent>();
      const sub1 = await onFollower.subscribe({ topics: ["orders"], group: "billing", handler: (e) => void delivered.set(e.id, e) });

      const acked: StoredEvent[] = [];
      const failures: unknown[] = [];
      let running = true;
      let restarted = false;
      let ackedAtRestart = 0;
      let killedAt = Infinity;
      const resolvedAfterKill: number[] = [];
      const publisher = async (log: Log, w: number): Promise<void> => {
        const versions = new Map<string, number>();
        for (let i = 0; running; i++) {
          if (restarted && acked.length >= ackedAtRestart + 500) return; // enough after the restart: keeps the verification short
          const key = `w${w}-k${i % 40}`;
          const version = versions.get(key) ?? 0;
          try {
            const out = await log.append("orders", [{ type: version === 0 ? "t.Opened" : "t.Changed", schemaVersion: 1, key, data: { w, i } }], { lifecycle: RULES, expectedVersion: version });
            acked.push(...out);
            if (Date.now() > killedAt) resolvedAfterKill.push(Date.now() - killedAt);
            versions.set(key, out[out.length - 1]!.version);
          } catch (error) {
            // Gave up after the deadline (outcome unknown): learn the key's real version and go on.
            failures.push(error);
            const state = await log.keyState("orders", key).catch(() => undefined);
            if (state) versions.set(key, state.version);
          }
        }
      };
      const publishers = Array.from({ length: 8 }, (_, w) => publisher(w % 2 === 0 ? onLeader : onFollower, w));

      await sleep(2_500);
      const beforeKill = acked.length;
      killedAt = Date.now();
      cluster.kill(leaderNode.name);
      // Publish on with the leader dead until the survivors elected a new one and took 100 appends
      // (2.9.10 needs about 8 s to fail over here).
      const failoverDeadline = Date.now() + 30_000;
      while (resolvedAfterKill.length < 100 && Date.now() < failoverDeadline) await sleep(100);
      const withNodeDown = resolvedAfterKill.length;
      await sub1.stop();
      const checkpoint = await onFollower.groupPosition("billing");
      await cluster.restart(leaderNode.name);
      ackedAtRestart = acked.length;
      restarted = true;
      await sleep(2_000);
      running = false;
      await Promise.all(publishers);

      expect(beforeKill).toBeGreaterThan(50);
      const afterKill = resolvedAfterKill.length;
      expect(withNodeDown).toBeGreaterThanOrEqual(100); // publishing went on through the failover, with one node down
      expect(afterKill).toBeGreaterThan(withNodeDown); // and after the restart

      // Read everything back through a fresh client.
      const reader = await openJetStreamLog({ nats: { ...base, servers: cluster.urls } });
      logs.push(reader);
      const stored: StoredEvent[] = [];
      for (let p = 0; p < 4; p++) {
        const events = await all(reader.readPartition("orders", p)); // throws on a duplicate offset or key version
        expect(events.map((e) => e.offset)).toEqual(events.map((_, i) => i));
        stored.push(...events);
      }
      const byId = new Map(stored.map((e) => [e.id, e]));
      expect(byId.size).toBe(stored.length); // no event stored twice
      for (const e of acked) expect(byId.get(e.id)).toEqual(e); // every acknowledged event, exactly as acknowledged
      // Each key's events, in partition order, are versions 1, 2, 3, ... starting with its creation.
      const byKey = new Map<string, StoredEvent[]>();
      for (const e of stored) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
      for (const events of byKey.values()) {
        expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
        expect(events[0]!.type).toBe("t.Opened");
      }
      // And reading a key by itself gives the same (a sample: each read is a consumer on the cluster).
      for (const key of [...byKey.keys()].slice(0, 8)) expect(await all(reader.readKey("orders", key))).toEqual(byKey.get(key));
      expect((await reader.verify()).ok).toBe(true);
      // Appends that gave up are the only ones not acknowledged; they were few.
      expect(failures.length).toBeLessThan(acked.length / 10);

      // The interrupted group resumes from its checkpoint on another client and misses nothing.
      const resumed: StoredEvent[] = [];
      const sub2 = await reader.subscribe({ topics: ["orders"], group: "billing", handler: (e) => void (resumed.push(e), delivered.set(e.id, e)) });
      // A bounded wait, not a speed assertion: after a restart a stalled consumer read is abandoned
      // after 10 s per partition (runtime/jetstream/record-source.ts), and the suite runs other files
      // beside this one, so catching up may take a while on a loaded 2-core machine.
      const deadline = Date.now() + 100_000;
      while (delivered.size < stored.length && Date.now() < deadline) await sleep(50);
      await sub2.stop();
      expect([...byId.keys()].filter((id) => !delivered.has(id))).toEqual([]);
      for (const e of resumed) expect(e.offset).toBeGreaterThanOrEqual(checkpoint["orders"]?.[e.partition] ?? 0);
      expect(resumed.length).toBeLessThan(stored.length); // it resumed, not restarted
      console.log(
        `[fault test] leader ${leaderNode.name} killed; acknowledged ${acked.length} events (${afterKill} after the kill, ${withNodeDown} with the node down, first ${resolvedAfterKill.find((t) => t > 500) ?? "-"} ms after the kill), ${failures.length} appends gave up, ${stored.length} stored, group resumed with ${resumed.length}`,
      );
    } finally {
      for (const log of logs) await log.close().catch(() => undefined);
      await cluster.destroy();
    }
  });
});
