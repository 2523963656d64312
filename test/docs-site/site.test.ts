/** The catalog generator without a browser: pages, anchors, diagrams as graphs, escaping, determinism. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { flowDiagram, lifecycleDiagram } from "../../compiler/docs-site/diagrams.js";
import { escapeHtml, renderDoc } from "../../compiler/docs-site/html-text.js";
import { renderSite } from "../../compiler/docs-site/site.js";
import { renderDiagram, textWidth } from "../../compiler/docs-site/svg-diagram.js";
import type { Model } from "../../compiler/model.js";
import { CROSS_NAMESPACE_SPEC } from "../export/cross-namespace-spec.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

function modelOf(files: string[] | Record<string, string>): Model {
  const result = compile({ files, generate: false });
  expect(result.diagnostics).toEqual([]);
  return result.model!;
}

const shop = modelOf([join(EXAMPLES, "shop/shop.events")]);
const aggregate = (model: Model, name: string) => model.namespaces.flatMap((n) => n.aggregates).find((a) => a.qualifiedName === name)!;

describe("renderSite", () => {
  it("writes index.html and a page per namespace, deterministically", () => {
    const files = renderSite(shop);
    expect(files.map((f) => f.path)).toEqual(["index.html", "common.html", "shop.html"]);
    expect(renderSite(shop)).toEqual(files);
    const page = files.find((f) => f.path === "shop.html")!.content;
    for (const id of ["topic-catalog", "aggregate-Item", "event-ItemListed", "event-ItemListed-v1", "projection-PriceList", "type-OrderLine", "lifecycle-Item", "flow"])
      expect(page).toContain(`id="${id}"`);
    // No network: no external URL anywhere but the SVG namespace, and a CSP that forbids fetching.
    for (const f of files) {
      expect(f.content.match(/(?:src|href)="(?:https?:)?\/\//g)).toBeNull();
      expect(f.content).toContain("default-src 'none'");
      expect(f.content).not.toContain("<script");
    }
  });

  it("links field types, projections and events across namespaces", () => {
    const page = renderSite(shop).find((f) => f.path === "shop.html")!.content;
    expect(page).toContain('<a href="common.html#type-Money" data-kind="type">Money</a>');
    expect(page).toContain('list&lt;<a href="shop.html#type-OrderLine" data-kind="type">OrderLine</a>&gt;');
    expect(page).toContain('<a href="shop.html#projection-PriceList" data-kind="projection">PriceList</a>');
    const common = renderSite(shop).find((f) => f.path === "common.html")!.content;
    expect(common).toContain('<a href="common.html#enum-Currency" data-kind="enum">Currency</a>');
    expect(common).toMatch(/Used by .*shop\.html#event-ItemListed/);
  });

  it("escapes every spec text", () => {
    const files = renderSite(modelOf(CROSS_NAMESPACE_SPEC), { title: `<img src=x onerror="alert(1)">` });
    const page = files.find((f) => f.path === "acme.billing.html")!.content;
    expect(page).toContain("Invoices &lt;script&gt;alert(&quot;boom&quot;)&lt;/script&gt; end with */ and &#39;quotes&#39; &amp; ${x}.");
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(page).not.toContain("<img");
  });
});

describe("diagrams", () => {
  it("lifecycle: start → creates → after chains → end; no-clause events as an 'any time' note", () => {
    const d = lifecycleDiagram(aggregate(shop, "shop.Item"));
    expect(d.nodes.map((n) => `${n.label}@${n.layer}`)).toEqual(["start@0", "ItemListed@1", "ItemRepriced@2", "ItemDelisted@2", "end@3"]);
    expect(d.edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      "start>shop.ItemListed",
      "shop.ItemListed>shop.ItemRepriced",
      "shop.ItemRepriced>shop.ItemRepriced",
      "shop.ItemListed>shop.ItemDelisted",
      "shop.ItemRepriced>shop.ItemDelisted",
      "shop.ItemDelisted>end",
    ]);
    expect(d.notes).toEqual(["any time between creation and end (state unchanged): ItemDescribed"]);
  });

  it("lifecycle: an `ends` event without `after` is reachable from every state (dashed)", () => {
    const bank = modelOf([join(EXAMPLES, "bank/bank.events")]);
    const d = lifecycleDiagram(aggregate(bank, "bank.Session"));
    expect(d.edges).toEqual([
      { from: "start", to: "bank.SessionStarted" },
      { from: "bank.SessionStarted", to: "bank.SessionEnded", dashed: true },
      { from: "bank.SessionEnded", to: "end" },
    ]);
  });

  it("flow: topics → aggregates → events → projections, including other namespaces' topics", () => {
    const model = modelOf(CROSS_NAMESPACE_SPEC);
    const d = flowDiagram(model, model.namespaces.find((n) => n.name === "acme.billing")!);
    const byLayer = (layer: number) => d.nodes.filter((n) => n.layer === layer).map((n) => n.label);
    expect(byLayer(0)).toEqual(["acme.billing.ledger", "acme.common.people"]);
    expect(byLayer(1)).toEqual(["Invoice", "Payer"]);
    expect(byLayer(2)).toEqual(["InvoiceIssued", "InvoiceAnnotated", "InvoicePaid", "PayerAdded"]);
    expect(byLayer(3)).toEqual(["Revenue", "PayerInvoices"]);
    expect(d.edges).toContainEqual({ from: "e:acme.billing.InvoicePaid", to: "p:acme.billing.Revenue" });
  });

  it("sizes boxes to their labels", () => {
    const svg = renderDiagram({ title: "t", nodes: [{ id: "a", label: "AVeryLongEventNameIndeed", layer: 0, kind: "event" }], edges: [] }, "d");
    const width = Number(/<rect [^>]*width="([\d.]+)"/.exec(svg)![1]);
    expect(width).toBeGreaterThan(textWidth("AVeryLongEventNameIndeed"));
    expect(textWidth("日本")).toBe(2 * textWidth("ab"));
  });
});

describe("html text", () => {
  it("escapes the five HTML specials and renders backticks as code", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(renderDoc("Use `a<b>`.\n\nSecond")).toBe('<div class="doc"><p>Use <code>a&lt;b&gt;</code>.</p><p>Second</p></div>');
    expect(renderDoc(undefined)).toBe("");
  });
});
