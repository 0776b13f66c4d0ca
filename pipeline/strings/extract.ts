/**
 * Key extraction: which keys a site's code uses, with their default texts, plural and context
 * options, the comment above each use, and where each use is.
 *
 * The code is read by i18next-parser's lexers (JavaScript and TypeScript through the TypeScript
 * parser, JSX with the Trans component, HTML `data-i18n` attributes), used as a library. Its
 * gulp/CLI transform is not used: it reads and writes catalogs itself (relative to the working
 * folder), prints warnings as bare strings, can end the process, and knows no positions (see
 * README "Software strings"). What the lexers do not give, this module adds: the namespace and
 * key as i18next resolves them (the transform's rules), the place of each use (found in the file
 * from the lexers' in-order results) and the comment above it.
 */
import type { Message } from '../model.js';
import { LineIndex } from './json.js';
import { Locator, type FileKind } from './locate.js';
import { escapeRegExp } from './regexp.js';
import type { StringsOptions } from './options.js';
import { contextKey, pluralKey } from './keys.js';
import { PLURAL_CATEGORIES, pluralCategories, type PluralCategory, type PluralType } from './plurals.js';

/** A source file of the site, as read. */
export interface SourceFile {
  /** Project-relative path with forward slashes (messages show it). */
  readonly path: string;
  readonly text: string;
}

/** One use of a key in the code. */
export interface KeyUse {
  readonly namespace: string;
  /** The key as the code names it, without namespace, context or plural suffix (`card.readMore`). */
  readonly key: string;
  /** A literal context (`male`); '' when the code computes it at run time; undefined when none. */
  readonly context: string | undefined;
  /** The key i18next looks up before any plural suffix: with a literal context, `friend_male`. */
  readonly stem: string;
  /** True when the code passes a count (the key is plural). */
  readonly count: boolean;
  readonly ordinal: boolean;
  /** Default text in the code (`t('key', 'Text')`, `defaultValue`, a Trans component's children). */
  readonly defaultValue: string | undefined;
  /** Default texts per plural form (`defaultValue_one`, `defaultValue_ordinal_other`). */
  readonly pluralDefaults: Readonly<Partial<Record<PluralCategory, string>>>;
  /** The comment right above the use (see `StringsOptions.commentTag`). */
  readonly comment: string | undefined;
  readonly file: string;
  /** Where the key is written (1-based); undefined when it could not be found in the text. */
  readonly line: number | undefined;
  readonly column: number | undefined;
}

export interface ExtractResult {
  /** Uses in file order, files in the order given. */
  readonly uses: readonly KeyUse[];
  readonly messages: readonly Message[];
}

/** What the lexers return per key (i18next-parser's entry objects). */
interface LexerEntry {
  readonly key: string;
  readonly [option: string]: unknown;
}

interface Lexer {
  extract(content: string, filename: string): LexerEntry[];
  on(event: 'warning', listener: (warning: string) => void): unknown;
}

type LexerClass = new (options: Readonly<Record<string, unknown>>) => Lexer;

interface LexerModule {
  readonly JavascriptLexer: LexerClass;
  readonly JsxLexer: LexerClass;
  readonly HTMLLexer: LexerClass;
}

let lexerModule: Promise<LexerModule> | undefined;

/**
 * i18next-parser, loaded on first use: it brings the TypeScript compiler and an HTML parser
 * (about a second to load), which only projects with software strings need.
 */
function loadLexers(): Promise<LexerModule> {
  lexerModule ??= import('i18next-parser').then((m) => m as unknown as LexerModule);
  return lexerModule;
}

const KIND_BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'javascript', mts: 'javascript', cts: 'javascript',
  jsx: 'jsx', tsx: 'jsx',
  html: 'html', htm: 'html',
};

/** The lexer kind for a file name, or undefined for a file type no lexer reads. */
export function fileKind(file: string): FileKind | undefined {
  const dot = file.lastIndexOf('.');
  const extension = dot === -1 ? '' : file.slice(dot + 1).toLowerCase();
  return Object.hasOwn(KIND_BY_EXTENSION, extension) ? KIND_BY_EXTENSION[extension] : undefined;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Rule ids for the lexers' warnings, by their start. */
const WARNING_RULES: readonly (readonly [RegExp, string, string])[] = [
  [/^Key is not a string literal|^A key that is a template string/u, 'strings/dynamic-key', 'a key computed at run time cannot be found in the code: use literal keys, list the possible keys in a comment as t(\'…\') calls, or keep them with the "keep" option (e.g. "common:errors.*") so they are never set aside'],
  [/^Namespace is not a string literal/u, 'strings/dynamic-namespace', 'name the namespace as a literal string'],
  [/^Default value is not a string literal/u, 'strings/dynamic-default', 'write the default text as a literal string, or put it in the German catalog'],
  [/spread/iu, 'strings/spread-options', 'pass the options as a literal object so that count, context and defaults can be read'],
  [/prop is not a string literal/u, 'strings/dynamic-key', 'write the i18nKey as a literal string'],
  [/^Child is not literal|more than one variable/u, 'strings/dynamic-child', 'write interpolations inside Trans as {{name}} objects with one variable'],
];

/** One lexer's run over one file, with the lexer's warnings as messages. */
function runLexer(lexers: LexerModule, kind: FileKind, file: SourceFile, options: StringsOptions, locator: Locator, messages: Message[]): LexerEntry[] {
  const lexerOptions: Record<string, unknown> =
    kind === 'html'
      ? { attr: options.htmlAttribute, optionAttr: options.htmlOptionsAttribute }
      : {
          functions: [...options.functions],
          ...(kind === 'jsx'
            ? { componentFunctions: [...options.transComponents], transSupportBasicHtmlNodes: true, transKeepBasicHtmlNodesFor: [...options.transKeepBasicHtmlNodesFor] }
            : {}),
        };
  const Lexer = kind === 'html' ? lexers.HTMLLexer : kind === 'jsx' ? lexers.JsxLexer : lexers.JavascriptLexer;
  const lexer = new Lexer(lexerOptions);
  lexer.on('warning', (warning) => {
    const rule = WARNING_RULES.find(([pattern]) => pattern.test(warning));
    const place = locator.locateWarning(warning, rule?.[1] === 'strings/dynamic-key' && !/prop is not/u.test(warning));
    const snippet = place === undefined ? undefined : file.text.split('\n')[place.line - 1]?.slice(place.column - 1).trim().slice(0, 80);
    const reason =
      rule?.[1] === 'strings/dynamic-key' && !/prop is not/u.test(warning) ? 'a key computed at run time cannot be extracted'
      : warning.replace(/\s+:/u, ':').replace(/: undefined$/u, '');
    messages.push({
      reason,
      ...(snippet === undefined ? {} : { actual: snippet }),
      ruleId: rule?.[1] ?? 'strings/lexer',
      source: 'strings-extract',
      severity: 'warning',
      file: file.path,
      ...(place ?? {}),
      ...(rule === undefined ? {} : { hint: rule[2] }),
    });
  });
  try {
    return lexer.extract(file.text, file.path.slice(file.path.lastIndexOf('/') + 1));
  } catch (error) {
    const place = kind === 'html' ? badOptionsAttribute(file.text, options.htmlOptionsAttribute) : undefined;
    messages.push({
      reason: kind === 'html' && place !== undefined ? `the ${options.htmlOptionsAttribute} attribute is not valid JSON (${(error as Error).message})` : `the file cannot be read for keys (${(error as Error).message})`,
      ruleId: 'strings/parse',
      source: 'strings-extract',
      severity: 'error',
      file: file.path,
      ...(place ?? {}),
      hint: kind === 'html' ? `write the options as JSON in single quotes: ${options.htmlOptionsAttribute}='{"defaultValue": "…"}'` : 'fix the syntax error; no key of this file was read',
    });
    return [];
  }
}

/** The first options attribute of an HTML file whose value is not JSON. */
function badOptionsAttribute(text: string, attribute: string): { line: number; column: number } | undefined {
  const pattern = new RegExp(`${escapeRegExp(attribute)}\\s*=\\s*(?:'([^']*)'|"([^"]*)")`, 'gu');
  const lines = new LineIndex(text);
  for (const m of text.matchAll(pattern)) {
    const value = (m[1] ?? m[2] ?? '').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&');
    try {
      JSON.parse(value);
    } catch {
      const p = lines.place(m.index);
      return { line: p.line, column: p.column };
    }
  }
  return undefined;
}

/**
 * Finds every key the files use. Files of a type no lexer reads are reported
 * (`strings/unknown-file-type`) and skipped; a key in a namespace the options do not list is
 * reported (`strings/unknown-namespace`) and left out.
 */
export async function extractKeys(files: readonly SourceFile[], options: StringsOptions): Promise<ExtractResult> {
  const lexers = await loadLexers();
  const uses: KeyUse[] = [];
  const messages: Message[] = [];
  for (const file of files) {
    const kind = fileKind(file.path);
    if (kind === undefined) {
      messages.push({ reason: 'no lexer reads this type of file', ruleId: 'strings/unknown-file-type', source: 'strings-extract', severity: 'warning', file: file.path, hint: 'narrow the input globs to .js, .ts, .jsx, .tsx and .html files' });
      continue;
    }
    const locator = new Locator(file.text, kind, options);
    for (const entry of runLexer(lexers, kind, file, options, locator, messages)) {
      const use = toKeyUse(entry, file, kind, options, locator, messages);
      if (use !== undefined) uses.push(use);
    }
  }
  return { uses, messages };
}

/** A lexer entry as i18next resolves it: key prefix, namespace, context, plural and defaults. */
function toKeyUse(entry: LexerEntry, file: SourceFile, kind: FileKind, options: StringsOptions, locator: Locator, messages: Message[]): KeyUse | undefined {
  const rawKey = entry.key;
  const defaultValue = asString(entry['defaultValue']);
  const at = locator.locate(rawKey, defaultValue !== undefined);
  const place = at === undefined ? undefined : locator.place(at);
  const anchor = at === undefined ? undefined : locator.anchor(at);
  const comment = anchor === undefined ? undefined : locator.commentBefore(anchor);

  let key = rawKey;
  const keyPrefix = asString(entry['keyPrefix']);
  if (keyPrefix !== undefined && keyPrefix !== '' && options.keySeparator !== false) key = `${keyPrefix}${options.keySeparator}${key}`;
  let namespace = asString(entry['namespace']) || undefined;
  if (options.nsSeparator !== false) {
    const parts = key.split(options.nsSeparator);
    // A Trans component's text used as key ("Weiter: hier") names no namespace.
    if (parts.length > 1 && key !== defaultValue) {
      namespace = parts.shift();
      key = parts.join(options.nsSeparator);
    }
  }
  namespace ??= options.defaultNamespace;
  const where = { file: file.path, ...(place ?? {}) };
  if (!options.namespaces.includes(namespace)) {
    messages.push({
      reason: `the key "${key}" is in the namespace "${namespace}", which is not one of the site's namespaces (${options.namespaces.join(', ')})`,
      ruleId: 'strings/unknown-namespace',
      source: 'strings-extract',
      severity: 'warning',
      ...where,
      hint: `add "${namespace}" to the namespaces, or correct the namespace in the code`,
    });
    return undefined;
  }

  const contextValue = entry['context'];
  let context: string | undefined;
  if (contextValue !== undefined) {
    const literal = typeof contextValue === 'string' && contextValue !== '' && !contextValue.startsWith('{') && anchor !== undefined && contextIsLiteral(file.text, anchor, kind);
    context = literal ? contextValue : '';
  }
  const count = entry['count'] !== undefined;
  const ordinal = count && (entry['ordinal'] === true || entry['ordinal'] === 'true');
  const pluralDefaults: Partial<Record<PluralCategory, string>> = {};
  for (const category of PLURAL_CATEGORIES) {
    const value = asString(entry[ordinal ? `defaultValue_ordinal_${category}` : `defaultValue_${category}`]);
    if (value !== undefined) pluralDefaults[category] = value;
  }
  return {
    namespace,
    key,
    context,
    stem: context === undefined || context === '' ? key : contextKey(key, context, options.contextSeparator),
    count,
    ordinal,
    defaultValue,
    pluralDefaults,
    comment,
    file: file.path,
    line: place?.line,
    column: place?.column,
  };
}

/** Whether the `context` option of the call or element starting at `at` is a quoted string (not a variable). */
function contextIsLiteral(text: string, at: number, kind: FileKind): boolean {
  const window = text.slice(at, at + 400);
  const m = (kind === 'html' ? /"context"\s*:\s*(["'`]?)/u : /\bcontext\s*[:=]\s*(\{?\s*["'`]?)/u).exec(window);
  return m !== null && /["'`]/u.test(m[1] ?? '');
}

/** A German catalog key a use needs, with the default text the code gives it. */
export interface RequiredKey {
  readonly key: string;
  readonly defaultValue: string | undefined;
}

/**
 * The catalog keys a use needs in the source language: the key (with a literal context), or
 * one key per plural form of the source language (`comments_one`, `comments_other`; ordinal:
 * `place_ordinal_other` in German). A use with a context computed at run time needs none by
 * name (any variant, or the key itself as i18next's fallback, will do).
 */
export function requiredKeys(use: KeyUse, sourceLanguage: string, pluralSeparator: string): RequiredKey[] {
  if (use.context === '') return [];
  if (!use.count) return [{ key: use.stem, defaultValue: use.defaultValue }];
  const type: PluralType = use.ordinal ? 'ordinal' : 'cardinal';
  return pluralCategories(sourceLanguage, type).map((category) => ({
    key: pluralKey(use.stem, { category, type }, pluralSeparator),
    defaultValue: use.pluralDefaults[category] ?? use.defaultValue,
  }));
}
