/**
 * Which units of a translator's file stand for which sentences of a document, when the file no
 * longer carries our ids: Translate Toolkit's `po2xliff` numbers its units anew and keeps our id
 * only in a `po-reference` context; other tools keep it in `resname`; with `po2xliff -t` the
 * converted units come in a second `<file>` appended to ours. Matching and merging both read a file
 * through `documentEntries`, so a round trip keeps its work in `build` and in `extract` alike.
 *
 * Order of trust: the unit's own id; its resname (the sentence id, or the resname we wrote for the
 * sentence when the source still agrees); a context that carries the sentence id; and as a last
 * resort a source text that equals exactly one sentence no other unit has (with a notice).
 */
import { segmentsOf, type Document, type Message } from '../model.js';
import { entriesOf, filesFor, hasWork, sameSource, sentenceResname, type Entry } from './entries.js';
import type { ParsedXliff } from './types.js';

/** The entries of a file for one document, and what was noticed while finding them. */
export interface DocumentEntries {
  /** Entries under the id of the sentence each stands for (or its own id when none fits), in file order. */
  readonly entries: Entry[];
  /** The `<file>` elements read (indexes into `ParsedXliff.files`). */
  readonly indexes: ReadonlySet<number>;
  /** True when a `<file original>` names the document. */
  readonly matched: boolean;
  /** Notices (how units were matched, files read or passed over); `source` and `file` filled in. */
  readonly messages: Message[];
}

/** A sentence by what can find it. */
interface SentenceIndex {
  readonly ids: ReadonlySet<string>;
  readonly textOf: ReadonlyMap<string, string>;
  readonly byResname: ReadonlyMap<string, string>;
  /** A named resource's name (a software string's key) → its id: a name is an identity, like an id. */
  readonly byName: ReadonlyMap<string, string>;
  /** Folded text → the ids of the sentences with that text (two or more: not unique). */
  readonly byText: ReadonlyMap<string, readonly string[]>;
}

function indexSentences(doc: Document): SentenceIndex {
  const textOf = new Map<string, string>();
  const byResname = new Map<string, string>();
  const byName = new Map<string, string>();
  const byText = new Map<string, string[]>();
  doc.blocks.forEach((block, b) => {
    block.segments.forEach((segment, i) => {
      textOf.set(segment.id, segment.text);
      if (segment.resource !== undefined) byName.set(segment.resource.name, segment.id);
      byResname.set(sentenceResname(block.kind, b + 1, i + 1), segment.id);
      const key = foldText(segment.text);
      const list = byText.get(key);
      if (list === undefined) byText.set(key, [segment.id]);
      else list.push(segment.id);
    });
  });
  return { ids: new Set(segmentsOf(doc).map((s) => s.id)), textOf, byResname, byName, byText };
}

function foldText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The sentence an entry stands for by its id, resname or context, or undefined. */
function byIdentity(entry: Entry, index: SentenceIndex): Pick<Entry, 'id' | 'matchedBy'> | undefined {
  if (index.ids.has(entry.id)) return { id: entry.id, matchedBy: 'id' };
  const resname = entry.resname;
  if (resname !== undefined) {
    if (index.ids.has(resname)) return { id: resname, matchedBy: 'resname' };
    const named = index.byName.get(resname);
    if (named !== undefined) return { id: named, matchedBy: 'resname' };
    // Our own resname is a position (`paragraph-2.1`): only as good as a source that still agrees.
    const byPosition = index.byResname.get(resname);
    if (byPosition !== undefined && sameSource(entry.source, index.textOf.get(byPosition) ?? '')) return { id: byPosition, matchedBy: 'resname' };
  }
  for (const context of entry.contexts) if (index.ids.has(context)) return { id: context, matchedBy: 'context' };
  return undefined;
}

const HOW: Readonly<Record<Exclude<Entry['matchedBy'], 'id'>, string>> = {
  resname: 'their resname',
  context: 'the sentence id in their context (a Translate Toolkit po-reference)',
  source: 'their source text, which only one sentence has (their ids are not the ones this project wrote)',
};

/**
 * The entries of `parsed` that belong to `doc`: those of its own `<file>` elements (see `filesFor`)
 * and of any other `<file>` with a unit that stands for one of its sentences (a converted copy
 * appended to ours). A unit of such an appended file that holds work replaces the own file's unit of
 * the same sentence. A `<file>` that is passed over is reported, never dropped in silence.
 * `bySourceText` false: no last-resort match by source text (an aside file holds units of
 * sentences and keys that left, under our own ids; one of them must not take the place of a
 * sentence that now happens to read the same).
 */
export function documentEntries(parsed: ParsedXliff, doc: Document, source: string, original: string = doc.path, bySourceText = true): DocumentEntries {
  const messages: Message[] = [];
  const msg = (m: Omit<Message, 'source' | 'file'>): void => {
    messages.push({ source, file: parsed.file, ...m });
  };
  const index = indexSentences(doc);
  const { indexes: own, matched } = filesFor(parsed, original);

  // First pass: identities (id, resname, context) in every file.
  const all = entriesOf(parsed).map((entry) => {
    const found = byIdentity(entry, index);
    return found === undefined || (found.id === entry.id && found.matchedBy === 'id') ? entry : { ...entry, ...found };
  });
  const read = new Set(own);
  for (const entry of all) if (!own.has(entry.fileIndex) && index.ids.has(entry.id)) read.add(entry.fileIndex);
  const kept = all.filter((e) => read.has(e.fileIndex));

  // Last resort: a unique source text for a sentence no unit has claimed.
  const claimed = new Set(kept.filter((e) => index.ids.has(e.id)).map((e) => e.id));
  const resolved = kept.map((entry) => {
    if (!bySourceText || index.ids.has(entry.id)) return entry;
    const candidates = index.byText.get(foldText(entry.source));
    const only = candidates?.length === 1 ? candidates[0] : undefined;
    if (only === undefined || claimed.has(only)) return entry;
    claimed.add(only);
    return { ...entry, id: only, matchedBy: 'source' as const };
  });

  // A unit of an appended file with work replaces the own file's unit of the same sentence; its
  // units that stand for no sentence stay out (they belong to no document here).
  const ownAt = new Map<string, number>();
  const entries: Entry[] = [];
  const replaced = new Map<number, number>();
  for (const entry of resolved) {
    const sentence = index.ids.has(entry.id);
    if (own.has(entry.fileIndex)) {
      if (sentence && !ownAt.has(entry.id)) ownAt.set(entry.id, entries.length);
      entries.push(entry);
      continue;
    }
    if (!sentence) continue;
    const at = ownAt.get(entry.id);
    if (at === undefined) entries.push(entry);
    else if (hasWork(entry)) {
      entries[at] = entry;
      replaced.set(entry.fileIndex, (replaced.get(entry.fileIndex) ?? 0) + 1);
    }
  }

  reportFiles(parsed, own, read, replaced, original, msg);
  reportMatches(parsed, entries, msg);
  return { entries, indexes: read, matched, messages };
}

function describeFile(parsed: ParsedXliff, i: number): string {
  const f = parsed.files[i];
  return f?.original !== undefined ? `<file original="${f.original}">` : f?.id !== undefined ? `<file id="${f.id}">` : `<file> number ${i + 1}`;
}

function unitCount(parsed: ParsedXliff, i: number): string {
  const n = parsed.units.filter((u) => u.fileIndex === i).length;
  return `${n} unit${n === 1 ? '' : 's'}`;
}

function reportFiles(
  parsed: ParsedXliff,
  own: ReadonlySet<number>,
  read: ReadonlySet<number>,
  replaced: ReadonlyMap<number, number>,
  path: string,
  msg: (m: Omit<Message, 'source' | 'file'>) => void,
): void {
  // With no own <file> at all, the caller's xliff/other-document already names every file.
  if (own.size === 0) return;
  parsed.files.forEach((f, i) => {
    if (own.has(i)) return;
    if (read.has(i)) {
      const n = replaced.get(i) ?? 0;
      msg({
        reason:
          `${describeFile(parsed, i)} (${unitCount(parsed, i)}) was read as part of ${path}: its units stand for sentences of it (a converted copy appended to the file, as po2xliff -t does)` +
          (n === 0 ? '' : `; its translations replace those of the document's own <file> for ${n} sentence${n === 1 ? '' : 's'}`),
        ruleId: 'xliff/other-file',
        severity: 'info',
        line: f.line,
        hint: 'Nothing to do; the next extract writes the file back in its own shape.',
      });
      return;
    }
    msg({
      reason: `${describeFile(parsed, i)} (${unitCount(parsed, i)}) is not for ${path} and none of its units is a sentence of it; it was not read`,
      ruleId: 'xliff/other-file',
      severity: 'warning',
      line: f.line,
      hint: 'One XLIFF file per document: remove the other <file>, or give it its own file under translations/<lang>/.',
    });
  });
}

/** One notice per file and way of matching that is not by id. */
function reportMatches(parsed: ParsedXliff, entries: readonly Entry[], msg: (m: Omit<Message, 'source' | 'file'>) => void): void {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.matchedBy === 'id') continue;
    const key = `${e.fileIndex}\u0000${e.matchedBy}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [e]);
    else list.push(e);
  }
  for (const list of groups.values()) {
    const first = list[0] as Entry;
    const how = first.matchedBy as Exclude<Entry['matchedBy'], 'id'>;
    const where = parsed.files.length > 1 ? ` of ${describeFile(parsed, first.fileIndex)}` : '';
    msg({
      reason: `${list.length} unit${list.length === 1 ? '' : 's'}${where} matched to sentences by ${HOW[how]}; the first is unit "${first.unitId}" for sentence "${first.id}"`,
      ruleId: `xliff/matched-by-${how}`,
      severity: 'info',
      line: first.line,
      unit: first.id,
      hint:
        how === 'source'
          ? 'Check that the file belongs to this document; the next extract writes the project\'s ids back.'
          : 'Nothing to do; the next extract writes the project\'s ids back.',
    });
  }
}
