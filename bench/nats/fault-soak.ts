/**
 * `node --import tsx bench/nats/fault-soak.ts [--rounds N] [--publishers N] [--keys N] [--down-ms MS]`:
 * the cluster fault test, longer, for a reliability report. A 3-node JetStream cluster on loopback
 * ports (temporary directories); a topic with 3 replicas; publishers with lifecycle rules and
 * expectedVersion over many keys, through clients connected to different nodes; a consumer group
 * that is stopped and restarted on another client every round. Each round kills -9 one server (odd
 * rounds: the stream leader; even rounds: a random node), keeps publishing, restarts it. After every
 * round everything is checked: each acknowledged event stored exactly once and unchanged, every
 * key's versions dense and in order, every partition's offsets dense, verify() clean, and the group
 * has seen every stored event. Prints one line per round and a summary; exits 1 on the first violation.
 */
import { connect } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";
import type { LifecycleRules, Log, Subscription } from "../../runtime/log.js";
import type { StoredEvent as Stored } from "../../runtime/envelope.js";
type StoredEvent = Stored;
import { openJetStreamLog } from "../../runtime/jetstream/jetstream-log.js";
import { startCluster } from "../../test/runtime/jetstream/nats-cluster.js";

const RULES: LifecycleRules = { "t.Opened": { creates: true }, "t.Changed": { after: ["t.Opened", "t.Changed"] } };

interface Args {
  rounds: number;
  publishers: number;
  keys: number;
  downMs: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rounds: 10, publishers: 8, keys: 400, downMs: 12_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${argv[i]} needs a positive integer`);
    if (argv[i] === "--rounds") args.rounds = n;
    else if (argv[i] === "--publishers") args.publishers = n;
    else if (argv[i] === "--keys") args.keys = n;
    else if (argv[i] === "--down-ms") args.downMs = n;
    else throw new Error(`unknown option ${argv[i]} (--rounds N, --publishers N, --keys N, --down-ms MS)`);
  }
  return args;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
/** Phase timestamps on stderr, to see where a round spends its time. */
const phase = (what: string): void => void process.stderr.write(`  [${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}\n`);

async function all(iterable: AsyncIterable<Stored>): Promise<Stored[]> {
  const out: Stored[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cluster = await startCluster(3);
  const logs: Log[] = [];
  let violations = 0;
  const fail = (message: string): void => {
    violations++;
    console.log(`VIOLATION: ${message}`);
  };
  try {
    await cluster.ready();
    const base = { replicas: 3, subjectRoot: "soak", streamPrefix: "SOAK", appendDeadlineMs: 30_000, publishTimeoutMs: 2_000, onWarning: (w: string) => console.log(w) };
    const clients = await Promise.all(
      cluster.urls.map(async (_, i) => {
        const ordered = [...cluster.urls.slice(i), ...cluster.urls.slice(0, i)];
        const log = await openJetStreamLog({ nats: { ...base, servers: ordered, connection: { noRandomize: true } } });
        logs.push(log);
        return log;
      }),
    );
    await clients[0]!.ensureTopic({ name: "orders", partitions: 8 });
    const nc = await connect({ servers: [...cluster.urls], maxReconnectAttempts: -1 });
    const jsm = await jetstreamManager(nc);

    const acked = new Map<string, StoredEvent>();
    const delivered = new Set<string>();
    let gaveUp = 0;
    let running = true;
    const publisher = async (w: number): Promise<void> => {
      const log = clients[w % clients.length]!;
      const versions = new Map<string, number>();
      for (let i = 0; running; i++) {
        const key = `w${w}-k${i % Math.max(1, Math.floor(args.keys / args.publishers))}`;
        const version = versions.get(key) ?? 0;
        try {
          const out = await log.append("orders", [{ type: version === 0 ? "t.Opened" : "t.Changed", schemaVersion: 1, key, data: { w, i } }], { lifecycle: RULES, expectedVersion: version });
          for (const e of out) acked.set(e.id, e);
          versions.set(key, out[out.length - 1]!.version);
        } catch {
          gaveUp++;
          const state = await log.keyState("orders", key).catch(() => undefined);
          if (state) versions.set(key, state.version);
        }
      }
    };
    const publishers = Array.from({ length: args.publishers }, (_, w) => publisher(w));

    let sub: Subscription | undefined;
    const startGroup = async (round: number): Promise<void> => {
      const log = clients[round % clients.length]!;
      sub = await log.subscribe({ topics: ["orders"], group: "soak", handler: (e) => void delivered.add(e.id) });
    };
    await startGroup(0);
    const started = Date.now();
    for (let round = 1; round <= args.rounds; round++) {
      await sleep(2_000);
      let victim: string;
      if (round % 2 === 1) {
        victim = (await jsm.streams.info("SOAK_orders")).cluster?.leader ?? "n1";
      } else {
        victim = cluster.nodes[Math.floor(Math.random() * cluster.nodes.length)]!.name;
      }
      const before = acked.size;
      cluster.kill(victim);
      phase(`killed ${victim}`);
      await sleep(args.downMs);
      const withNodeDown = acked.size - before;
      await sub?.stop(); // interrupt the group, resume it on another client
      phase("group stopped");
      await cluster.restart(victim);
      phase(`restarted ${victim}`);
      await startGroup(round);
      phase("group started on another client");
      await sleep(2_000);

      // Check everything stored so far (publishing goes on meanwhile).
      const reader = clients[(round + 1) % clients.length]!;
      // Only events acknowledged before the read started must be in it (publishing goes on).
      const ackedBefore = [...acked.values()];
      const stored = new Map<string, Stored>();
      try {
        for (let p = 0; p < 8; p++) {
          const events = await all(reader.readPartition("orders", p));
          events.forEach((e, i) => {
            if (e.offset !== i) fail(`partition ${p}: offset ${e.offset} at position ${i}`);
            if (stored.has(e.id)) fail(`event ${e.id} stored twice`);
            stored.set(e.id, e);
          });
        }
      } catch (error) {
        fail(`reading: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (const e of ackedBefore) {
        const id = e.id;
        const s = stored.get(id);
        if (!s) fail(`acknowledged event ${id} (key ${e.key} v${e.version}) is missing`);
        else if (JSON.stringify(s) !== JSON.stringify(e)) fail(`event ${id} differs from what was acknowledged`);
      }
      const perKey = new Map<string, number>();
      for (const e of [...stored.values()].sort((a, b) => a.partition - b.partition || a.offset - b.offset)) {
        const last = perKey.get(e.key) ?? 0;
        if (e.version !== last + 1) fail(`key ${e.key}: version ${e.version} after ${last}`);
        perKey.set(e.key, e.version);
      }
      phase("partitions read");
      const verdict = await reader.verify().catch((error: unknown) => ({ ok: false, firstBad: { reason: String(error) } }));
      if (!verdict.ok) fail(`verify: ${JSON.stringify(verdict.firstBad)}`);
      console.log(
        `round ${round}: killed ${victim}${round % 2 === 1 ? " (stream leader)" : ""}; ${withNodeDown} appends acknowledged while it was down; stored ${stored.size}, acknowledged ${acked.size}, gave up ${gaveUp}, group has seen ${delivered.size}; violations so far ${violations}`,
      );
      if (violations > 0) break;
    }
    running = false;
    await Promise.all(publishers);
    // The group must catch up with everything stored.
    const total = (await all(clients[0]!.replay(["orders"]))).map((e) => e.id);
    // Wait as long as the group keeps making progress (it may lag far behind on a loaded machine).
    let seen = delivered.size;
    let lastProgress = Date.now();
    while (total.some((id) => !delivered.has(id)) && Date.now() - lastProgress < 30_000) {
      await sleep(1_000);
      if (delivered.size > seen) (seen = delivered.size), (lastProgress = Date.now());
    }
    const missed = total.filter((id) => !delivered.has(id)).length;
    if (missed > 0) fail(`the consumer group missed ${missed} stored events`);
    await sub?.stop();
    await nc.close();
    console.log(
      `\nsummary: ${args.rounds} rounds in ${Math.round((Date.now() - started) / 1000)} s; ${total.length} events stored, ${acked.size} acknowledged, ${gaveUp} appends gave up after ${base.appendDeadlineMs} ms; consumer group missed ${missed}; violations: ${violations}`,
    );
  } finally {
    for (const log of logs) await log.close().catch(() => undefined);
    await cluster.destroy();
  }
  if (violations > 0) process.exit(1);
}

// Ctrl-C or kill: exit normally so the cluster's exit hook stops the servers.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
