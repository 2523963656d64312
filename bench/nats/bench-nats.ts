/**
 * `npm run bench:nats [-- --events N --publishers N --keys N --samples N --url URL]`: the JetStream
 * backend next to the raw official client doing the same work against the same server in the same
 * run (see docs/performance.md, "JetStream").
 *
 *   publish   64 concurrent publishers over 10,000 keys, each awaiting its publish (pipelined on one
 *             connection): through the generic facade the generated publishers call (createFacade over a
 *             descriptor, with a hand-written decoder like the generated one), through the adapter
 *             (Log.append), and raw (js.publish of a body of the same size to the same subject shape,
 *             with a Msg-Id, to an identically configured stream).
 *   replay    the whole topic read back in order (adapter: Log.replay; raw: an ordered consumer per
 *             partition subject, JSON.parse of every body).
 *   consume   a consumer group from the beginning to the end (adapter: Log.subscribe; raw: a durable
 *             pull consumer per partition with an explicit ack per message).
 *   latency   one publisher, awaited publishes one after another: p50/p99.
 *
 * The raw side checks nothing: no expectations, no lifecycle, no checksum, no freezing.
 */
import { cpus, loadavg } from "node:os";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { AckPolicy, DeliverPolicy, DiscardPolicy, jetstream, jetstreamManager, StorageType, type JetStreamClient, type JetStreamManager } from "@nats-io/jetstream";
import { openJetStreamLog } from "../../runtime/jetstream/jetstream-log.js";
import { createFacade } from "../../runtime/facade/create-facade.js";
import type { NamespaceDescriptor } from "../../runtime/facade/descriptor.js";
import type { Log } from "../../runtime/log.js";
import { partitionFor } from "../../runtime/partitioner.js";
import { newEventId } from "../../runtime/ids.js";
import type { Decoder } from "../../runtime/validation/result.js";

interface Args {
  events: number;
  publishers: number;
  keys: number;
  partitions: number;
  samples: number;
  url: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { events: 50_000, publishers: 64, keys: 10_000, partitions: 4, samples: 2_000, url: process.env.EVENTC_NATS_URL ?? "nats://127.0.0.1:4222" };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const num = (): number => {
      const n = Number(value?.replace(/_/g, ""));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, got ${String(value)}`);
      i++;
      return n;
    };
    if (flag === "--events") args.events = num();
    else if (flag === "--publishers") args.publishers = num();
    else if (flag === "--keys") args.keys = num();
    else if (flag === "--partitions") args.partitions = num();
    else if (flag === "--samples") args.samples = num();
    else if (flag === "--url" && value !== undefined) (args.url = value), i++;
    else if (flag === "--backend") {
      // Accepted so that `bench:runtime -- --backend nats` can hand its arguments over unchanged.
      if (value !== "nats") throw new Error(`this script measures the JetStream backend; --backend ${String(value)} is not here`);
      i++;
    } else throw new Error(`unknown option ${String(flag)} (options: --events N, --publishers N, --keys N, --partitions N, --samples N, --url URL)`);
  }
  return args;
}

/** A ~200-byte payload, different per event (the same shape as the file-log benchmark's). */
function payload(i: number, key: string): Record<string, unknown> {
  return {
    orderId: key,
    seq: i,
    sku: `SKU-${(i * 7919) % 100000}`,
    quantity: (i % 9) + 1,
    price: { amount: ((i % 10000) / 100).toFixed(2), currency: "EUR" },
    note: "standard shipping, leave at the door if nobody answers; gift wrap: no",
  };
}

/** What a generated decoder does for this payload: check every field, build a fresh value. */
const decodeOrder: Decoder<unknown> = (value, path, issues) => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    issues.push({ path, message: "must be an object" });
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const price = v.price as Record<string, unknown> | undefined;
  if (typeof v.orderId !== "string") issues.push({ path: `${path}.orderId`, message: "must be a string" });
  if (!Number.isInteger(v.seq)) issues.push({ path: `${path}.seq`, message: "must be an integer" });
  if (typeof v.sku !== "string") issues.push({ path: `${path}.sku`, message: "must be a string" });
  if (!Number.isInteger(v.quantity) || (v.quantity as number) < 1) issues.push({ path: `${path}.quantity`, message: "must be >= 1" });
  if (price === null || typeof price !== "object" || typeof price.amount !== "string" || typeof price.currency !== "string") issues.push({ path: `${path}.price`, message: "must be Money" });
  if (typeof v.note !== "string") issues.push({ path: `${path}.note`, message: "must be a string" });
  if (issues.length > 0) return undefined;
  return { orderId: v.orderId, seq: v.seq, sku: v.sku, quantity: v.quantity, price: { amount: price!.amount, currency: price!.currency }, note: v.note };
};

function descriptor(topic: string, partitions: number): NamespaceDescriptor {
  const versions = [{ version: 1, decode: decodeOrder }];
  return {
    namespace: "bench",
    topics: [{ name: topic, partitions }],
    aggregates: { Order: { name: "Order", topic, keyField: "orderId", keyType: "string", events: ["OrderPlaced", "OrderUpdated"] } },
    events: {
      OrderPlaced: { name: "OrderPlaced", type: "bench.OrderPlaced", aggregate: "Order", currentVersion: 1, versions, lifecycle: { creates: true } },
      OrderUpdated: { name: "OrderUpdated", type: "bench.OrderUpdated", aggregate: "Order", currentVersion: 1, versions, lifecycle: { after: ["bench.OrderPlaced", "bench.OrderUpdated"] } },
    },
    projections: {},
  };
}

/** Client CPU (user + system) per event of the last measured phase, in µs. */
const cpuPerEvent: number[] = [];
function cpuSince(before: NodeJS.CpuUsage, events: number): void {
  const used = process.cpuUsage(before);
  cpuPerEvent.push((used.user + used.system) / events);
}

/** Runs `publishers` loops taking event numbers from one counter; returns events/s. */
async function pipelined(args: Args, publish: (i: number, key: string) => Promise<unknown>): Promise<number> {
  let next = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: args.publishers }, async () => {
      for (;;) {
        const i = next++;
        if (i >= args.events) return;
        await publish(i, `order-${i % args.keys}`);
      }
    }),
  );
  const rate = args.events / ((performance.now() - start) / 1000);
  cpuSince(cpu, args.events);
  return rate;
}

async function latency(samples: number, publish: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const times = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await publish(i);
    times[i] = performance.now() - t0;
  }
  times.sort();
  return { p50: times[Math.floor(samples * 0.5)]!, p99: times[Math.floor(samples * 0.99)]! };
}

async function rawStream(jsm: JetStreamManager, name: string, subjects: string): Promise<void> {
  await jsm.streams.add({
    name,
    subjects: [subjects],
    storage: StorageType.File,
    discard: DiscardPolicy.New,
    duplicate_window: 120_000_000_000,
    deny_delete: true,
    deny_purge: true,
    num_replicas: 1,
  });
}

/** The raw body: the same size as the adapter's record for the same event (envelope fields around the payload). */
function rawBody(i: number, key: string): string {
  return JSON.stringify({ o: i, v: 1, s: "bench.OrderUpdated", e: [{ i: newEventId(), t: "bench.OrderUpdated", sv: 1, tm: new Date().toISOString(), d: payload(i, key) }] });
}

async function rawReplay(js: JetStreamClient, stream: string, root: string, partitions: number, total: number): Promise<number> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let count = 0;
  for (let p = 0; p < partitions; p++) {
    const consumer = await js.consumers.get(stream, { filter_subjects: `${root}.t.${p}.>`, deliver_policy: DeliverPolicy.All });
    const info = await consumer.info(true);
    let left = info.num_pending;
    if (left === 0) continue;
    const messages = await consumer.consume({ max_messages: 512 });
    for await (const m of messages) {
      JSON.parse(m.string());
      count++;
      if (--left === 0) break;
    }
    messages.stop();
    await consumer.delete().catch(() => undefined);
  }
  if (count !== total) throw new Error(`raw replay read ${count} of ${total}`);
  const rate = total / ((performance.now() - start) / 1000);
  cpuSince(cpu, total);
  return rate;
}

async function rawConsume(js: JetStreamClient, jsm: JetStreamManager, stream: string, root: string, partitions: number, total: number): Promise<number> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let count = 0;
  await Promise.all(
    Array.from({ length: partitions }, async (_, p) => {
      const name = `raw-group-${p}`;
      await jsm.consumers.add(stream, { durable_name: name, filter_subject: `${root}.t.${p}.>`, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, max_ack_pending: 10_000 });
      const consumer = await js.consumers.get(stream, name);
      let left = (await consumer.info(true)).num_pending;
      if (left === 0) return;
      const messages = await consumer.consume({ max_messages: 512 });
      for await (const m of messages) {
        JSON.parse(m.string());
        m.ack();
        count++;
        if (--left === 0) break;
      }
      messages.stop();
    }),
  );
  if (count !== total) throw new Error(`raw consume read ${count} of ${total}`);
  const rate = total / ((performance.now() - start) / 1000);
  cpuSince(cpu, total);
  return rate;
}

async function adapterConsume(log: Log, topic: string, total: number): Promise<number> {
  let count = 0;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const sub = await log.subscribe({
    topics: [topic],
    group: "bench-group",
    handler: () => {
      if (++count === total) done();
    },
  });
  await finished;
  const rate = total / ((performance.now() - start) / 1000);
  cpuSince(cpu, total);
  await sub.stop();
  return rate;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const run = `b${Date.now().toString(36)}`;
  const nats = { servers: args.url, subjectRoot: run, streamPrefix: run.toUpperCase(), onWarning: (w: string) => console.error(w) };
  const log = await openJetStreamLog({ nats });
  // The same connection option the adapter sets (no per-request stack-trace errors), so both sides pay the same.
  const nc: NatsConnection = await connect({ servers: args.url, noAsyncTraces: true });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const rawRoot = `${run}raw`;
  const rawName = `${run.toUpperCase()}RAW`;
  const created: string[] = [];
  try {
    const version = nc.info?.version ?? "?";
    console.error(`JetStream benchmark: nats-server ${version} at ${args.url}; ${args.events} events, ${args.publishers} publishers, ${args.keys} keys, ${args.partitions} partitions`);
    const topic = "bench.events";
    await log.ensureTopic({ name: topic, partitions: args.partitions });
    created.push(`${run.toUpperCase()}_bench_2Eevents`);

    await rawStream(jsm, rawName, `${rawRoot}.>`);
    created.push(rawName);
    console.error("publish: raw ...");
    const rawPublish = await pipelined(args, (i, key) => js.publish(`${rawRoot}.t.${partitionFor(key, args.partitions)}.${key}`, rawBody(i, key), { msgID: newEventId() }));
    console.error("publish: adapter ...");
    const adapterPublish = await pipelined(args, (i, key) => log.append(topic, [{ type: "bench.OrderUpdated", schemaVersion: 1, key, data: payload(i, key) }]));

    console.error("publish: facade ...");
    const facadeTopic = "bench.facade";
    const facade = createFacade(log, descriptor(facadeTopic, args.partitions));
    created.push(`${run.toUpperCase()}_bench_2Efacade`);
    const facadePublish = await pipelined(args, (i, key) => (i < args.keys ? facade.publish.OrderPlaced!(payload(i, key)) : facade.publish.OrderUpdated!(payload(i, key))));

    console.error("replay ...");
    const rawReplayRate = await rawReplay(js, rawName, rawRoot, args.partitions, args.events);
    let replayed = 0;
    const replayCpu = process.cpuUsage();
    const replayStart = performance.now();
    for await (const _ of log.replay([topic])) replayed++;
    const adapterReplay = replayed / ((performance.now() - replayStart) / 1000);
    cpuSince(replayCpu, replayed);
    if (replayed !== args.events) throw new Error(`adapter replay read ${replayed} of ${args.events}`);

    console.error("consume ...");
    const rawConsumeRate = await rawConsume(js, jsm, rawName, rawRoot, args.partitions, args.events);
    const adapterConsumeRate = await adapterConsume(log, topic, args.events);

    console.error("latency ...");
    console.error(`load average at the end of the throughput phases: ${loadavg().map((l) => l.toFixed(1)).join(" ")} (${cpus().length} CPUs)`);
    const rawLatency = await latency(args.samples, (i) => js.publish(`${rawRoot}.t.0.lat`, rawBody(i, "lat"), { msgID: newEventId() }));
    const adapterLatency = await latency(args.samples, (i) => log.append(topic, [{ type: "bench.OrderUpdated", schemaVersion: 1, key: "latency-key", data: payload(i, "latency-key") }]));

    const rate = (n: number): string => `${Math.round(n).toLocaleString("en-US")} ev/s`;
    const ratio = (a: number, b: number): string => (a / b).toFixed(2);
    const ms = (n: number): string => `${n.toFixed(2)} ms`;
    const cpu = cpuPerEvent;
    const us = (n: number | undefined): string => (n === undefined ? "?" : `${Math.round(n)} µs`);
    const rows = [
      `| Measure | eventc (JetStream) | raw @nats-io client | ratio (target ≥ 0.8) | client CPU per event, eventc / raw |`,
      `|---|---:|---:|---:|---:|`,
      `| publish, pipelined, generated-publisher path (createFacade) | ${rate(facadePublish)} | ${rate(rawPublish)} | ${ratio(facadePublish, rawPublish)} | ${us(cpu[2])} / ${us(cpu[0])} |`,
      `| publish, pipelined, adapter (Log.append) | ${rate(adapterPublish)} | ${rate(rawPublish)} | ${ratio(adapterPublish, rawPublish)} | ${us(cpu[1])} / ${us(cpu[0])} |`,
      `| replay whole topic | ${rate(adapterReplay)} | ${rate(rawReplayRate)} | ${ratio(adapterReplay, rawReplayRate)} | ${us(cpu[4])} / ${us(cpu[3])} |`,
      `| consume (consumer group from the beginning) | ${rate(adapterConsumeRate)} | ${rate(rawConsumeRate)} | ${ratio(adapterConsumeRate, rawConsumeRate)} | ${us(cpu[6])} / ${us(cpu[5])} |`,
      `| awaited publish latency p50, one publisher | ${ms(adapterLatency.p50)} | ${ms(rawLatency.p50)} | ${ratio(rawLatency.p50, adapterLatency.p50)} | |`,
      `| awaited publish latency p99, one publisher | ${ms(adapterLatency.p99)} | ${ms(rawLatency.p99)} | ${ratio(rawLatency.p99, adapterLatency.p99)} | |`,
    ];
    console.log(
      `\nload average during the run: ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} CPUs (the machine is shared).\n` +
      `nats-server ${version}, ${args.events.toLocaleString("en-US")} events of ~200-byte payloads, ${args.publishers} publishers, ${args.keys.toLocaleString("en-US")} keys, ${args.partitions} partitions, ${args.samples} latency samples; latency ratio = raw / eventc\n`,
    );
    console.log(rows.join("\n"));
  } finally {
    await log.close();
    for (const name of created) await jsm.streams.delete(name).catch(() => undefined);
    const groups = `${run.toUpperCase()}__GROUPS`;
    await jsm.streams.delete(groups).catch(() => undefined);
    await nc.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
