/** Text into HTML and SVG: everything from a spec passes through here, so docs can hold any characters. */

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A `///` doc as paragraphs; `code` spans become <code>. Everything else stays text. */
export function renderDoc(doc: string | undefined, className = "doc"): string {
  if (doc === undefined || doc.trim() === "") return "";
  const paragraphs = doc.split(/\n\s*\n/).map((p) => `<p>${inline(p.trim())}</p>`);
  return `<div class="${className}">${paragraphs.join("")}</div>`;
}

function inline(text: string): string {
  // Escape first, then mark up: the backticks survive escaping, the contents are already safe.
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>").replace(/\n/g, "<br>");
}
