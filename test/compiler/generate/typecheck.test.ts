/**
 * The TypeScript compiler over generated code, with strict, noUncheckedIndexedAccess and
 * exactOptionalPropertyTypes: every golden case, a 1,000-event synthetic spec, and user code
 * that must compile (and, marked with @ts-expect-error, must NOT compile).
 */
import { describe, expect, it } from "vitest";
import { generate, type GeneratedFile } from "../../../compiler/generate/index.js";
import { formatTypecheckDiagnostics } from "../../../compiler/generate/typecheck.js";
import { modelCases } from "./golden-cases.js";
import { specCases } from "./spec-cases.js";
import { syntheticModel } from "./synthetic-model.js";

const RUNTIME = "runtime/index.ts";

// Code a user writes against the shop model's module; each @ts-expect-error must be a real error.
const SHOP_USAGE = `
import { createMemoryLog } from "eventc/runtime";
import { createShop, CurrencyValues, type Currency, type ShopUpcasters, type ItemRepricedV1Data, type ShopEvent } from "./shop.js";

const upcasters: ShopUpcasters = { ItemRepriced: { 1: (data: ItemRepricedV1Data) => ({ ...data, reason: "from v1" }) } };
const shop = createShop(createMemoryLog(), { upcasters });
// @ts-expect-error a missing upcaster is a type error
createShop(createMemoryLog(), { upcasters: { ItemRepriced: {} } });
// @ts-expect-error options are required while there is something to upcast
createShop(createMemoryLog());
const firstCurrency: Currency | undefined = CurrencyValues[0];

export async function use(): Promise<void> {
  const e = await shop.publish.ItemListed({ sku: "A", title: "Lamp", price: { amount: "1.00" } });
  const tags: readonly string[] = e.data.tags;
  const currency: Currency = e.data.price.currency;
  // @ts-expect-error event data is deeply readonly
  e.data.price.amount = "2";
  // @ts-expect-error lists are readonly
  e.data.tags.push("x");
  // @ts-expect-error a required field may not be left out
  await shop.publish.ItemListed({ sku: "A", price: { amount: "1.00" } });
  // @ts-expect-error the key has the key's type
  await shop.publish.OrderPaid({ orderId: 1, amount: { amount: "1" } });
  await shop.publish.ItemRepriced({ sku: "A", price: { amount: "2.00" } }, { expectedVersion: 1 });

  const prices = await shop.projections.PriceList.replay({
    initial: () => ({ prices: {}, delisted: 0 }),
    ItemListed: (s, ev) => ({ ...s, prices: { ...s.prices, [ev.key]: ev.data.price } }),
    ItemRepriced: (s, ev) => ({ ...s, prices: { ...s.prices, [ev.key]: ev.data.price } }),
    ItemDelisted: (s) => ({ ...s, delisted: s.delisted + 1 }),
  });
  const delisted: number = prices.delisted;
  // @ts-expect-error a missing handler for a listed event is a type error
  await shop.projections.PriceList.replay({ initial: () => ({ prices: {}, delisted: 0 }), ItemListed: (s) => s, ItemRepriced: (s) => s });
  const status = await shop.projections.OrderStatus.load("k", {
    initial: (key) => ({ status: key }),
    OrderPlaced: (s, ev) => ({ ...s, status: "placed " + ev.data.lines.length }),
    OrderPaid: (s, ev) => ({ ...s, total: ev.data.amount }),
  });
  const total: string | undefined = status?.total?.amount;
  const stop = await shop.subscribe("billing", {
    OrderPlaced: async (ev) => {
      const q: number | undefined = ev.data.lines[0]?.quantity;
      const k: string = ev.key;
      const n: number = ev.version;
    },
  });
  await stop.stop();
  for (const ev of await shop.streams.Item("A")) {
    if (ev.type === "shop.ItemRepriced") {
      const reason: string | undefined = ev.data.reason;
    }
  }
  const all: ShopEvent[] = [];
  const checked = shop.validate.Money({ amount: "1" });
  if (checked.ok) {
    const c: Currency = checked.value.currency;
  }
  void [firstCurrency, tags, currency, delisted, total, all];
}
`;

describe("generated code type-checks under the strict flags", () => {
  it("for every golden case, with user code that must and must not compile", async () => {
    const files: GeneratedFile[] = [];
    for (const c of [...modelCases, ...(await specCases())]) {
      for (const o of await c.outputs()) files.push({ path: `${c.name}/${o.path}`, content: o.content });
    }
    files.push({ path: "model-shop/usage.ts", content: SHOP_USAGE });
    const { typecheckOutputs } = await import("../../../compiler/generate/typecheck.js");
    expect(formatTypecheckDiagnostics(typecheckOutputs(files, { runtimeTypes: RUNTIME }))).toBe("");
  }, 120_000);

  it("reports errors (the check is real)", async () => {
    const { typecheckOutputs } = await import("../../../compiler/generate/typecheck.js");
    const broken = [{ path: "broken.ts", content: 'import { nothing } from "eventc/runtime";\nexport const x: number = "no";\n' }];
    const diagnostics = typecheckOutputs(broken, { runtimeTypes: RUNTIME });
    expect(diagnostics.map((d) => `${d.file}:${d.line} TS${d.code}`)).toEqual(["broken.ts:1 TS2305", "broken.ts:2 TS2322"]);
  });

  it("for a synthetic spec of 1,000 events in 10 namespaces", async () => {
    const { typecheckOutputs } = await import("../../../compiler/generate/typecheck.js");
    const outputs = generate(syntheticModel(1000));
    expect(outputs).toHaveLength(10);
    expect(formatTypecheckDiagnostics(typecheckOutputs(outputs, { runtimeTypes: RUNTIME }))).toBe("");
  }, 180_000);
});
