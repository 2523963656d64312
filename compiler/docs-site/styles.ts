/** The catalog's stylesheet, inlined into every page (no external files, no network). */
export const STYLES = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --bg: #f7f8fb; --accent: #2f5fd0; --topic: #fff4d6; --aggregate: #e3ecff; --event: #e6f6ec; --projection: #f6e8fb; --ends: #fde7e4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header.site { background: #1d2330; color: #fff; padding: 12px 24px; display: flex; gap: 24px; align-items: baseline; flex-wrap: wrap; }
header.site a { color: #cfe0ff; text-decoration: none; }
header.site .brand { font-weight: 700; color: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { margin: 0 0 8px; font-size: 28px; }
h2 { margin: 32px 0 12px; font-size: 21px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin: 0 0 6px; font-size: 17px; }
h1 code, h3 code { font-size: .95em; }
h4 { margin: 14px 0 6px; font-size: 14px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
a { color: var(--accent); }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin: 12px 0; }
.card:target { outline: 2px solid var(--accent); }
.doc p { margin: 4px 0 8px; }
.muted { color: var(--muted); }
.tag { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 10px; background: var(--bg); border: 1px solid var(--line); margin-right: 4px; }
.tag.creates { background: var(--event); } .tag.ends { background: var(--ends); } .tag.deprecated { background: var(--ends); }
table { border-collapse: collapse; width: 100%; margin: 6px 0; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
ul.plain { list-style: none; padding: 0; margin: 4px 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
.figure { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px; margin: 8px 0; }
svg.diagram .node rect { stroke: #8a94a8; stroke-width: 1; fill: #fff; }
svg.diagram .node.topic rect { fill: var(--topic); } svg.diagram .node.aggregate rect { fill: var(--aggregate); }
svg.diagram .node.event rect { fill: var(--event); } svg.diagram .node.ends rect { fill: var(--ends); }
svg.diagram .node.projection rect { fill: var(--projection); } svg.diagram .node.terminal rect { fill: #1d2330; }
svg.diagram .node.terminal text { fill: #fff; }
svg.diagram text { fill: var(--ink); } svg.diagram text.note { fill: var(--muted); font-size: 10px; } svg.diagram text.caption { fill: var(--muted); font-style: italic; }
svg.diagram .edge { fill: none; stroke: #7a8499; stroke-width: 1.3; } svg.diagram .arrow { fill: #7a8499; }
svg.diagram a:hover rect { stroke: var(--accent); stroke-width: 2; }
`;
