/**
 * Names on the NATS side: stream, subject and consumer names built from topic names, keys and
 * groups, which may hold anything (dots, spaces, `*`, `>`, unicode, the empty string) while NATS
 * tokens may not hold `.`, `*`, `>` or whitespace.
 *
 * Token encoding (reversible, injective): ASCII letters, digits and `-` stay as they are; every
 * other UTF-8 byte becomes `_XX` (upper-case hex), so `_` itself is `_5F`; the empty string is a
 * lone `_` (which no other string encodes to, because `_` is otherwise always followed by two hex
 * digits). Encoded tokens are also valid stream names, and never contain `__` (so a separator of
 * two underscores stays unambiguous).
 */

const KEEP = /^[A-Za-z0-9-]$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

export function encodeToken(value: string): string {
  if (value.length === 0) return "_";
  let out = "";
  for (const char of value) {
    if (KEEP.test(char)) out += char;
    else for (const byte of encoder.encode(char)) out += `_${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Inverse of encodeToken; throws RangeError on text encodeToken cannot have produced. */
export function decodeToken(token: string): string {
  if (token === "_") return "";
  const bytes: number[] = [];
  for (let i = 0; i < token.length; ) {
    const char = token[i]!;
    if (char === "_") {
      const hex = token.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) throw new RangeError(`not an encoded token: "${token}" (bad escape at ${i})`);
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else if (KEEP.test(char)) {
      bytes.push(char.charCodeAt(0));
      i += 1;
    } else {
      throw new RangeError(`not an encoded token: "${token}" (unexpected "${char}" at ${i})`);
    }
  }
  try {
    return decoder.decode(new Uint8Array(bytes));
  } catch {
    throw new RangeError(`not an encoded token: "${token}" (invalid UTF-8)`);
  }
}

/** Where a log lives on a NATS system: the root subject token and the stream-name prefix. */
export interface Namespace {
  /** First subject token of every event: `eventc`. */
  readonly subjectRoot: string;
  /** Prefix of every stream name: `EVENTC`. */
  readonly streamPrefix: string;
}

export function streamName(ns: Namespace, topic: string): string {
  return `${ns.streamPrefix}_${encodeToken(topic)}`;
}

/** Every subject of a topic's stream. */
export function topicSubjects(ns: Namespace, topic: string): string {
  return `${ns.subjectRoot}.${encodeToken(topic)}.>`;
}

/** The topic's descriptor message (sequence 1 of its stream; not an event). */
export function genesisSubject(ns: Namespace, topic: string): string {
  return `${ns.subjectRoot}.${encodeToken(topic)}._topic`;
}

/** All events of one partition. */
export function partitionFilter(ns: Namespace, topic: string, partition: number): string {
  return `${ns.subjectRoot}.${encodeToken(topic)}.${partition}.>`;
}

/** All events of one key (the key decides the partition). */
export function keySubject(ns: Namespace, topic: string, partition: number, key: string): string {
  return `${ns.subjectRoot}.${encodeToken(topic)}.${partition}.${encodeToken(key)}`;
}

/** Key and partition of an event subject; undefined for other subjects (the genesis message). */
export function parseEventSubject(subject: string): { readonly partition: number; readonly key: string } | undefined {
  const tokens = subject.split(".");
  if (tokens.length !== 4 || !/^\d+$/.test(tokens[2]!)) return undefined;
  return { partition: Number(tokens[2]), key: decodeToken(tokens[3]!) };
}
