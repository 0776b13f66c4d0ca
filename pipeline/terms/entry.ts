/**
 * The glossary's model: what an entry is, with the defaults and helpers that code building entries
 * (imports, tests, the matcher) needs. Reading and checking YAML files is `glossary.ts`.
 */
import type { Message } from '../model.js';

/** What a term names; drives the default inflection (names take only the genitive). */
export type TermKind = 'person' | 'place' | 'organization' | 'institution' | 'title' | 'other';
export const TERM_KINDS: readonly TermKind[] = ['person', 'place', 'organization', 'institution', 'title', 'other'];

/** How the matcher finds a term: with generated German forms, only as written, or as a word prefix. */
export type MatchMode = 'inflect' | 'exact' | 'prefix';
export const MATCH_MODES: readonly MatchMode[] = ['inflect', 'exact', 'prefix'];

/** Whether letter case must agree (ß/ss and white space are always folded). */
export type CaseRule = 'sensitive' | 'insensitive';
export const CASE_RULES: readonly CaseRule[] = ['sensitive', 'insensitive'];

/** Part of speech of the source term, the grammar hint the form generator follows. */
export type PartOfSpeech = 'proper-noun' | 'noun' | 'adjective' | 'phrase';
export const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['proper-noun', 'noun', 'adjective', 'phrase'];

/** Grammatical gender of the (head) noun: masculine, feminine, neuter. */
export type Gender = 'm' | 'f' | 'n';
export const GENDERS: readonly Gender[] = ['m', 'f', 'n'];

/** Grammatical number of the term as written ("Vereinigte Staaten" is plural). */
export type GrammaticalNumber = 'singular' | 'plural';
export const NUMBERS: readonly GrammaticalNumber[] = ['singular', 'plural'];

/** Life cycle of an entry; deprecated entries stay in the file but are not matched. */
export type TermStatus = 'approved' | 'proposed' | 'deprecated';
export const TERM_STATUSES: readonly TermStatus[] = ['approved', 'proposed', 'deprecated'];

/** Where an entry was defined, for messages. */
export interface Origin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One glossary entry, with every default filled in. */
export interface GlossaryEntry {
  /** Stable id: given in the file, or derived from `source` ("weisses-haus"). Unique in a glossary. */
  readonly id: string;
  /** Base form as a glossary author writes it; identifies the entry in spans and exports. */
  readonly source: string;
  readonly kind: TermKind;
  /** Approved targets per language (BCP 47 code); the first of each list is preferred. */
  readonly targets: Readonly<Record<string, readonly string[]>>;
  /** Do not translate: every target language keeps the source form. */
  readonly dnt: boolean;
  /** Other source spellings or short forms of the same term ("Putin" for "Wladimir Putin"); inflected like `source`. */
  readonly variants: readonly string[];
  /** Extra source forms matched as written (irregular forms the generator cannot know). */
  readonly forms: readonly string[];
  readonly match: MatchMode;
  readonly case: CaseRule;
  /** Part of speech; default from `kind` (names → proper-noun, titles and others → noun). */
  readonly pos: PartOfSpeech;
  readonly gender?: Gender;
  readonly number?: GrammaticalNumber;
  /** Plural forms of the (head) noun; given, they replace the guessed plural endings. */
  readonly plural: readonly string[];
  /** Note for translators. */
  readonly note?: string;
  /** An example sentence showing the term in use. */
  readonly context?: string;
  /** Subject field ("politics", "military"). */
  readonly domain?: string;
  readonly status: TermStatus;
  /** Renderings a translator must not use, per language. */
  readonly forbidden: Readonly<Record<string, readonly string[]>>;
  /**
   * Phrases in which the term is not this entry ("Washington Post" for the place Washington): an
   * occurrence inside one of them is not matched. Each contains the source or a variant.
   */
  readonly exclude: readonly string[];
  readonly origin: Origin;
}

/** A loaded glossary: entries in file order, files sorted by path. */
export interface Glossary {
  /** Source language of the terms (BCP 47); `language:` at the top of the files, default `de`. */
  readonly language: string;
  readonly entries: readonly GlossaryEntry[];
  /** The files the entries came from. */
  readonly files: readonly string[];
}

/** The result of loading: what could be used, and every problem found. */
export interface GlossaryLoadResult {
  readonly glossary: Glossary;
  readonly messages: Message[];
}

/** BCP 47 language tags as glossaries use them: language, optional script, optional region. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

/** The id an entry gets when the file gives none: its source as an ASCII slug ("weisses-haus"). */
export function derivedId(source: string): string {
  const slug = source
    .toLowerCase()
    .replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .normalize('NFKD').replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z_]/.test(slug) ? slug : `t-${slug || 'term'}`;
}

/** Names inflect like proper nouns, titles and other terms like common nouns. */
export function defaultPos(kind: TermKind): PartOfSpeech {
  return kind === 'title' || kind === 'other' ? 'noun' : 'proper-noun';
}

/** True when a string is a language code the glossary accepts. */
export function isLanguageCode(value: string): boolean {
  return LANGUAGE_TAG.test(value);
}

/** Fills the defaults of an entry built in code (imports, tests): only `source` and `kind` are required. */
export function makeEntry(fields: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'source' | 'kind'>): GlossaryEntry {
  return {
    id: fields.id ?? derivedId(fields.source),
    targets: {}, dnt: false, variants: [], forms: [], match: 'inflect', case: 'sensitive',
    pos: fields.pos ?? defaultPos(fields.kind), plural: [], status: 'approved', forbidden: {}, exclude: [],
    origin: { file: '<memory>', line: 1, column: 1 },
    ...fields,
  };
}

/**
 * The approved targets of an entry for the given languages: a dnt entry keeps its source in every
 * language; a language without an approved target is left out.
 */
export function targetsFor(entry: GlossaryEntry, languages: readonly string[]): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const language of languages) {
    const values = entry.dnt ? [entry.source] : entry.targets[language];
    if (values !== undefined && values.length > 0) out[language] = values;
  }
  return out;
}
