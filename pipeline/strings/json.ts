/**
 * A strict JSON reader (RFC 8259) that keeps where everything is.
 *
 * Catalog messages must point at the line and column of a value, and a catalog must keep its
 * members in file order, duplicates included, so that nothing is dropped without a word.
 * `JSON.parse` gives neither: no positions, the last of two equal keys wins silently, and keys
 * such as "1" or "__proto__" change order or meaning once they are object properties. The
 * grammar is small and fixed, so this reader walks it once, building a tree of members in file
 * order; a test compares it with `JSON.parse` on generated documents.
 */
import { InputError } from '../model.js';

/** A place in the text: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface JsonPlace {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;

export interface JsonObject {
  readonly kind: 'object';
  /** Members in file order; a key may occur twice (callers decide what that means). */
  readonly members: readonly JsonMember[];
  readonly place: JsonPlace;
}

export interface JsonMember {
  readonly key: string;
  /** Where the key's opening quote is. */
  readonly keyPlace: JsonPlace;
  readonly value: JsonNode;
}

export interface JsonArray {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
  readonly place: JsonPlace;
}

export interface JsonString {
  readonly kind: 'string';
  readonly value: string;
  readonly place: JsonPlace;
  /** Offset just after the closing quote. */
  readonly end: number;
}

/** A number, true, false or null, kept as written. */
export interface JsonScalar {
  readonly kind: 'number' | 'boolean' | 'null';
  readonly raw: string;
  readonly place: JsonPlace;
}

/** What `parseJson` found besides the tree. */
export interface JsonDocument {
  readonly root: JsonNode;
  /** True when the text starts with a byte order mark (U+FEFF), which is skipped. */
  readonly bom: boolean;
}

/** Deepest nesting accepted; a catalog has a handful of levels, a hostile file thousands. */
export const MAX_JSON_DEPTH = 64;

/** Start offsets of the lines of a text, for turning offsets into lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  place(offset: number): JsonPlace {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] as number) + 1, offset };
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Reads a JSON text into a tree with positions. Throws an InputError (rule `<rulePrefix>/json`)
 * with the line and column of the first mistake and what was expected there.
 */
export function parseJson(text: string, file: string, rulePrefix = 'strings'): JsonDocument {
  const lines = new LineIndex(text);
  const bom = text.charCodeAt(0) === 0xfeff;
  let i = bom ? 1 : 0;

  const fail = (offset: number, reason: string, hint = 'fix the JSON syntax at this place (a JSON validator or your editor shows the same spot)'): never => {
    const at = lines.place(offset);
    throw new InputError({
      reason,
      ruleId: `${rulePrefix}/json`,
      source: rulePrefix,
      severity: 'error',
      fatal: true,
      file,
      line: at.line,
      column: at.column,
      hint,
    });
  };
  const found = (offset: number): string => (offset >= text.length ? 'the end of the file' : `"${String.fromCodePoint(text.codePointAt(offset) as number)}"`);

  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i += 1;
      else return;
    }
  };

  const readString = (): JsonString => {
    const start = i;
    i += 1;
    let value = '';
    let runStart = i;
    for (;;) {
      if (i >= text.length) fail(start, 'a string is not closed', 'add the closing " (a string cannot span lines)');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        value += text.slice(runStart, i);
        i += 1;
        return { kind: 'string', value, place: lines.place(start), end: i };
      }
      if (c === 0x5c) {
        value += text.slice(runStart, i);
        const e = text.charAt(i + 1);
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9A-Fa-f]{4}$/u.test(hex)) fail(i, 'a \\u escape needs four hexadecimal digits');
          value += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const decoded = ESCAPES[e];
          if (decoded === undefined) fail(i, `"\\${e}" is not a JSON escape`, 'write \\\\ for a backslash; JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX');
          value += decoded;
          i += 2;
        }
        runStart = i;
        continue;
      }
      if (c < 0x20) fail(i, 'a control character (such as a line break or tab) inside a string', 'write it as an escape: \\n for a line break, \\t for a tab');
      i += 1;
    }
  };

  const readValue = (depth: number): JsonNode => {
    skipSpace();
    if (depth > MAX_JSON_DEPTH) fail(i, `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep`, 'a catalog needs a few levels; check that this is the right file');
    const c = text.charAt(i);
    const start = i;
    if (c === '{') {
      i += 1;
      const members: JsonMember[] = [];
      skipSpace();
      if (text.charAt(i) === '}') {
        i += 1;
        return { kind: 'object', members, place: lines.place(start) };
      }
      for (;;) {
        skipSpace();
        if (text.charAt(i) !== '"') fail(i, `expected a key in double quotes, found ${found(i)}`, text.charAt(i) === '}' ? 'remove the comma before "}" (JSON allows no trailing comma)' : undefined);
        const key = readString();
        skipSpace();
        if (text.charAt(i) !== ':') fail(i, `expected ":" after the key "${key.value}", found ${found(i)}`);
        i += 1;
        const value = readValue(depth + 1);
        members.push({ key: key.value, keyPlace: key.place, value });
        skipSpace();
        const next = text.charAt(i);
        i += 1;
        if (next === '}') return { kind: 'object', members, place: lines.place(start) };
        if (next !== ',') fail(i - 1, `expected "," or "}" after the value of "${key.value}", found ${found(i - 1)}`, 'a comma is missing between two members, or a brace is not closed');
      }
    }
    if (c === '[') {
      i += 1;
      const items: JsonNode[] = [];
      skipSpace();
      if (text.charAt(i) === ']') {
        i += 1;
        return { kind: 'array', items, place: lines.place(start) };
      }
      for (;;) {
        items.push(readValue(depth + 1));
        skipSpace();
        const next = text.charAt(i);
        i += 1;
        if (next === ']') return { kind: 'array', items, place: lines.place(start) };
        if (next !== ',') fail(i - 1, `expected "," or "]" in a list, found ${found(i - 1)}`);
        skipSpace();
        if (text.charAt(i) === ']') fail(i, 'a list ends with a comma', 'remove the comma before "]" (JSON allows no trailing comma)');
      }
    }
    if (c === '"') return readString();
    for (const word of ['true', 'false', 'null'] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: word === 'null' ? 'null' : 'boolean', raw: word, place: lines.place(start) };
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number !== null && number[0] !== '' && number[0] !== '-') {
      i += number[0].length;
      return { kind: 'number', raw: number[0], place: lines.place(start) };
    }
    if (c === "'") return fail(i, 'a string in single quotes', 'JSON strings use double quotes: "…"');
    if (c === '/') return fail(i, 'a comment', 'JSON has no comments: remove it (a note for translators goes in the .meta.json file)');
    return fail(i, `expected a value, found ${found(i)}`);
  };

  const root = readValue(0);
  skipSpace();
  if (i < text.length) fail(i, `unexpected ${found(i)} after the end of the JSON value`, 'a file holds one JSON value; remove what follows it');
  return { root, bom };
}

/** The plain JavaScript value of a node, as `JSON.parse` would give it (the last of equal keys wins). */
export function jsonValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const member of node.members) {
        Object.defineProperty(result, member.key, { value: jsonValue(member.value), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    case 'array':
      return node.items.map(jsonValue);
    case 'string':
      return node.value;
    case 'number':
      return Number(node.raw);
    case 'boolean':
      return node.raw === 'true';
    case 'null':
      return null;
  }
}
