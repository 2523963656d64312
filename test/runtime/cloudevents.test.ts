/**
 * The CloudEvents mapping, checked by the official SDK: it validates our output, and round trips through
 * its HTTP bindings (structured and binary mode) and its Kafka binding give the same envelope back.
 */
import { CloudEvent, HTTP, Kafka, type CloudEventV1 } from "cloudevents";
import { describe, expect, it } from "vitest";
import { createMemoryLog, fromCloudEvent, toCloudEvent, ValidationError, type StoredEvent } from "../../runtime/index.js";

async function sampleEvents(): Promise<readonly StoredEvent[]> {
  const log = createMemoryLog();
  await log.ensureTopic({ name: "shop.orders", partitions: 8 });
  const first = await log.append("shop.orders", [
    { type: "shop.OrderPlaced", schemaVersion: 2, key: "order-ä🙂 1", data: { lines: [{ sku: "A", quantity: 2 }], total: "19.90", big: 123456789012345678901n } },
  ]);
  const second = await log.append("shop.orders", [
    { type: "shop.OrderPaid", schemaVersion: 1, key: "order-ä🙂 1", correlationId: "corr-1", causationId: first[0]!.id, data: { amount: 1.5, note: null, flags: [true, false] } },
  ]);
  for (let i = 0; i < 20; i++) await log.append("shop.orders", [{ type: "shop.OrderPlaced", schemaVersion: 1, key: `k${i}`, data: "a plain string payload" }]);
  const all = [...first, ...second];
  for await (const e of log.replay(["shop.orders"])) if (!all.some((a) => a.id === e.id)) all.push(e);
  await log.close();
  return all;
}

describe("toCloudEvent / fromCloudEvent", () => {
  it("maps the envelope one-to-one onto CloudEvents attributes and extensions", async () => {
    const [placed, paid] = await sampleEvents();
    const ce = toCloudEvent(paid!);
    expect(ce).toEqual({
      specversion: "1.0",
      id: paid!.id,
      source: "eventc:/shop.orders",
      type: "shop.OrderPaid",
      time: paid!.time,
      subject: "order-ä🙂 1",
      datacontenttype: "application/json",
      data: { amount: 1.5, note: null, flags: [true, false] },
      partitionkey: "order-ä🙂 1",
      sequence: String(paid!.offset).padStart(16, "0"),
      topic: "shop.orders",
      partition: paid!.partition,
      keyversion: 2,
      schemaversion: 1,
      correlationid: "corr-1",
      causationid: placed!.id,
    });
    expect(Object.isFrozen(ce)).toBe(true);
    expect(toCloudEvent(paid!, { source: "https://shop.example/orders" }).source).toBe("https://shop.example/orders");
    expect(toCloudEvent(paid!, { source: (e) => `/custom/${e.topic}` }).source).toBe("/custom/shop.orders");
  });

  it("gives sequences that sort lexicographically like offsets", async () => {
    const [event] = await sampleEvents();
    const offsets = [0, 2, 9, 10, 99, 100, 12345, Number.MAX_SAFE_INTEGER];
    const sequences = offsets.map((offset) => toCloudEvent({ ...event!, offset }).sequence);
    expect([...sequences].reverse().sort()).toEqual(sequences);
    expect(offsets.map((offset) => fromCloudEvent({ ...toCloudEvent({ ...event!, offset }) }).offset)).toEqual(offsets);
  });

  it("produces events the SDK accepts as valid CloudEvents 1.0", async () => {
    for (const event of await sampleEvents()) {
      const sdk = new CloudEvent(toCloudEvent(event) as unknown as CloudEventV1<unknown>);
      expect(sdk.validate()).toBe(true);
      expect(sdk.specversion).toBe("1.0");
      for (const name of ["partitionkey", "sequence", "topic", "partition", "keyversion", "schemaversion"]) {
        expect(name).toMatch(/^[a-z0-9]{1,20}$/);
        expect(sdk[name]).toBeDefined();
      }
    }
  });

  it("round trips through the SDK's HTTP structured and binary modes and its Kafka binding", async () => {
    for (const event of await sampleEvents()) {
      const sdk = new CloudEvent(toCloudEvent(event) as unknown as CloudEventV1<unknown>);
      const viaStructured = HTTP.toEvent(HTTP.structured(sdk)) as CloudEvent<unknown>;
      expect(fromCloudEvent(viaStructured as unknown as Record<string, unknown>)).toEqual(event);
      const viaBinary = HTTP.toEvent(HTTP.binary(sdk)) as CloudEvent<unknown>;
      expect(fromCloudEvent(viaBinary as unknown as Record<string, unknown>)).toEqual(event);
      const viaKafka = Kafka.toEvent(Kafka.structured(sdk)) as CloudEvent<unknown>;
      expect(fromCloudEvent(viaKafka as unknown as Record<string, unknown>)).toEqual(event);
      // And through plain JSON text, the way a file or a queue would carry it.
      expect(fromCloudEvent(JSON.parse(JSON.stringify(toCloudEvent(event))) as Record<string, unknown>)).toEqual(event);
    }
  });

  it("returns a deeply frozen envelope", async () => {
    const [event] = await sampleEvents();
    const back = fromCloudEvent(JSON.parse(JSON.stringify(toCloudEvent(event!))) as Record<string, unknown>);
    expect(() => {
      ((back.data as { lines: { quantity: number }[] }).lines[0]!).quantity = 9;
    }).toThrow(TypeError);
  });

  it("rejects a CloudEvent that is not one of ours, naming every missing attribute", () => {
    const error = (() => {
      try {
        fromCloudEvent({ specversion: "1.0", id: "x", source: "/s", type: "t", data: {} });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["$.subject", "$.topic", "$.time", "$.sequence", "$.partition", "$.keyversion", "$.schemaversion"]),
    );
    expect(() => fromCloudEvent({ specversion: "0.3" })).toThrow(/specversion/);
  });
});
