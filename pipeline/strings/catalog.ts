/**
 * i18next JSON v4 catalogs: reading one into an ordered list of entries with positions, and
 * writing entries back as a catalog.
 *
 * A catalog is one namespace in one language: `{"card": {"readMore": "Weiterlesen"}}` (nested)
 * or `{"card.readMore": "Weiterlesen"}` (flat), or both in one file (i18next looks a key up by
 * path first, then as a flat key). Entries keep the object path they had in the file, so a
 * catalog read and written back unchanged is the same bytes whenever it was formatted the way
 * this writer formats (`JSON.stringify` with an indentation, which is also how i18next-parser
 * and most editors write catalogs). Values that are not text (numbers, lists, empty objects)
 * are kept as they are and written back; they are never translated.
 */
import { InputError, type Message } from '../model.js';
import { parseJson, type JsonNode, type JsonObject, type JsonPlace } from './json.js';

/** One leaf of a catalog. */
export interface CatalogEntry {
  /**
   * The key as i18next addresses it: the object path joined with the key separator
   * (`card.readMore`), or a flat member's name as written.
   */
  readonly key: string;
  /** Member names from the root to this value, as in the file: ['card', 'readMore'] or ['card.readMore']. */
  readonly path: readonly string[];
  /** The text, for a string value; undefined for any other value. */
  readonly text: string | undefined;
  /** A value that is not text, kept so the catalog is written back whole. */
  readonly other?: JsonNode;
  /** Where the value starts in the file (for a string, its opening quote). */
  readonly place: JsonPlace;
  /** For a text read from a file: the offset just after its closing quote. */
  readonly end?: number;
  /** Where the key starts in the file. */
  readonly keyPlace: JsonPlace;
}

/** How a catalog is laid out, so that it is written back the way it was. */
export interface CatalogLayout {
  /** 'nested': objects per key level; 'flat': full keys at the root; 'mixed': both. */
  readonly style: 'nested' | 'flat' | 'mixed';
  /** One level of indentation ('' writes the catalog on one line). */
  readonly indent: string;
  readonly eol: '\n' | '\r\n';
  readonly finalNewline: boolean;
  readonly bom: boolean;
}

export interface Catalog {
  /** The catalog's path as messages show it (relative to the project root). */
  readonly file: string;
  readonly language: string;
  readonly namespace: string;
  /** Leaves in file order. */
  readonly entries: readonly CatalogEntry[];
  readonly layout: CatalogLayout;
}

/** What a catalog is read with. */
export interface CatalogReadOptions {
  /** Key separator of the site (i18next `keySeparator`); false when keys are flat. */
  readonly keySeparator: string | false;
  /** Layout assumed when the file cannot tell (no key with levels in it). */
  readonly defaultStyle: 'nested' | 'flat';
}

/** A layout for a new catalog. */
export function newLayout(style: 'nested' | 'flat', indent: number): CatalogLayout {
  return { style, indent: ' '.repeat(indent), eol: '\n', finalNewline: true, bom: false };
}

/**
 * Reads a catalog. Syntax errors throw an InputError with line and column (rule
 * `strings/json`); a root that is not an object throws too. What can be read around is a
 * message: a key that occurs twice in an object (`strings/duplicate-key`, the first is kept,
 * as a later edit is more likely a paste), and a value that is not text (`strings/not-text`,
 * kept and written back, never translated).
 */
export function readCatalog(
  text: string,
  where: { readonly file: string; readonly language: string; readonly namespace: string },
  options: CatalogReadOptions,
): { readonly catalog: Catalog; readonly messages: readonly Message[] } {
  const { root, bom } = parseJson(text, where.file);
  const messages: Message[] = [];
  const message = (place: JsonPlace, severity: Message['severity'], ruleId: string, reason: string, hint: string): void => {
    messages.push({ reason, ruleId, source: 'strings', severity, file: where.file, line: place.line, column: place.column, hint });
  };
  if (root.kind !== 'object') {
    throw new InputError({
      reason: `a catalog must be a JSON object of keys, found ${root.kind === 'array' ? 'a list' : `a ${root.kind}`}`,
      ruleId: 'strings/not-catalog',
      source: 'strings',
      severity: 'error',
      fatal: true,
      file: where.file,
      line: root.place.line,
      column: root.place.column,
      hint: 'an i18next catalog looks like {"key": "text", "group": {"key": "text"}}',
    });
  }
  const separator = options.keySeparator;
  const entries: CatalogEntry[] = [];
  const keys = new Set<string>();
  let hasObjects = false;
  let hasDottedRootKeys = false;
  const walk = (object: JsonObject, path: readonly string[]): void => {
    const seen = new Set<string>();
    for (const member of object.members) {
      if (seen.has(member.key)) {
        message(member.keyPlace, 'error', 'strings/duplicate-key', `the key "${[...path, member.key].join(separator || '.')}" occurs twice in this object; the first is kept`, 'remove one of the two members: i18next would use the last one, a translator sees the first');
        continue;
      }
      seen.add(member.key);
      const memberPath = [...path, member.key];
      if (path.length === 0 && separator !== false && member.key.includes(separator)) hasDottedRootKeys = true;
      const value = member.value;
      if (value.kind === 'object' && value.members.length > 0) {
        hasObjects = true;
        if (separator === false) {
          message(member.keyPlace, 'warning', 'strings/nested-without-separator', `"${member.key}" holds an object, but keys have no separator (keySeparator: false), so i18next cannot reach the texts inside`, 'flatten the object or set a keySeparator');
        }
        walk(value, memberPath);
        continue;
      }
      const key = separator === false ? memberPath.join('.') : memberPath.join(separator);
      if (keys.has(key)) {
        // The same key twice through different paths: `"a.b"` flat beside `"a": {"b": …}`.
        message(member.keyPlace, 'error', 'strings/duplicate-key', `the key "${key}" is in this catalog twice (once nested, once as a flat key); the first is kept`, 'remove one of the two: i18next finds the nested one first');
        continue;
      }
      keys.add(key);
      if (value.kind === 'string') {
        entries.push({ key, path: memberPath, text: value.value, place: value.place, end: value.end, keyPlace: member.keyPlace });
      } else {
        const what = value.kind === 'object' ? 'an empty object' : value.kind === 'array' ? 'a list' : `a ${value.kind}`;
        message(value.place, 'info', 'strings/not-text', `the value of "${key}" is ${what}, not text: it is kept and not translated`, 'write the text as a string if translators should translate it');
        entries.push({ key, path: memberPath, text: undefined, other: value, place: value.place, keyPlace: member.keyPlace });
      }
    }
  };
  walk(root, []);
  const style = hasObjects && hasDottedRootKeys ? 'mixed' : hasObjects ? 'nested' : hasDottedRootKeys ? 'flat' : options.defaultStyle;
  return { catalog: { file: where.file, language: where.language, namespace: where.namespace, entries, layout: detectLayout(text, root, bom, style) }, messages };
}

function detectLayout(text: string, root: JsonObject, bom: boolean, style: CatalogLayout['style']): CatalogLayout {
  const eol = /\r\n/u.test(text) ? '\r\n' : '\n';
  const finalNewline = text.endsWith('\n');
  const first = root.members[0];
  let indent = '  ';
  if (first !== undefined) {
    const before = text.slice(root.place.offset + 1, first.keyPlace.offset);
    const lineBreak = before.lastIndexOf('\n');
    if (lineBreak === -1) indent = '';
    else {
      const leading = before.slice(lineBreak + 1);
      if (/^( +|\t+)$/u.test(leading)) indent = leading;
    }
  }
  return { style, indent, eol, finalNewline, bom };
}

/** One value to write: a path and either text or a kept value. */
export interface CatalogLeaf {
  readonly path: readonly string[];
  readonly text?: string | undefined;
  readonly other?: JsonNode | undefined;
}

/** An ordered object tree, built from leaves in order. */
interface TreeObject {
  readonly members: Map<string, TreeObject | CatalogLeaf>;
}

const isTree = (node: TreeObject | CatalogLeaf): node is TreeObject => 'members' in node;

/**
 * Writes leaves as catalog text, in the order given (a member is written where its first leaf
 * comes). Returns the leaves that could not be placed: a path that runs through a text
 * (`card` is text, `card.title` wants it to be an object) or a path given twice.
 */
export function formatCatalog(leaves: readonly CatalogLeaf[], layout: CatalogLayout): { readonly text: string; readonly conflicts: readonly CatalogLeaf[] } {
  const root: TreeObject = { members: new Map() };
  const conflicts: CatalogLeaf[] = [];
  for (const leaf of leaves) {
    let node = root;
    let placed = true;
    for (let i = 0; i < leaf.path.length - 1; i++) {
      const name = leaf.path[i] as string;
      const child = node.members.get(name);
      if (child === undefined) {
        const created: TreeObject = { members: new Map() };
        node.members.set(name, created);
        node = created;
      } else if (isTree(child)) node = child;
      else {
        placed = false;
        break;
      }
    }
    const last = leaf.path.at(-1);
    if (!placed || last === undefined || node.members.has(last)) {
      conflicts.push(leaf);
      continue;
    }
    node.members.set(last, leaf);
  }
  const { indent, eol } = layout;
  const out: string[] = [];
  const writeNode = (node: OutNode, depth: number): void => {
    switch (node.kind) {
      case 'string':
        out.push(JSON.stringify(node.value));
        return;
      case 'number':
      case 'boolean':
      case 'null':
        out.push(node.raw);
        return;
      case 'array':
      case 'object': {
        const items: readonly (OutNode | { readonly key: string; readonly value: OutNode })[] = node.kind === 'array' ? node.items : node.members;
        const [open, close] = node.kind === 'array' ? ['[', ']'] : ['{', '}'];
        if (items.length === 0) {
          out.push(open, close);
          return;
        }
        out.push(open);
        items.forEach((item, i) => {
          if (indent !== '') out.push(eol, indent.repeat(depth + 1));
          if ('key' in item) {
            out.push(JSON.stringify(item.key), indent === '' ? ':' : ': ');
            writeNode(item.value, depth + 1);
          } else writeNode(item, depth + 1);
          if (i < items.length - 1) out.push(',');
        });
        if (indent !== '') out.push(eol, indent.repeat(depth));
        out.push(close);
        return;
      }
    }
  };
  const toNode = (tree: TreeObject): OutNode => ({
    kind: 'object',
    members: [...tree.members].map(([key, child]) => ({
      key,
      value: isTree(child) ? toNode(child) : child.text !== undefined ? { kind: 'string', value: child.text } : (child.other ?? { kind: 'string', value: '' }),
    })),
  });
  writeNode(toNode(root), 0);
  return { text: (layout.bom ? '\uFEFF' : '') + out.join('') + (layout.finalNewline ? eol : ''), conflicts };
}

/** What the writer writes: a JSON node as read (positions unused), or one built from leaves. */
type OutNode =
  | { readonly kind: 'object'; readonly members: readonly { readonly key: string; readonly value: OutNode }[] }
  | { readonly kind: 'array'; readonly items: readonly OutNode[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number' | 'boolean' | 'null'; readonly raw: string };

/** The catalog text of a catalog's own entries: the same bytes as its file when we formatted it. */
export function writeCatalog(catalog: Pick<Catalog, 'entries' | 'layout'>): string {
  return formatCatalog(catalog.entries, catalog.layout).text;
}

/**
 * The object path of a key that is new to a catalog: split at the key separator in a nested
 * or mixed catalog, whole in a flat one. A key with an empty level (`Mehr lesen.`, `a..b`) stays
 * whole, as i18next then finds it as a flat key.
 */
export function pathForKey(key: string, style: CatalogLayout['style'], keySeparator: string | false): readonly string[] {
  if (style === 'flat' || keySeparator === false) return [key];
  const parts = key.split(keySeparator);
  return parts.some((p) => p === '') ? [key] : parts;
}
