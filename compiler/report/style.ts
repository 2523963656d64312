/** ANSI colours for rendered diagnostics, or none (the CLI asks for colour only on a TTY without NO_COLOR). */

export interface Style {
  severity(severity: "error" | "warning" | "note", text: string): string;
  message(text: string): string;
  gutter(text: string): string;
  underline(tone: "error" | "warning" | "note", text: string): string;
  help(text: string): string;
}

const wrap = (open: string) => (text: string) => `\u001b[${open}m${text}\u001b[0m`;
const red = wrap("1;31");
const yellow = wrap("1;33");
const cyan = wrap("1;36");
const blue = wrap("34");
const bold = wrap("1");

const toneColour = (tone: "error" | "warning" | "note") => (tone === "error" ? red : tone === "warning" ? yellow : cyan);

export const colourStyle: Style = {
  severity: (severity, text) => toneColour(severity)(text),
  message: bold,
  gutter: blue,
  underline: (tone, text) => toneColour(tone)(text),
  help: cyan,
};

const same = (text: string) => text;

export const plainStyle: Style = {
  severity: (_severity, text) => text,
  message: same,
  gutter: same,
  underline: (_tone, text) => text,
  help: same,
};
