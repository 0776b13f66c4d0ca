/**
 * The glossary: YAML files in `glossary/`, loaded and checked into `GlossaryEntry` objects.
 *
 * Files are parsed with `yaml`'s document API and a `LineCounter`, so every problem (a YAML syntax
 * error, an unknown key, a value of the wrong type, a duplicate entry) becomes a `Message` with
 * file, line, column, rule id and a hint. Loading never throws for bad content: an entry with
 * errors is left out, the others load, and the caller decides from the messages whether to go on.
 * The format is documented field by field in README.md, section "Glossary"; the entry model is
 * `entry.ts`.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { decodeUtf8, isTemporaryFile, maxFileBytes, projectRelative, readBoundedFile } from '../files.js';
import { InputError, type Message } from '../model.js';
import { sortMessages } from '../model.js';
import { closest } from '../suggest.js';
import { explainYamlErrors } from './yaml-errors.js';
import { findCharacters } from '../characters.js';
import { foldForMatch } from './fold.js';
import {
  CASE_RULES,
  MATCH_MODES,
  NUMBERS,
  PARTS_OF_SPEECH,
  TERM_KINDS,
  TERM_STATUSES,
  defaultPos,
  derivedId,
  isLanguageCode,
  type CaseRule,
  type Gender,
  type GlossaryEntry,
  type GlossaryLoadResult,
  type GrammaticalNumber,
  type MatchMode,
  type PartOfSpeech,
  type TermKind,
  type TermStatus,
} from './entry.js';
import { appendAll } from '../lists.js';

export * from './entry.js';

const TOP_LEVEL_KEYS = ['terms', 'language', 'description'] as const;
const ENTRY_KEYS = [
  'id', 'source', 'kind', 'targets', 'dnt', 'variants', 'forms', 'match', 'case', 'pos', 'gender',
  'number', 'plural', 'note', 'context', 'domain', 'status', 'forbidden', 'exclude',
] as const;


/** Ids end up as XML ids in TBX, so they follow XML's name rules (ASCII subset). */
const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Long gender names a terminologist may write, mapped to the short codes. */
const GENDER_ALIASES: Readonly<Record<string, Gender>> = {
  m: 'm', f: 'f', n: 'n', masculine: 'm', feminine: 'f', neuter: 'n', maskulin: 'm', feminin: 'f', neutrum: 'n',
};

/** Collects messages for one file, turning node ranges into lines and columns. */
class FileReporter {
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
    readonly messages: Message[],
  ) {}

  place(offset: number): { line: number; column: number } {
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  report(ruleId: string, offset: number, reason: string, hint: string, extra: Partial<Message> = {}): void {
    this.messages.push({
      reason, ruleId, source: 'glossary', severity: 'error', file: this.file, ...this.place(offset), hint, ...extra,
    });
  }

  warn(ruleId: string, offset: number, reason: string, hint: string): void {
    this.report(ruleId, offset, reason, hint, { severity: 'warning' });
  }
}

function offsetOf(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0] ?? 0;
}

/** A readable name for a YAML value's type, for "expected X, got Y". */
function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'an empty value';
    if (typeof value === 'string') return `the text "${value}"`;
    return `${typeof value} ${String(value)}`;
  }
  // Aliases are never resolved (so an alias bomb costs nothing): the value must be written out.
  if (isAlias(node)) return `the alias *${node.source} (aliases are not expanded in glossary files; write the value out)`;
  return 'an unsupported YAML node';
}

/** Reads a non-empty single-line string, reporting anything else. */
function readString(node: unknown, key: string, r: FileReporter, at: number): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') {
    r.report('glossary/wrong-type', node ? offsetOf(node) : at, `"${key}" must be text, got ${describe(node)}`,
      `write ${key}: followed by the text (quote it if YAML reads it as a number or boolean)`,
      { expected: 'text', actual: describe(node) });
    return undefined;
  }
  const value = node.value.normalize('NFC');
  const control = findCharacters(value)[0];
  if (control !== undefined) {
    r.report('glossary/control-character', offsetOf(node), `"${key}" has a control character (${control.code}), which translators cannot see and XLIFF cannot carry`,
      'remove it (a YAML escape such as "\\0" or "\\x85" writes one)', { actual: control.code });
    return undefined;
  }
  if (value.trim() === '') {
    r.report('glossary/empty-value', offsetOf(node), `"${key}" is empty`, `give ${key} a value or remove the key`);
    return undefined;
  }
  if (value !== value.trim()) {
    r.report('glossary/whitespace', offsetOf(node), `"${key}" has leading or trailing white space`,
      'remove the spaces around the value', { actual: JSON.stringify(value) });
    return value.trim();
  }
  return value;
}

/** Reads a string or a list of strings (a single string is a one-element list). */
function readStringList(node: unknown, key: string, r: FileReporter, at: number): string[] | undefined {
  if (isSeq(node)) {
    const out: string[] = [];
    for (const item of node.items) {
      const value = readString(item, key, r, offsetOf(node));
      if (value !== undefined) out.push(value);
    }
    if (node.items.length === 0) {
      r.report('glossary/empty-value', offsetOf(node), `"${key}" is an empty list`, `list at least one value or remove ${key}`);
    }
    return out;
  }
  const single = readString(node, key, r, at);
  return single === undefined ? undefined : [single];
}

function readEnum<T extends string>(node: unknown, key: string, allowed: readonly T[], r: FileReporter, at: number): T | undefined {
  const value = readString(node, key, r, at);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    const suggestion = closest(value, allowed);
    r.report('glossary/invalid-value', offsetOf(node),
      `"${key}" must be one of ${allowed.join(', ')}, got "${value}"${suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`}`,
      suggestion === undefined ? `use one of: ${allowed.join(' | ')}` : `write ${key}: ${suggestion}`,
      { expected: allowed.join(' | '), actual: value });
    return undefined;
  }
  return value as T;
}

function readBoolean(node: unknown, key: string, r: FileReporter, at: number): boolean | undefined {
  if (!isScalar(node) || typeof node.value !== 'boolean') {
    r.report('glossary/wrong-type', node ? offsetOf(node) : at, `"${key}" must be true or false, got ${describe(node)}`,
      `write ${key}: true or ${key}: false`, { expected: 'true | false', actual: describe(node) });
    return undefined;
  }
  return node.value;
}

/** Reads a `language → string | list` mapping (targets, forbidden), checking the language codes. */
function readLanguageMap(node: unknown, key: string, r: FileReporter, at: number): Record<string, string[]> | undefined {
  if (!isMap(node)) {
    r.report('glossary/wrong-type', node ? offsetOf(node) : at, `"${key}" must be a mapping from language code to text, got ${describe(node)}`,
      `write ${key}: {en: …, fr: …}`, { expected: 'a mapping', actual: describe(node) });
    return undefined;
  }
  const out: Record<string, string[]> = {};
  for (const pair of node.items) {
    const language = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyAt = offsetOf(pair.key);
    if (!isLanguageCode(language)) {
      r.report('glossary/invalid-language', keyAt, `"${language}" in ${key} is not a language code`,
        'use a BCP 47 code: a lower-case language (en, fr, es), optionally a script and region (zh-Hant, pt-BR)',
        { expected: 'a BCP 47 language code', actual: language });
      continue;
    }
    const values = readStringList(pair.value, `${key}.${language}`, r, keyAt);
    if (values !== undefined && values.length > 0) out[language] = values;
  }
  return out;
}

/** Fields of an entry as read, before defaults; undefined means absent or invalid. */
interface RawEntry {
  id?: string;
  source?: string;
  kind?: TermKind;
  targets?: Record<string, string[]>;
  dnt?: boolean;
  variants?: string[];
  forms?: string[];
  match?: MatchMode;
  case?: CaseRule;
  pos?: PartOfSpeech;
  gender?: Gender;
  number?: GrammaticalNumber;
  plural?: string[];
  note?: string;
  context?: string;
  domain?: string;
  status?: TermStatus;
  forbidden?: Record<string, string[]>;
  exclude?: string[];
  /** Where each `exclude` phrase is written, for messages about it. */
  excludeAt?: number[];
}

/** Reads one key of an entry into `raw`. */
function readEntryField(raw: RawEntry, key: (typeof ENTRY_KEYS)[number], value: unknown, r: FileReporter, at: number): void {
  switch (key) {
    case 'id': {
      const id = readString(value, key, r, at);
      if (id !== undefined && !ID_PATTERN.test(id)) {
        r.report('glossary/invalid-id', offsetOf(value), `id "${id}" is not a valid id`,
          'start with a letter or _, then use letters, digits, _, - or . (ids become XML ids in TBX)', { actual: id });
      } else raw.id = id;
      return;
    }
    case 'source': case 'note': case 'context': case 'domain':
      raw[key] = readString(value, key, r, at);
      return;
    case 'kind': raw.kind = readEnum(value, key, TERM_KINDS, r, at); return;
    case 'match': raw.match = readEnum(value, key, MATCH_MODES, r, at); return;
    case 'case': raw.case = readEnum(value, key, CASE_RULES, r, at); return;
    case 'pos': raw.pos = readEnum(value, key, PARTS_OF_SPEECH, r, at); return;
    case 'number': raw.number = readEnum(value, key, NUMBERS, r, at); return;
    case 'status': raw.status = readEnum(value, key, TERM_STATUSES, r, at); return;
    case 'gender': {
      const text = readString(value, key, r, at);
      if (text === undefined) return;
      const gender = GENDER_ALIASES[text.toLowerCase()];
      if (gender === undefined) {
        const suggestion = closest(text, Object.keys(GENDER_ALIASES).filter((g) => g.length > 1));
        r.report('glossary/invalid-value', offsetOf(value),
          `"gender" must be m, f or n, got "${text}"${suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`}`,
          'use m (masculine), f (feminine) or n (neuter)', { expected: 'm | f | n', actual: text });
      }
      raw.gender = gender;
      return;
    }
    case 'dnt': raw.dnt = readBoolean(value, key, r, at); return;
    case 'variants': case 'forms': case 'plural':
      raw[key] = readStringList(value, key, r, at);
      return;
    case 'exclude':
      raw.exclude = readStringList(value, key, r, at);
      raw.excludeAt = isSeq(value) ? value.items.map(offsetOf) : [offsetOf(value)];
      return;
    case 'targets': case 'forbidden':
      raw[key] = readLanguageMap(value, key, r, at);
      return;
  }
}

/** Checks the relations between fields and fills in defaults; undefined when the entry is unusable. */
function completeEntry(raw: RawEntry, item: YAMLMap, r: FileReporter, errorsBefore: number, misspelled: ReadonlySet<string>): GlossaryEntry | undefined {
  const at = offsetOf(item);
  if (raw.source === undefined) {
    if (!misspelled.has('source') && !item.items.some((p) => isScalar(p.key) && p.key.value === 'source')) {
      r.report('glossary/missing-source', at, 'the entry has no "source"', 'add source: with the base form of the term as German authors write it');
    }
    return undefined;
  }
  if (raw.kind === undefined && !misspelled.has('kind') && !item.items.some((p) => isScalar(p.key) && p.key.value === 'kind')) {
    r.report('glossary/missing-kind', at, `entry "${raw.source}" has no "kind"`,
      `add kind: with one of ${TERM_KINDS.join(', ')} (it decides how the term is inflected)`);
  }
  const targets = raw.targets ?? {};
  const dnt = raw.dnt ?? false;
  if (dnt) {
    for (const [language, values] of Object.entries(targets)) {
      if (values.some((v) => v !== raw.source)) {
        r.warn('glossary/dnt-target', at, `entry "${raw.source}" is dnt but has a different target for ${language}`,
          'a dnt term keeps its source form in every language: remove the targets or drop dnt');
      }
    }
  } else if (Object.keys(targets).length === 0 && raw.status !== 'deprecated' && !misspelled.has('targets') && !misspelled.has('dnt')) {
    r.warn('glossary/missing-targets', at, `entry "${raw.source}" has no targets and is not dnt`,
      'add targets: {en: …} or dnt: true, so translators know what to write');
  }
  for (const [language, bad] of Object.entries(raw.forbidden ?? {})) {
    const clash = bad.find((b) => targets[language]?.includes(b));
    if (clash !== undefined) {
      r.report('glossary/forbidden-target', at, `"${clash}" is both an approved and a forbidden ${language} target of "${raw.source}"`,
        'remove it from one of the two lists', { actual: clash });
    }
  }
  const written = [raw.source, ...(raw.variants ?? [])].map(foldForMatch);
  (raw.exclude ?? []).forEach((phrase, i) => {
    const folded = foldForMatch(phrase);
    if (!written.some((w) => w !== '' && folded.includes(w))) {
      r.report('glossary/exclude-without-term', raw.excludeAt?.[i] ?? at, `the exclude phrase "${phrase}" of "${raw.source}" does not contain the term`,
        `write the phrase in which the term means something else, with the term as written in source or variants (e.g. "${raw.source} Post")`, { actual: phrase });
    }
  });
  if (r.messages.slice(errorsBefore).some((m) => m.severity === 'error')) return undefined;
  const kind = raw.kind ?? 'other';
  const place = r.place(offsetOf(item));
  return {
    id: raw.id ?? derivedId(raw.source),
    source: raw.source,
    kind,
    targets: dnt ? {} : targets,
    dnt,
    variants: raw.variants ?? [],
    forms: raw.forms ?? [],
    match: raw.match ?? 'inflect',
    case: raw.case ?? 'sensitive',
    pos: raw.pos ?? defaultPos(kind),
    ...(raw.gender !== undefined ? { gender: raw.gender } : {}),
    ...(raw.number !== undefined ? { number: raw.number } : {}),
    plural: raw.plural ?? [],
    ...(raw.note !== undefined ? { note: raw.note } : {}),
    ...(raw.context !== undefined ? { context: raw.context } : {}),
    ...(raw.domain !== undefined ? { domain: raw.domain } : {}),
    status: raw.status ?? 'approved',
    forbidden: raw.forbidden ?? {},
    exclude: raw.exclude ?? [],
    origin: { file: r.file, line: place.line, column: place.column },
  };
}

function readEntry(item: unknown, r: FileReporter): GlossaryEntry | undefined {
  if (!isMap(item)) {
    r.report('glossary/wrong-type', offsetOf(item), `each item of "terms" must be a mapping, got ${describe(item)}`,
      'start each entry with "- source: …" followed by its other keys', { expected: 'a mapping', actual: describe(item) });
    return undefined;
  }
  const before = r.messages.length;
  const raw: RawEntry = {};
  /** Keys a misspelled key stands for: their "missing" messages would repeat the same mistake. */
  const misspelled = new Set<string>();
  for (const pair of item.items as Pair<unknown, unknown>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = offsetOf(pair.key);
    if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
      const suggestion = closest(key, ENTRY_KEYS);
      if (suggestion !== undefined) misspelled.add(suggestion);
      r.report('glossary/unknown-key', at,
        suggestion === undefined ? `unknown key "${key}" in a glossary entry` : `unknown key "${key}" in a glossary entry: did you mean \`${suggestion}\`?`,
        suggestion === undefined
          ? `Allowed keys: ${ENTRY_KEYS.join(', ')}. Check the spelling, or put free text into note.`
          : `Write ${suggestion}: instead of ${key}:. Allowed keys: ${ENTRY_KEYS.join(', ')}.`,
        { actual: key, ...(suggestion === undefined ? {} : { expected: suggestion }) });
      continue;
    }
    readEntryField(raw, key as (typeof ENTRY_KEYS)[number], pair.value, r, at);
  }
  return completeEntry(raw, item, r, before, misspelled);
}

/** The parsed content of one file. */
export interface ParsedGlossaryFile {
  readonly language: string | undefined;
  readonly entries: GlossaryEntry[];
  readonly messages: Message[];
}

/**
 * Parses one glossary file's text. Never throws: YAML and schema problems come back as messages
 * (rule ids `glossary/*`), and the entries without errors come back as entries. Duplicates across
 * entries are checked here for the file and by `loadGlossary` across files.
 */
export function parseGlossary(text: string, file: string): ParsedGlossaryFile {
  const lines = new LineCounter();
  const messages: Message[] = [];
  const r = new FileReporter(file, lines, messages);
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const problem of explainYamlErrors(text, doc.errors, lines)) r.report(problem.ruleId, problem.offset, problem.reason, problem.hint);
  if (doc.errors.length > 0) return { language: undefined, entries: [], messages: sortMessages(messages) };
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) {
    r.warn('glossary/empty-file', 0, 'the glossary file is empty', 'add a "terms:" list or delete the file');
    return { language: undefined, entries: [], messages: sortMessages(messages) };
  }
  if (!isMap(root)) {
    r.report('glossary/wrong-type', offsetOf(root), `a glossary file must be a mapping with a "terms" list, got ${describe(root)}`,
      'start the file with "terms:" and list the entries below it', { expected: 'a mapping', actual: describe(root) });
    return { language: undefined, entries: [], messages: sortMessages(messages) };
  }
  let language: string | undefined;
  let termsNode: unknown;
  let termsMisspelled = false;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = offsetOf(pair.key);
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      const suggestion = closest(key, TOP_LEVEL_KEYS);
      if (suggestion === 'terms') termsMisspelled = true;
      r.report('glossary/unknown-key', at,
        `unknown top-level key "${key}"${suggestion === undefined ? '' : `: did you mean \`${suggestion}\`?`}`,
        `Allowed top-level keys: ${TOP_LEVEL_KEYS.join(', ')}.`, { actual: key, ...(suggestion === undefined ? {} : { expected: suggestion }) });
    } else if (key === 'terms') termsNode = pair.value ?? null;
    else if (key === 'language') {
      const value = readString(pair.value, key, r, at);
      if (value !== undefined && !isLanguageCode(value)) {
        r.report('glossary/invalid-language', offsetOf(pair.value), `"${value}" is not a language code`, 'use a BCP 47 code such as de or de-CH', { actual: value });
      } else language = value;
    } else readString(pair.value, key, r, at);
  }
  if (termsNode === undefined) {
    if (!termsMisspelled) r.report('glossary/missing-terms', offsetOf(root), 'the file has no "terms" list', 'add "terms:" with the entries as a list below it');
    return { language, entries: [], messages: sortMessages(messages) };
  }
  if (!isSeq(termsNode)) {
    r.report('glossary/wrong-type', offsetOf(termsNode), `"terms" must be a list, got ${describe(termsNode)}`,
      'write each entry as a list item starting with "- source: …"', { expected: 'a list', actual: describe(termsNode) });
    return { language, entries: [], messages: sortMessages(messages) };
  }
  const entries: GlossaryEntry[] = [];
  for (const item of termsNode.items) {
    const entry = readEntry(item, r);
    if (entry !== undefined) entries.push(entry);
  }
  return { language, entries, messages: sortMessages(messages) };
}

/** Files a path stands for: the file itself, or a folder's *.yaml/*.yml files, sorted. */
function expandPath(input: string, display: (file: string) => string, messages: Message[]): string[] {
  let stats;
  try {
    stats = statSync(input);
  } catch {
    messages.push({ reason: `glossary path "${display(input)}" does not exist`, ruleId: 'glossary/not-found', source: 'glossary',
      severity: 'error', file: display(input), hint: 'check the path, or create the glossary/ folder' });
    return [];
  }
  if (!stats.isDirectory()) return [input];
  return readdirSync(input)
    .filter((name) => /\.ya?ml$/i.test(name) && !isTemporaryFile(name))
    .sort()
    .map((name) => path.join(input, name));
}

/** Reports the second and later entries with the same id or the same source (in the same domain). */
function checkDuplicates(entries: readonly GlossaryEntry[], messages: Message[]): GlossaryEntry[] {
  const kept: GlossaryEntry[] = [];
  const byId = new Map<string, GlossaryEntry>();
  const bySource = new Map<string, GlossaryEntry>();
  for (const entry of entries) {
    const sourceKey = `${entry.source}\u0000${entry.domain ?? ''}`;
    const first = bySource.get(sourceKey) ?? byId.get(entry.id);
    if (first !== undefined) {
      const what = bySource.has(sourceKey) ? `source "${entry.source}"` : `id "${entry.id}"`;
      messages.push({
        reason: `duplicate entry: ${what} is already defined at ${first.origin.file}:${first.origin.line}:${first.origin.column}`,
        ruleId: 'glossary/duplicate-entry', source: 'glossary', severity: 'error', ...entry.origin,
        hint: 'merge the two entries, or give them different domains if they are different concepts',
      });
      continue;
    }
    bySource.set(sourceKey, entry);
    byId.set(entry.id, entry);
    kept.push(entry);
  }
  return kept;
}

/** Options of `loadGlossary`. */
export interface GlossaryLoadOptions {
  /**
   * Folder that messages and entry origins name files relative to (with forward slashes), so that
   * reports say `glossary/article.yaml` on every machine. Default: none, files are named as given.
   */
  readonly root?: string;
}

/**
 * Loads glossary files. `paths` are files or folders (folders contribute their *.yaml and *.yml
 * files in sorted order). Entries keep file order; the source language is the first `language:`
 * found, default `de`. Unreadable files and bad content become messages, never exceptions.
 */
export function loadGlossary(paths: readonly string[], options: GlossaryLoadOptions = {}): GlossaryLoadResult {
  const messages: Message[] = [];
  const { root } = options;
  const display = (file: string): string => (root === undefined ? file : projectRelative(root, file));
  const files = paths.flatMap((p) => expandPath(p, display, messages));
  const entries: GlossaryEntry[] = [];
  let language: string | undefined;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      // Size first (stat): a huge file is refused before it is read.
      bytes = readBoundedFile(file, display(file), maxFileBytes(), 'glossary');
    } catch (error) {
      if (error instanceof InputError && (error.detail.ruleId === 'glossary/too-large' || error.detail.ruleId.startsWith('config/'))) messages.push(error.detail);
      else {
        messages.push({ reason: `cannot read ${display(file)}: ${error instanceof InputError ? error.detail.reason : (error as Error).message}`, ruleId: 'glossary/unreadable', source: 'glossary',
          severity: 'error', file: display(file), hint: 'check that the file exists and is readable' });
      }
      continue;
    }
    let text: string;
    try {
      // Strict: a Windows-1252 file would otherwise load "Köln" as "K\uFFFDln", a term that never matches.
      text = decodeUtf8(bytes, display(file), 'glossary');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // The file is left out like any other bad file; the caller decides (exit 2), so not fatal.
      const { fatal: _fatal, ...detail } = error.detail;
      messages.push(detail);
      continue;
    }
    const parsed = parseGlossary(text.replace(/^\uFEFF/, ''), display(file));
    appendAll(messages, parsed.messages);
    appendAll(entries, parsed.entries);
    language ??= parsed.language;
  }
  const kept = checkDuplicates(entries, messages);
  return { glossary: { language: language ?? 'de', entries: kept, files }, messages: sortMessages(messages) };
}

/** Builds a glossary from entries (imports, tests), checking duplicates like `loadGlossary`. */
export function glossaryOf(entries: readonly GlossaryEntry[], language = 'de'): GlossaryLoadResult {
  const messages: Message[] = [];
  return { glossary: { language, entries: checkDuplicates(entries, messages), files: [] }, messages };
}
