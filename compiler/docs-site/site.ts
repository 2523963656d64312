/**
 * `eventc docs`: the specs as a static HTML catalog. Pure: Model in, files out (`index.html` and
 * one page per namespace), deterministic, self-contained (inline CSS, inline SVG diagrams, no
 * script, nothing fetched). Every spec text is escaped on the way out.
 */
import type { AggregateModel, EnumModel, EventModel, FieldModel, Model, NamespaceModel, ProjectionModel, RecordModel, TopicModel, TypeModel } from "../model.js";
import { flowDiagram, lifecycleDiagram } from "./diagrams.js";
import { escapeHtml, renderDoc } from "./html-text.js";
import { anchorId, bareName, hrefOf, namespacePage } from "./links.js";
import { STYLES } from "./styles.js";
import { renderDiagram } from "./svg-diagram.js";

export interface SiteFile {
  readonly path: string;
  readonly content: string;
}

export interface SiteOptions {
  /** Shown in the header and the index title. Default: "Event catalog". */
  readonly title?: string;
}

export function renderSite(model: Model, options: SiteOptions = {}): SiteFile[] {
  const site = new Site(model, options.title ?? "Event catalog");
  return [{ path: "index.html", content: site.index() }, ...model.namespaces.map((ns) => ({ path: namespacePage(ns.name), content: site.namespace(ns) }))];
}

class Site {
  private readonly kinds = new Map<string, "type" | "enum">();
  private readonly eventsByName = new Map<string, EventModel>();
  private readonly aggregates: AggregateModel[];
  private readonly projections: ProjectionModel[];
  private readonly topics: TopicModel[];

  constructor(
    private readonly model: Model,
    private readonly title: string,
  ) {
    for (const ns of model.namespaces) {
      for (const r of ns.records) this.kinds.set(r.qualifiedName, "type");
      for (const e of ns.enums) this.kinds.set(e.qualifiedName, "enum");
      for (const a of ns.aggregates) for (const e of a.events) this.eventsByName.set(e.qualifiedName, e);
    }
    this.aggregates = model.namespaces.flatMap((ns) => ns.aggregates);
    this.projections = model.namespaces.flatMap((ns) => ns.projections);
    this.topics = model.namespaces.flatMap((ns) => ns.topics);
  }

  index(): string {
    const namespaces = this.model.namespaces
      .map((ns) => {
        const counts = [count(ns.topics.length, "topic"), count(ns.aggregates.length, "aggregate"), count(ns.aggregates.reduce((n, a) => n + a.events.length, 0), "event"), count(ns.records.length + ns.enums.length, "type"), count(ns.projections.length, "projection")];
        return `<div class="card"><h3><a href="${namespacePage(ns.name)}">${escapeHtml(ns.name)}</a></h3>${renderDoc(ns.doc)}<div class="muted">${counts.join(" · ")}</div></div>`;
      })
      .join("");
    const topicRows = this.topics
      .map((t) => {
        const writers = this.aggregates.filter((a) => a.topic === t.qualifiedName);
        return `<tr><td><a href="${hrefOf("topic", t.qualifiedName)}"><code>${escapeHtml(t.qualifiedName)}</code></a></td><td>${t.partitions}</td><td>${writers.map((a) => this.link("aggregate", a.qualifiedName)).join(", ") || '<span class="muted">none</span>'}</td></tr>`;
      })
      .join("");
    const aggregateRows = this.aggregates
      .map((a) => `<tr><td>${this.link("aggregate", a.qualifiedName, true)}</td><td><code>${escapeHtml(a.key.name)}: ${a.key.type}</code></td><td>${a.events.map((e) => this.link("event", e.qualifiedName)).join(", ")}</td></tr>`)
      .join("");
    const projectionRows = this.projections
      .map((p) => `<tr><td>${this.link("projection", p.qualifiedName, true)}</td><td>${p.per !== undefined ? `per ${this.link("aggregate", p.per)}` : "one state"}</td><td>${p.events.map((e) => this.link("event", e)).join(", ")}</td></tr>`)
      .join("");
    const body = `<h1>${escapeHtml(this.title)}</h1>
<p class="muted">${count(this.model.namespaces.length, "namespace")}, ${count(this.topics.length, "topic")}, ${count(this.aggregates.length, "aggregate")}, ${count(this.eventsByName.size, "event")}, ${count(this.projections.length, "projection")}.</p>
<h2 id="namespaces">Namespaces</h2><div class="grid">${namespaces}</div>
<h2 id="topics">Topics</h2><table><thead><tr><th>Topic</th><th>Partitions</th><th>Aggregates</th></tr></thead><tbody>${topicRows}</tbody></table>
<h2 id="aggregates">Aggregates</h2><table><thead><tr><th>Aggregate</th><th>Key</th><th>Events</th></tr></thead><tbody>${aggregateRows}</tbody></table>
<h2 id="projections">Projections</h2>${projectionRows !== "" ? `<table><thead><tr><th>Projection</th><th>State</th><th>Fed by</th></tr></thead><tbody>${projectionRows}</tbody></table>` : '<p class="muted">None.</p>'}`;
    return this.page(this.title, body);
  }

  namespace(ns: NamespaceModel): string {
    const sections: string[] = [];
    sections.push(`<h1>Namespace <code>${escapeHtml(ns.name)}</code></h1>${renderDoc(ns.doc)}<p class="muted">Declared in ${ns.files.map((f) => `<code>${escapeHtml(f)}</code>`).join(", ")}${ns.dependsOn.length > 0 ? `; uses ${ns.dependsOn.map((d) => `<a href="${namespacePage(d)}">${escapeHtml(d)}</a>`).join(", ")}` : ""}.</p>`);
    const flow = flowDiagram(this.model, ns);
    if (flow.nodes.length > 0) sections.push(`<h2 id="flow">Flow</h2><p class="muted">Topic → aggregate → events → projections. Click a box to go to it.</p><div class="figure">${renderDiagram(flow, "flow")}</div>`);
    if (ns.topics.length > 0) sections.push(`<h2 id="topics">Topics</h2>${ns.topics.map((t) => this.topic(t)).join("")}`);
    if (ns.aggregates.length > 0) sections.push(`<h2 id="aggregates">Aggregates</h2>${ns.aggregates.map((a) => this.aggregate(a)).join("")}`);
    if (ns.projections.length > 0) sections.push(`<h2 id="projections">Projections</h2>${ns.projections.map((p) => this.projection(p)).join("")}`);
    if (ns.records.length + ns.enums.length > 0) sections.push(`<h2 id="types">Types</h2>${ns.records.map((r) => this.record(r)).join("")}${ns.enums.map((e) => this.enumCard(e)).join("")}`);
    return this.page(`${ns.name} · ${this.title}`, sections.join("\n"));
  }

  private topic(t: TopicModel): string {
    const writers = this.aggregates.filter((a) => a.topic === t.qualifiedName);
    return `<section class="card" id="${anchorId("topic", t.name)}"><h3>topic <code>${escapeHtml(t.qualifiedName)}</code></h3>${renderDoc(t.doc)}
<p>${count(t.partitions, "partition")}${t.implicit ? ' <span class="tag">implicit: the aggregate declares no <code>in</code></span>' : ""}. The key of each event picks its partition, so the events of one key stay in order.</p>
<p>Aggregates: ${writers.map((a) => this.link("aggregate", a.qualifiedName)).join(", ") || '<span class="muted">none</span>'}</p></section>`;
  }

  private aggregate(a: AggregateModel): string {
    const feeds = this.projections.filter((p) => p.events.some((e) => a.events.some((ev) => ev.qualifiedName === e)));
    return `<section class="card" id="${anchorId("aggregate", a.name)}"><h3>aggregate <code>${escapeHtml(a.name)}</code></h3>${renderDoc(a.doc)}
<p>Key <code>${escapeHtml(a.key.name)}: ${a.key.type}</code>${a.key.doc !== undefined ? ` — ${escapeHtml(a.key.doc)}` : ""} · topic ${this.link("topic", a.topic)}</p>
<h4>Lifecycle</h4><div class="figure">${renderDiagram(lifecycleDiagram(a), `lifecycle-${a.name}`)}</div>
<h4>Events</h4>${a.events.map((e) => this.event(a, e)).join("")}
<h4>Projections fed</h4><p>${feeds.map((p) => this.link("projection", p.qualifiedName)).join(", ") || '<span class="muted">none</span>'}</p></section>`;
  }

  private event(a: AggregateModel, e: EventModel): string {
    const tags: string[] = [];
    if (e.lifecycle.creates) tags.push('<span class="tag creates">creates</span>');
    if (e.lifecycle.after !== null) tags.push(`<span class="tag">after ${e.lifecycle.after.map((x) => this.link("event", x)).join(", ")}</span>`);
    if (!e.lifecycle.creates && e.lifecycle.after === null) tags.push('<span class="tag">any time</span>');
    if (e.lifecycle.ends) tags.push('<span class="tag ends">ends</span>');
    const feeds = this.projections.filter((p) => p.events.includes(e.qualifiedName));
    const versions = [...e.versions]
      .reverse()
      .map((v) => {
        const current = v.version === e.currentVersion;
        const key: FieldModel = { name: a.key.name, optional: false, type: { kind: "primitive", name: a.key.type }, constraints: {}, span: a.key.span, ...(a.key.doc !== undefined ? { doc: a.key.doc } : {}) };
        return `<div id="${anchorId("event", e.name)}-v${v.version}"><h4>v${v.version}${current ? " (current)" : " (superseded: read back and upcast)"}</h4>${current ? "" : renderDoc(v.doc)}${this.fields([key, ...v.fields], a.key.name)}</div>`;
      })
      .join("");
    return `<div class="card" id="${anchorId("event", e.name)}"><h3>event <code>${escapeHtml(e.name)}</code> ${tags.join(" ")}</h3>${renderDoc(e.doc)}
<p class="muted">Envelope type <code>${escapeHtml(e.qualifiedName)}</code> · ${count(e.versions.length, "version")} · feeds ${feeds.map((p) => this.link("projection", p.qualifiedName)).join(", ") || "no projection"}</p>${versions}</div>`;
  }

  private projection(p: ProjectionModel): string {
    const byAggregate = new Map<string, string[]>();
    for (const e of p.events) {
      const owner = this.eventsByName.get(e)?.aggregate ?? "";
      byAggregate.set(owner, [...(byAggregate.get(owner) ?? []), e]);
    }
    const fed = [...byAggregate].map(([agg, events]) => `<li>${this.link("aggregate", agg)}: ${events.map((e) => this.link("event", e)).join(", ")}</li>`).join("");
    return `<section class="card" id="${anchorId("projection", p.name)}"><h3>projection <code>${escapeHtml(p.name)}</code></h3>${renderDoc(p.doc)}
<p>${p.per !== undefined ? `One state per key of ${this.link("aggregate", p.per)}.` : "One state in all."}</p>
<h4>Fed by</h4><ul class="plain">${fed}</ul><h4>State</h4>${this.fields(p.state)}</section>`;
  }

  private record(r: RecordModel): string {
    return `<section class="card" id="${anchorId("type", r.name)}"><h3>type <code>${escapeHtml(r.name)}</code></h3>${renderDoc(r.doc)}${this.fields(r.fields)}${this.usedBy(r.qualifiedName)}</section>`;
  }

  private enumCard(e: EnumModel): string {
    const members = e.members.map((m) => `<tr><td><code>${escapeHtml(m.name)}</code></td><td>${renderDoc(m.doc)}</td></tr>`).join("");
    return `<section class="card" id="${anchorId("enum", e.name)}"><h3>enum <code>${escapeHtml(e.name)}</code></h3>${renderDoc(e.doc)}<table><thead><tr><th>Member</th><th></th></tr></thead><tbody>${members}</tbody></table>${this.usedBy(e.qualifiedName)}</section>`;
  }

  private fields(fields: readonly FieldModel[], keyName?: string): string {
    if (fields.length === 0) return '<p class="muted">No fields.</p>';
    const rows = fields.map((f) => {
      const notes: string[] = [];
      if (f.name === keyName) notes.push('<span class="tag">key</span>');
      if (f.deprecated !== undefined) notes.push(`<span class="tag deprecated">deprecated${f.deprecated !== "" ? `: ${escapeHtml(f.deprecated)}` : ""}</span>`);
      const c = f.constraints;
      const annotations = [
        c.min !== undefined ? `@min(${c.min})` : "",
        c.max !== undefined ? `@max(${c.max})` : "",
        c.minLength !== undefined ? `@minLength(${c.minLength})` : "",
        c.maxLength !== undefined ? `@maxLength(${c.maxLength})` : "",
        c.pattern !== undefined ? `@pattern(${JSON.stringify(c.pattern)})` : "",
        c.minItems !== undefined ? `@minItems(${c.minItems})` : "",
        c.maxItems !== undefined ? `@maxItems(${c.maxItems})` : "",
      ].filter((x) => x !== "");
      return `<tr><td><code>${escapeHtml(f.name)}${f.optional ? "?" : ""}</code> ${notes.join(" ")}</td><td><code>${this.typeHtml(f.type)}</code></td><td>${f.default !== undefined ? `<code>${escapeHtml(JSON.stringify(f.default))}</code>` : ""}</td><td>${annotations.map((x) => `<code>${escapeHtml(x)}</code>`).join(" ")}</td><td>${renderDoc(f.doc)}</td></tr>`;
    });
    return `<table><thead><tr><th>Field</th><th>Type</th><th>Default</th><th>Annotations</th><th>Doc</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  }

  private usedBy(qualifiedName: string): string {
    const uses = (t: TypeModel): boolean => (t.kind === "list" ? uses(t.element) : t.kind === "map" ? uses(t.value) : t.kind !== "primitive" && t.ref === qualifiedName);
    const links: string[] = [];
    for (const ns of this.model.namespaces) {
      for (const r of ns.records) if (r.fields.some((f) => uses(f.type))) links.push(this.link("type", r.qualifiedName));
      for (const a of ns.aggregates) for (const e of a.events) if (e.versions.some((v) => v.fields.some((f) => uses(f.type)))) links.push(this.link("event", e.qualifiedName));
      for (const p of ns.projections) if (p.state.some((f) => uses(f.type))) links.push(this.link("projection", p.qualifiedName));
    }
    return `<p class="muted">Used by ${links.join(", ") || "nothing"}</p>`;
  }

  private typeHtml(type: TypeModel): string {
    switch (type.kind) {
      case "primitive":
        return type.name;
      case "enum":
      case "record":
        return this.link(this.kinds.get(type.ref) ?? "type", type.ref);
      case "list":
        return `list&lt;${this.typeHtml(type.element)}&gt;`;
      case "map":
        return `map&lt;string, ${this.typeHtml(type.value)}&gt;`;
    }
  }

  private link(kind: "topic" | "aggregate" | "event" | "type" | "enum" | "projection", qualifiedName: string, qualified = false): string {
    return `<a href="${escapeHtml(hrefOf(kind, qualifiedName))}" data-kind="${kind}">${escapeHtml(qualified ? qualifiedName : bareName(qualifiedName))}</a>`;
  }

  private page(title: string, body: string): string {
    const nav = this.model.namespaces.map((ns) => `<a href="${namespacePage(ns.name)}">${escapeHtml(ns.name)}</a>`).join("");
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="eventc">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header class="site"><a class="brand" href="index.html">${escapeHtml(this.title)}</a><nav>${nav.replace(/<\/a><a/g, "</a> · <a")}</nav></header>
<main>
${body}
</main>
</body>
</html>
`;
  }
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
