/**
 * A small TextMate tokenizer for tests: enough of the algorithm for this grammar (includes
 * from the repository, `match` rules with captures, `begin`/`end` rules with inner patterns,
 * one line at a time). At each position the pattern matching earliest wins, ties go to the
 * pattern listed first, and inside a begin/end rule its end is tried before its patterns —
 * as in vscode-textmate. The regexes run on JavaScript's engine, so they must be written in
 * the subset JavaScript and Oniguruma share (checked by the grammar test too).
 */

export interface Rule {
  readonly include?: string;
  readonly name?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly captures?: Readonly<Record<string, { readonly name: string }>>;
  readonly beginCaptures?: Readonly<Record<string, { readonly name: string }>>;
  readonly endCaptures?: Readonly<Record<string, { readonly name: string }>>;
  readonly patterns?: readonly Rule[];
}

export interface Grammar {
  readonly scopeName: string;
  readonly patterns: readonly Rule[];
  readonly repository: Readonly<Record<string, { readonly patterns: readonly Rule[] }>>;
}

/** Every scope of each character of the line (as a set: the order is not the nesting order). */
export function tokenizeLine(grammar: Grammar, line: string): string[][] {
  const scopes: string[][] = Array.from({ length: line.length }, () => [grammar.scopeName]);
  const flatten = (rules: readonly Rule[]): Rule[] =>
    rules.flatMap((rule) => (rule.include ? flatten(grammar.repository[rule.include.slice(1)]?.patterns ?? []) : [rule]));
  const top = flatten(grammar.patterns);
  const paint = (from: number, to: number, scope: string) => {
    for (let i = from; i < to; i++) scopes[i]!.push(scope);
  };
  const paintCaptures = (match: RegExpExecArray, captures: Rule["captures"]) => {
    if (!captures) return;
    for (const [group, capture] of Object.entries(captures)) {
      const index = Number(group);
      const text = match[index];
      if (text === undefined || text.length === 0) continue;
      const start = index === 0 ? match.index : match.indices![index]![0];
      paint(start, start + text.length, capture.name);
    }
  };
  const search = (source: string, at: number): RegExpExecArray | null => {
    const regex = new RegExp(source, "dg");
    regex.lastIndex = at;
    return regex.exec(line);
  };

  let pos = 0;
  let open: { rule: Rule; inner: Rule[]; start: number } | undefined;
  while (pos <= line.length) {
    const candidates: { match: RegExpExecArray; rule: Rule | "end" }[] = [];
    if (open) {
      const end = search(open.rule.end!, pos);
      if (end) candidates.push({ match: end, rule: "end" });
    }
    for (const rule of open ? open.inner : top) {
      const match = search(rule.match ?? rule.begin!, pos);
      if (match) candidates.push({ match, rule });
    }
    if (candidates.length === 0) break;
    const best = candidates.reduce((a, b) => (b.match.index < a.match.index ? b : a));
    const { match, rule } = best;
    const endOfMatch = match.index + match[0].length;
    if (rule === "end") {
      // The whole begin…end stretch carries the rule's name (inner scopes were painted first, so order is not nesting order).
      if (open!.rule.name) paint(open!.start, endOfMatch, open!.rule.name);
      paintCaptures(match, open!.rule.endCaptures);
      open = undefined;
    } else if (rule.begin !== undefined) {
      paintCaptures(match, rule.beginCaptures);
      open = { rule, inner: flatten(rule.patterns ?? []), start: match.index };
    } else {
      if (rule.name) paint(match.index, endOfMatch, rule.name);
      paintCaptures(match, rule.captures);
    }
    if (pos >= line.length) break;
    pos = endOfMatch > pos ? endOfMatch : pos + 1;
  }
  return scopes;
}
