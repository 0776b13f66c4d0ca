/**
 * TBX exchange: export a glossary as TBX-Basic, import TBX into glossary entries.
 *
 * Export writes TBX-Basic in the TBX 2 (ISO 30042:2008) `martif` form, because that is the form
 * the CAT tools translators use import (memoQ, Trados MultiTerm, Phrase, OmegaT); TBX 3 support
 * is still patchy. Import reads both that form and TBX 3 (ISO 30042:2019) `tbx` files in DCA
 * style (`conceptEntry` / `langSec` / `termSec`).
 *
 * Mapping (one `termEntry` per glossary entry, id = entry id):
 * - source language `langSet`: the source term (`administrativeStatus` preferredTerm), then each
 *   variant (`termType` variant, admittedTerm); `partOfSpeech` (properNoun, noun, adjective, other),
 *   `grammaticalGender` and `descrip type="context"` on the source term;
 * - one `langSet` per target language: the approved targets (first preferredTerm, the others
 *   admittedTerm), then the forbidden renderings (deprecatedTerm); a dnt entry repeats its source;
 * - entry level: `descrip type="subjectField"` for `domain`, `note` for `note`, and one note
 *   starting with `l10n:` holding, as JSON, the fields TBX-Basic has no category for (kind, dnt,
 *   match, case, forms, plural, number, status, exclude) so a round trip loses nothing. CAT tools show it
 *   as an ordinary note.
 */
import type { Message } from '../model.js';
import type { Glossary, GlossaryEntry, Gender, PartOfSpeech, TermKind } from './glossary.js';
import { CASE_RULES, MATCH_MODES, NUMBERS, TERM_KINDS, TERM_STATUSES, isLanguageCode, makeEntry } from './glossary.js';
import { el, renderDocument, type XmlNode } from '../xml/write.js';
import { deepText, parseXml } from './xml.js';
import type { XmlElement } from './xml.js';
import { appendAll } from '../lists.js';

const POS_TO_TBX: Readonly<Record<PartOfSpeech, string>> = { 'proper-noun': 'properNoun', noun: 'noun', adjective: 'adjective', phrase: 'other' };
const GENDER_TO_TBX: Readonly<Record<Gender, string>> = { m: 'masculine', f: 'feminine', n: 'neuter' };
const PREFERRED = 'preferredTerm-admn-sts';
const ADMITTED = 'admittedTerm-admn-sts';
const DEPRECATED = 'deprecatedTerm-admn-sts';
const EXTENSION_PREFIX = 'l10n:';

/** Options of `exportTbx`. */
export interface TbxExportOptions {
  /** Target languages to write; default every language that has a target in the glossary. */
  readonly languages?: readonly string[];
}

/** Languages that have at least one target in the glossary, sorted. */
export function glossaryLanguages(glossary: Glossary): string[] {
  const set = new Set<string>();
  for (const entry of glossary.entries) for (const language of Object.keys(entry.targets)) set.add(language);
  return [...set].sort();
}

function termGroup(term: string, notes: ReadonlyArray<readonly [string, string]>, extra?: XmlNode): XmlNode {
  return el('tig', [], [
    el('term', [], [term], true),
    ...notes.map(([type, value]) => el('termNote', [['type', type]], [value], true)),
    extra,
  ]);
}

/** The fields without a TBX-Basic data category, only where they differ from the defaults. */
function extensionOf(entry: GlossaryEntry): Record<string, unknown> {
  const ext: Record<string, unknown> = { kind: entry.kind };
  if (entry.dnt) ext.dnt = true;
  if (entry.match !== 'inflect') ext.match = entry.match;
  if (entry.case !== 'sensitive') ext.case = entry.case;
  if (entry.pos === 'phrase' || entry.pos !== (entry.kind === 'title' || entry.kind === 'other' ? 'noun' : 'proper-noun')) ext.pos = entry.pos;
  if (entry.forms.length > 0) ext.forms = entry.forms;
  if (entry.plural.length > 0) ext.plural = entry.plural;
  if (entry.exclude.length > 0) ext.exclude = entry.exclude;
  if (entry.number !== undefined) ext.number = entry.number;
  if (entry.status !== 'approved') ext.status = entry.status;
  return ext;
}

function entryXml(entry: GlossaryEntry, sourceLanguage: string, languages: readonly string[]): XmlNode {
  const grammar: Array<readonly [string, string]> = [['partOfSpeech', POS_TO_TBX[entry.pos]]];
  if (entry.gender !== undefined) grammar.push(['grammaticalGender', GENDER_TO_TBX[entry.gender]]);
  grammar.push(['administrativeStatus', entry.status === 'deprecated' ? DEPRECATED : PREFERRED]);
  const context = entry.context === undefined ? undefined : el('descrip', [['type', 'context']], [entry.context], true);
  const langSets: XmlNode[] = [
    el('langSet', [['xml:lang', sourceLanguage]], [
      termGroup(entry.source, grammar, context),
      ...entry.variants.map((variant) => termGroup(variant, [['termType', 'variant'], ['administrativeStatus', ADMITTED]])),
    ]),
  ];
  for (const language of languages) {
    const targets = entry.dnt ? [entry.source] : (entry.targets[language] ?? []);
    const forbidden = entry.forbidden[language] ?? [];
    if (targets.length === 0 && forbidden.length === 0) continue;
    langSets.push(
      el('langSet', [['xml:lang', language]], [
        ...targets.map((t, i) => termGroup(t, [['administrativeStatus', i === 0 ? PREFERRED : ADMITTED]])),
        ...forbidden.map((f) => termGroup(f, [['administrativeStatus', DEPRECATED]])),
      ]),
    );
  }
  return el('termEntry', [['id', entry.id]], [
    entry.domain === undefined ? undefined : el('descrip', [['type', 'subjectField']], [entry.domain], true),
    entry.note === undefined ? undefined : el('note', [], [entry.note], true),
    el('note', [], [EXTENSION_PREFIX + JSON.stringify(extensionOf(entry))], true),
    ...langSets,
  ]);
}

/** Writes the glossary as a TBX-Basic (TBX 2 `martif`) document, with the project's XML writer. */
export function exportTbx(glossary: Glossary, options: TbxExportOptions = {}): string {
  const languages = options.languages ?? glossaryLanguages(glossary);
  for (const language of languages) {
    if (!isLanguageCode(language)) throw new TypeError(`exportTbx: expected language codes, got "${language}"`);
  }
  return renderDocument(
    el('martif', [['type', 'TBX-Basic'], ['xml:lang', glossary.language]], [
      el('martifHeader', [], [
        el('fileDesc', [], [el('sourceDesc', [], [el('p', [], ['Exported from the l10n pipeline glossary'])], true)]),
        el('encodingDesc', [], [el('p', [['type', 'XCSURI']], ['TBXBasicXCSV02.xcs'])], true),
      ]),
      el('text', [], [el('body', [], glossary.entries.map((e) => entryXml(e, glossary.language, languages)))]),
    ]),
  );
}

/** Options of `importTbx`. */
export interface TbxImportOptions {
  /** Language of the glossary's source terms; langSets of other languages are targets. Default `de`. */
  readonly sourceLanguage?: string;
  /** Kind given to entries whose file says nothing about it. Default `other`. */
  readonly defaultKind?: TermKind;
}

/** What an import produced. */
export interface ImportResult {
  readonly entries: GlossaryEntry[];
  readonly messages: Message[];
}

/** Normalises "EN-us" to "en-US" so tags from other tools compare equal. */
export function normalizeLanguage(tag: string): string {
  const [language = '', ...rest] = tag.trim().replace(/_/g, '-').split('-');
  return [language.toLowerCase(), ...rest.map((p) => (p.length === 4 ? p[0]?.toUpperCase() + p.slice(1).toLowerCase() : p.length === 2 ? p.toUpperCase() : p))].join('-');
}

const childrenNamed = (element: XmlElement, ...names: string[]): XmlElement[] => element.children.filter((c) => names.includes(c.name));
const typed = (element: XmlElement, name: string, type: string): XmlElement | undefined =>
  element.children.find((c) => c.name === name && c.attributes.type === type);

/** A term of a langSet with what its term notes say. */
interface TbxTerm {
  readonly text: string;
  readonly status: string | undefined;
  readonly termType: string | undefined;
  readonly pos: string | undefined;
  readonly gender: string | undefined;
  readonly context: string | undefined;
}

function readTerms(langSet: XmlElement): TbxTerm[] {
  return childrenNamed(langSet, 'tig', 'ntig', 'termSec').map((group) => {
    // TBX 2 `ntig` wraps term and notes in a `termGrp`.
    const inner = group.name === 'ntig' ? (childrenNamed(group, 'termGrp')[0] ?? group) : group;
    const term = childrenNamed(inner, 'term')[0];
    const note = (type: string): string | undefined => {
      const el = typed(inner, 'termNote', type) ?? typed(group, 'termNote', type);
      return el === undefined ? undefined : deepText(el).trim();
    };
    const contextElement = typed(group, 'descrip', 'context') ?? typed(inner, 'descrip', 'context');
    return {
      text: term === undefined ? '' : deepText(term).trim().replace(/\s+/g, ' '),
      status: note('administrativeStatus'),
      termType: note('termType'),
      pos: note('partOfSpeech'),
      gender: note('grammaticalGender'),
      context: contextElement === undefined ? undefined : deepText(contextElement).trim(),
    };
  }).filter((t) => t.text !== '');
}

const isForbidden = (status: string | undefined): boolean => status !== undefined && /^(?:deprecated|superseded)/.test(status);

function posFromTbx(value: string | undefined): PartOfSpeech | undefined {
  switch (value) {
    case 'properNoun': return 'proper-noun';
    case 'noun': return 'noun';
    case 'adjective': return 'adjective';
    case 'other': return 'phrase';
    default: return undefined;
  }
}

function genderFromTbx(value: string | undefined): Gender | undefined {
  return value === 'masculine' ? 'm' : value === 'feminine' ? 'f' : value === 'neuter' ? 'n' : undefined;
}

/** Reads our `l10n:` note back, keeping only well-typed fields. */
function readExtension(text: string, report: (reason: string) => void): Partial<GlossaryEntry> {
  let data: unknown;
  try {
    data = JSON.parse(text.slice(EXTENSION_PREFIX.length));
  } catch {
    report('The l10n: note is not valid JSON; it is ignored.');
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const d = data as Record<string, unknown>;
  const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined);
  const out: Record<string, unknown> = {
    kind: pick(d.kind, TERM_KINDS),
    match: pick(d.match, MATCH_MODES),
    case: pick(d.case, CASE_RULES),
    number: pick(d.number, NUMBERS),
    status: pick(d.status, TERM_STATUSES),
    pos: pick(d.pos, ['proper-noun', 'noun', 'adjective', 'phrase'] as const),
    dnt: d.dnt === true ? true : undefined,
    forms: strings(d.forms),
    plural: strings(d.plural),
    exclude: strings(d.exclude),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Partial<GlossaryEntry>;
}

function importEntry(element: XmlElement, file: string, source: string, defaultKind: TermKind, messages: Message[]): GlossaryEntry | undefined {
  const report = (reason: string, ruleId: string, hint: string, severity: Message['severity'] = 'warning'): void => {
    messages.push({ reason, ruleId, source: 'tbx-import', severity, file, line: element.line, column: element.column, hint });
  };
  const notes = childrenNamed(element, 'note').map((n) => deepText(n).trim());
  const extensionNote = notes.find((n) => n.startsWith(EXTENSION_PREFIX));
  const extension = extensionNote === undefined ? {} : readExtension(extensionNote, (r) => report(r, 'tbx/extension', 'Fix or remove the note.'));
  const plainNotes = notes.filter((n) => n !== '' && !n.startsWith(EXTENSION_PREFIX));
  const subject = typed(element, 'descrip', 'subjectField');
  const targets: Record<string, string[]> = {};
  const forbidden: Record<string, string[]> = {};
  const sourceTerms: TbxTerm[] = [];
  for (const langSet of childrenNamed(element, 'langSet', 'langSec')) {
    const language = normalizeLanguage(langSet.attributes['xml:lang'] ?? '');
    if (!isLanguageCode(language)) {
      report(`langSet has no usable xml:lang ("${langSet.attributes['xml:lang'] ?? ''}").`, 'tbx/invalid-language', 'Give every langSet an xml:lang such as de or en-US.');
      continue;
    }
    const terms = readTerms(langSet);
    if (language === source || language.split('-')[0] === source) {
      appendAll(sourceTerms, terms);
      continue;
    }
    // Preferred first, then admitted ones in file order; deprecated ones are forbidden renderings.
    const allowed = terms.filter((t) => !isForbidden(t.status)).sort((a, b) => Number(b.status === PREFERRED) - Number(a.status === PREFERRED));
    if (allowed.length > 0) targets[language] = [...new Set([...(targets[language] ?? []), ...allowed.map((t) => t.text)])];
    const bad = terms.filter((t) => isForbidden(t.status)).map((t) => t.text);
    if (bad.length > 0) forbidden[language] = bad;
  }
  const main = sourceTerms.find((t) => t.status === PREFERRED && t.termType !== 'variant') ?? sourceTerms.find((t) => !isForbidden(t.status)) ?? sourceTerms[0];
  if (main === undefined) {
    report(`Entry ${element.attributes.id ?? ''} has no term in the source language "${source}"; it is skipped.`, 'tbx/no-source-term',
      `Add a langSet xml:lang="${source}" or import with the right source language.`);
    return undefined;
  }
  const kind = (extension.kind as TermKind | undefined) ?? defaultKind;
  const dnt = extension.dnt === true;
  const id = element.attributes.id;
  const pos = (extension.pos as PartOfSpeech | undefined) ?? posFromTbx(main.pos);
  const gender = genderFromTbx(main.gender);
  const optional: Partial<GlossaryEntry> = {
    ...(pos !== undefined ? { pos } : {}),
    ...(gender !== undefined ? { gender } : {}),
    ...(main.context !== undefined ? { context: main.context } : {}),
    ...(subject !== undefined ? { domain: deepText(subject).trim() } : {}),
    ...(plainNotes.length > 0 ? { note: plainNotes.join('\n') } : {}),
    ...(id !== undefined && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id) ? { id } : {}),
  };
  const fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'source' | 'kind'> = {
    ...extension,
    ...optional,
    source: main.text,
    kind,
    targets: dnt ? {} : targets,
    variants: sourceTerms.filter((t) => t !== main && !isForbidden(t.status)).map((t) => t.text),
    forbidden,
    origin: { file, line: element.line, column: element.column },
  };
  return makeEntry(fields);
}

/**
 * Reads a TBX file (TBX 2 `martif` or TBX 3 `tbx`) into glossary entries. Bytes are decoded
 * strictly (UTF-8, or UTF-16 with a BOM; an XML declaration naming another encoding is refused).
 * A DOCTYPE with an internal subset, a syntax error or an unknown root is a fatal message and no
 * entries (a DOCTYPE that only names an external DTD is accepted; the DTD is never read); a concept
 * without a source-language term is skipped with a warning.
 */
export function importTbx(xml: string | Uint8Array, file: string, options: TbxImportOptions = {}): ImportResult {
  const source = normalizeLanguage(options.sourceLanguage ?? 'de');
  const defaultKind = options.defaultKind ?? 'other';
  if (!isLanguageCode(source)) throw new TypeError(`importTbx: expected sourceLanguage to be a language code, got "${options.sourceLanguage}"`);
  if (!TERM_KINDS.includes(defaultKind)) throw new TypeError(`importTbx: expected defaultKind to be one of ${TERM_KINDS.join(', ')}, got "${defaultKind}"`);
  const parsed = parseXml(xml, file, 'tbx');
  if (parsed.message !== undefined) return { entries: [], messages: [parsed.message] };
  const root = parsed.root as XmlElement;
  if (root.name !== 'martif' && root.name !== 'tbx') {
    return { entries: [], messages: [{ reason: `Root element is <${root.name}>, not <martif> or <tbx>.`, ruleId: 'tbx/not-tbx', source: 'tbx-import',
      severity: 'error', fatal: true, file, line: root.line, column: root.column, hint: 'Import a TBX file (TBX 2 martif or TBX 3 tbx).' }] };
  }
  const messages: Message[] = [];
  const body = childrenNamed(root, 'text').flatMap((t) => childrenNamed(t, 'body'));
  const entries: GlossaryEntry[] = [];
  for (const element of body.flatMap((b) => childrenNamed(b, 'termEntry', 'conceptEntry'))) {
    const entry = importEntry(element, file, source, defaultKind, messages);
    if (entry !== undefined) entries.push(entry);
  }
  return { entries, messages };
}
