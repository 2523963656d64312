/**
 * A small layered-graph renderer: nodes in columns (layers) left to right, boxes sized to their
 * labels, edges as curves with arrow heads. Enough for the catalog's lifecycle and flow diagrams,
 * rendered at build time so the pages need no script. Labels use a monospace font so their width
 * is known without measuring: a box is always wider than its text.
 */
import { escapeHtml } from "./html-text.js";

export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  /** Column, from 0 (left). */
  readonly layer: number;
  /** CSS class of the box: its colour. */
  readonly kind: string;
  /** Where clicking the node goes. */
  readonly href?: string;
  /** Small second line (e.g. "4 partitions"). */
  readonly note?: string;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly dashed?: boolean;
}

export interface Diagram {
  readonly title: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** Lines under the graph (e.g. "any time: ItemDescribed"). */
  readonly notes?: readonly string[];
}

const FONT_SIZE = 12;
/** Advance of one monospace character at FONT_SIZE, rounded up (0.6em in common monospace fonts). */
const CHAR_WIDTH = 7.8;
const PAD_X = 12;
const BOX_HEIGHT = 30;
const NOTE_HEIGHT = 14;
const GAP_X = 70;
const GAP_Y = 18;
const MARGIN = 20;
const LOOP = 16;

interface Placed {
  readonly node: DiagramNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Width of a label in the diagram's font: code points times a generous advance (wide characters count twice). */
export function textWidth(text: string): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return units * CHAR_WIDTH;
}

export function renderDiagram(diagram: Diagram, id: string): string {
  const layers = orderLayers(diagram);
  const placed = new Map<string, Placed>();
  let x = MARGIN;
  let height = 0;
  for (const layer of layers) {
    const width = Math.max(...layer.map((n) => Math.max(textWidth(n.label), textWidth(n.note ?? "") * 0.85) + 2 * PAD_X));
    let y = MARGIN + LOOP;
    for (const node of layer) {
      const h = BOX_HEIGHT + (node.note !== undefined ? NOTE_HEIGHT : 0);
      placed.set(node.id, { node, x, y, width, height: h });
      y += h + GAP_Y + LOOP;
    }
    height = Math.max(height, y);
    x += width + GAP_X;
  }
  const backEdges = diagram.edges.filter((e) => (placed.get(e.from)?.x ?? 0) > (placed.get(e.to)?.x ?? 0)).length;
  const notes = diagram.notes ?? [];
  const notesTop = height + backEdges * 6;
  const notesWidth = Math.max(0, ...notes.map(textWidth)) + 2 * MARGIN;
  const totalWidth = Math.ceil(Math.max(x - GAP_X + MARGIN + 40, notesWidth, 160));
  const totalHeight = Math.ceil(notesTop + notes.length * 18 + (notes.length > 0 ? MARGIN : 0));

  const parts: string[] = [];
  let back = 0;
  for (const edge of diagram.edges) {
    const from = placed.get(edge.from);
    const to = placed.get(edge.to);
    if (!from || !to) continue;
    const dash = edge.dashed ? ' stroke-dasharray="4 3"' : "";
    if (from === to) {
      // A self-loop above the box.
      const cx = from.x + from.width / 2;
      parts.push(`<path class="edge"${dash} d="M ${cx - 14} ${from.y} C ${cx - 18} ${from.y - LOOP - 6}, ${cx + 18} ${from.y - LOOP - 6}, ${cx + 14} ${from.y}" marker-end="url(#${id}-arrow)"/>`);
    } else if (to.x > from.x) {
      const x1 = from.x + from.width;
      const y1 = from.y + from.height / 2;
      const x2 = to.x;
      const y2 = to.y + to.height / 2;
      const mid = (x1 + x2) / 2;
      parts.push(`<path class="edge"${dash} d="M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2 - 2} ${y2}" marker-end="url(#${id}-arrow)"/>`);
    } else if (to.x === from.x) {
      // Within one column: out of the right side and back in, clear of the boxes between.
      const x = from.x + from.width;
      const y1 = from.y + from.height / 2;
      const y2 = to.y + to.height / 2;
      const bulge = x + 24 + Math.min(30, Math.abs(y2 - y1) / 4);
      parts.push(`<path class="edge"${dash} d="M ${round(x)} ${y1} C ${round(bulge)} ${y1}, ${round(bulge)} ${y2}, ${round(x + 2)} ${y2}" marker-end="url(#${id}-arrow)"/>`);
    } else {
      // Back to an earlier column: around the bottom of the boxes.
      back++;
      const x1 = from.x + from.width / 2;
      const y1 = from.y + from.height;
      const x2 = to.x + to.width / 2 + 10;
      const y2 = to.y + to.height;
      const low = Math.max(y1, y2) + 10 + back * 6;
      parts.push(`<path class="edge back"${dash} d="M ${x1} ${y1} C ${x1} ${low}, ${x2} ${low}, ${x2} ${y2 + 2}" marker-end="url(#${id}-arrow)"/>`);
    }
  }
  for (const p of placed.values()) {
    const label = escapeHtml(p.node.label);
    const textY = p.y + (p.node.note !== undefined ? 18 : p.height / 2 + 4);
    let box = `<g class="node ${escapeHtml(p.node.kind)}" data-label="${label}"><rect x="${p.x}" y="${p.y}" width="${round(p.width)}" height="${p.height}" rx="6"/>`;
    box += `<text x="${round(p.x + p.width / 2)}" y="${textY}" text-anchor="middle">${label}</text>`;
    if (p.node.note !== undefined) box += `<text class="note" x="${round(p.x + p.width / 2)}" y="${p.y + 33}" text-anchor="middle">${escapeHtml(p.node.note)}</text>`;
    box += "</g>";
    parts.push(p.node.href !== undefined ? `<a href="${escapeHtml(p.node.href)}">${box}</a>` : box);
  }
  notes.forEach((note, i) => parts.push(`<text class="caption" x="${MARGIN}" y="${notesTop + 14 + i * 18}">${escapeHtml(note)}</text>`));

  return `<svg xmlns="http://www.w3.org/2000/svg" class="diagram" id="${id}" role="img" aria-labelledby="${id}-title" width="${totalWidth}" height="${totalHeight}" viewBox="0 0 ${totalWidth} ${totalHeight}" font-family="ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="${FONT_SIZE}">
<title id="${id}-title">${escapeHtml(diagram.title)}</title>
<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrow"/></marker></defs>
${parts.join("\n")}
</svg>`;
}

/** Nodes per layer, ordered to keep edges short: each layer by the mean position of its predecessors. */
function orderLayers(diagram: Diagram): DiagramNode[][] {
  const count = Math.max(0, ...diagram.nodes.map((n) => n.layer)) + 1;
  const layers: DiagramNode[][] = Array.from({ length: count }, () => []);
  for (const node of diagram.nodes) layers[node.layer]!.push(node);
  const position = new Map<string, number>();
  layers.forEach((layer, i) => {
    if (i > 0) {
      const score = (n: DiagramNode): number => {
        const preds = diagram.edges.filter((e) => e.to === n.id && position.has(e.from) && e.from !== n.id).map((e) => position.get(e.from)!);
        return preds.length > 0 ? preds.reduce((a, b) => a + b, 0) / preds.length : Number.MAX_SAFE_INTEGER;
      };
      const scores = new Map(layer.map((n, index) => [n.id, [score(n), index] as const]));
      layer.sort((a, b) => {
        const [sa, ia] = scores.get(a.id)!;
        const [sb, ib] = scores.get(b.id)!;
        return sa - sb || ia - ib;
      });
    }
    layer.forEach((n, index) => position.set(n.id, index));
  });
  return layers.filter((l) => l.length > 0);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
