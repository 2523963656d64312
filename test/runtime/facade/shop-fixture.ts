/**
 * A hand-written namespace descriptor with hand-written decoders, standing in for generated code
 * (the compiler's end-to-end tests use the real thing). Shape:
 *
 *   topic catalog { partitions 4 }   topic orders { partitions 2 }
 *   aggregate Item in catalog { key sku: string
 *     event ItemListed creates { title: string  price: decimal  tags: list<string> = [] }
 *     event ItemRepriced v1 { price: decimal }
 *     event ItemRepriced v2 { price: decimal  currency: string = "EUR" }
 *     event ItemRepriced v3 after ItemListed, ItemRepriced { amount: Money  reason?: string }
 *     event ItemDescribed { description: string }
 *     event ItemDelisted after ItemListed, ItemRepriced ends { reason: string } }
 *   aggregate Order in orders { key orderId: long
 *     event OrderPlaced creates { total: int @min(1) }
 *     event OrderPaid after OrderPlaced { amount: int } }
 *   projection PriceList { on ItemListed, ItemRepriced, ItemDelisted }
 *   projection OrderStatus per Order { on OrderPlaced, OrderPaid }
 */
import type { Decoder, NamespaceDescriptor, ValidationIssue } from "../../../runtime/index.js";

type Field = { decode: Decoder<unknown>; optional?: boolean; default?: () => unknown };

function record(fields: Record<string, Field>): Decoder<unknown> {
  return (value, path, issues) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      issues.push({ path, message: "must be an object" });
      return undefined;
    }
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const before = issues.length;
    for (const [name, field] of Object.entries(fields)) {
      const raw = input[name];
      if (raw === undefined) {
        if (field.default) out[name] = field.default();
        else if (!field.optional) issues.push({ path: `${path}.${name}`, message: "is required" });
        continue;
      }
      out[name] = field.decode(raw, `${path}.${name}`, issues);
    }
    for (const name of Object.keys(input)) if (!(name in fields)) issues.push({ path: `${path}.${name}`, message: "is not a known field" });
    return issues.length > before ? undefined : Object.freeze(out);
  };
}

const str: Decoder<unknown> = (v, path, issues) => (typeof v === "string" ? v : (issues.push({ path, message: "must be a string" }), undefined));
const decimal: Decoder<unknown> = (v, path, issues) =>
  typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? v : (issues.push({ path, message: "must be a decimal string" }), undefined);
const int = (min = -(2 ** 31)): Decoder<unknown> => (v, path, issues) => {
  if (typeof v !== "number" || !Number.isInteger(v)) return issues.push({ path, message: "must be an integer" }), undefined;
  if (v < min) return issues.push({ path, message: `must be >= ${min}` }), undefined;
  return v;
};
const long: Decoder<unknown> = (v, path, issues) => {
  if (typeof v === "bigint") return v;
  if (typeof v === "string" && /^-?\d+$/.test(v)) return BigInt(v);
  if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
  issues.push({ path, message: "must be a 64-bit integer" });
  return undefined;
};
const list = (item: Decoder<unknown>): Decoder<unknown> => (v, path, issues) => {
  if (!Array.isArray(v)) return issues.push({ path, message: "must be a list" }), undefined;
  const before = issues.length;
  const out = v.map((x, i) => item(x, `${path}[${i}]`, issues));
  return issues.length > before ? undefined : Object.freeze(out);
};
const money = record({ value: { decode: decimal }, currency: { decode: str } });

export const decoders = {
  ItemListed: record({ sku: { decode: str }, title: { decode: str }, price: { decode: decimal }, tags: { decode: list(str), default: () => Object.freeze([]) } }),
  ItemRepricedV1: record({ sku: { decode: str }, price: { decode: decimal } }),
  ItemRepricedV2: record({ sku: { decode: str }, price: { decode: decimal }, currency: { decode: str, default: () => "EUR" } }),
  ItemRepricedV3: record({ sku: { decode: str }, amount: { decode: money }, reason: { decode: str, optional: true } }),
  ItemDescribed: record({ sku: { decode: str }, description: { decode: str } }),
  ItemDelisted: record({ sku: { decode: str }, reason: { decode: str } }),
  OrderPlaced: record({ orderId: { decode: long }, total: { decode: int(1) } }),
  OrderPaid: record({ orderId: { decode: long }, amount: { decode: int() } }),
};

export const shop: NamespaceDescriptor = {
  namespace: "shop",
  topics: [
    { name: "shop.catalog", partitions: 4 },
    { name: "shop.orders", partitions: 2 },
  ],
  aggregates: {
    Item: { name: "Item", topic: "shop.catalog", keyField: "sku", keyType: "string", events: ["ItemListed", "ItemRepriced", "ItemDescribed", "ItemDelisted"] },
    Order: { name: "Order", topic: "shop.orders", keyField: "orderId", keyType: "long", events: ["OrderPlaced", "OrderPaid"] },
  },
  events: {
    ItemListed: { name: "ItemListed", type: "shop.ItemListed", aggregate: "Item", currentVersion: 1, versions: [{ version: 1, decode: decoders.ItemListed }], lifecycle: { creates: true } },
    ItemRepriced: {
      name: "ItemRepriced",
      type: "shop.ItemRepriced",
      aggregate: "Item",
      currentVersion: 3,
      versions: [
        { version: 1, decode: decoders.ItemRepricedV1 },
        { version: 2, decode: decoders.ItemRepricedV2 },
        { version: 3, decode: decoders.ItemRepricedV3 },
      ],
      lifecycle: { after: ["shop.ItemListed", "shop.ItemRepriced"] },
    },
    ItemDescribed: { name: "ItemDescribed", type: "shop.ItemDescribed", aggregate: "Item", currentVersion: 1, versions: [{ version: 1, decode: decoders.ItemDescribed }], lifecycle: {} },
    ItemDelisted: {
      name: "ItemDelisted",
      type: "shop.ItemDelisted",
      aggregate: "Item",
      currentVersion: 1,
      versions: [{ version: 1, decode: decoders.ItemDelisted }],
      lifecycle: { after: ["shop.ItemListed", "shop.ItemRepriced"], ends: true },
    },
    OrderPlaced: { name: "OrderPlaced", type: "shop.OrderPlaced", aggregate: "Order", currentVersion: 1, versions: [{ version: 1, decode: decoders.OrderPlaced }], lifecycle: { creates: true } },
    OrderPaid: { name: "OrderPaid", type: "shop.OrderPaid", aggregate: "Order", currentVersion: 1, versions: [{ version: 1, decode: decoders.OrderPaid }], lifecycle: { after: ["shop.OrderPlaced"] } },
  },
  projections: {
    PriceList: { name: "PriceList", events: ["ItemListed", "ItemRepriced", "ItemDelisted"] },
    OrderStatus: { name: "OrderStatus", per: "Order", events: ["OrderPlaced", "OrderPaid"] },
  },
};

export interface RepricedV1 { readonly sku: string; readonly price: string }
export interface RepricedV2 { readonly sku: string; readonly price: string; readonly currency: string }

/** The upcasters a user would write: v1 → v2 (currency gets v2's default), v2 → v3. */
export const upcasters = {
  ItemRepriced: {
    1: (data: RepricedV1) => ({ sku: data.sku, price: data.price }),
    2: (data: RepricedV2) => ({ sku: data.sku, amount: { value: data.price, currency: data.currency } }),
  },
};

export type { ValidationIssue };
