/**
 * Writes glossary entries as a YAML glossary file (the format `parseGlossary` reads), so an import
 * from TBX or CSV can become a file in `glossary/`, written the way a terminologist writes one by
 * hand: one block per entry, one key per line. Defaults are left out to keep files short; short
 * lists of texts are written inline (`forms: [Weißen Haus]`), a single target as plain text.
 */
import { Document, isScalar, isSeq, visit } from 'yaml';
import type { GlossaryEntry } from './glossary.js';
import { defaultPos, derivedId } from './glossary.js';

const listOrText = (values: readonly string[]): string | string[] => (values.length === 1 ? (values[0] as string) : [...values]);

function languageMap(map: Readonly<Record<string, readonly string[]>>): Record<string, string | string[]> | undefined {
  const keys = Object.keys(map);
  if (keys.length === 0) return undefined;
  return Object.fromEntries(keys.map((k) => [k, listOrText(map[k] ?? [])]));
}

/** The entry as a plain object in the file's key order, defaults omitted. */
function entryObject(entry: GlossaryEntry, derivedId: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!derivedId) out.id = entry.id;
  out.source = entry.source;
  out.kind = entry.kind;
  const targets = languageMap(entry.targets);
  if (targets !== undefined) out.targets = targets;
  if (entry.dnt) out.dnt = true;
  if (entry.variants.length > 0) out.variants = [...entry.variants];
  if (entry.forms.length > 0) out.forms = [...entry.forms];
  if (entry.match !== 'inflect') out.match = entry.match;
  if (entry.case !== 'sensitive') out.case = entry.case;
  if (entry.pos !== defaultPos(entry.kind)) out.pos = entry.pos;
  if (entry.gender !== undefined) out.gender = entry.gender;
  if (entry.number !== undefined) out.number = entry.number;
  if (entry.plural.length > 0) out.plural = [...entry.plural];
  if (entry.domain !== undefined) out.domain = entry.domain;
  if (entry.status !== 'approved') out.status = entry.status;
  if (entry.note !== undefined) out.note = entry.note;
  if (entry.context !== undefined) out.context = entry.context;
  const forbidden = languageMap(entry.forbidden);
  if (forbidden !== undefined) out.forbidden = forbidden;
  if (entry.exclude.length > 0) out.exclude = [...entry.exclude];
  return out;
}

/** Options of `glossaryToYaml`. */
export interface GlossaryYamlOptions {
  /** Source language written as `language:`; omitted when undefined. */
  readonly language?: string;
  /** True when an entry's id need not be written; default: when it equals the id derived from its source. */
  readonly isDerivedId?: (entry: GlossaryEntry) => boolean;
}

/** Serialises entries as a glossary file. */
export function glossaryToYaml(entries: readonly GlossaryEntry[], options: GlossaryYamlOptions = {}): string {
  const isDerived = options.isDerivedId ?? ((e: GlossaryEntry) => e.id === derivedId(e.source));
  const content: Record<string, unknown> = {};
  if (options.language !== undefined) content.language = options.language;
  content.terms = entries.map((e) => entryObject(e, isDerived(e)));
  const doc = new Document(content);
  visit(doc, {
    Seq(_key, node) {
      // Entries and their maps stay blocks; a short list of texts goes inline.
      if (!isSeq(node) || !node.items.every(isScalar)) return;
      const length = node.items.reduce((n, item) => n + String(isScalar(item) ? item.value : '').length + 2, 0);
      if (length <= INLINE_LIST_WIDTH) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Longest list of texts (in characters) written on one line: `forms: [Weißen Hause, …]`. */
const INLINE_LIST_WIDTH = 60;
