/**
 * The file side of software strings: reading a site's code and its German catalogs, writing
 * refreshed catalogs, aside files and translated catalogs. Every read is size-checked and
 * strictly decoded, every write atomic (`pipeline/files.ts`), every problem a message or an
 * InputError with the file's place; nothing here prints.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { decodeUtf8, readBoundedFile, resolveInside, writeFileAtomic } from '../files.js';
import { InputError, type Message } from '../model.js';
import { readCatalog, type Catalog } from './catalog.js';
import { extractKeys, type KeyUse, type SourceFile } from './extract.js';
import { expandGlobs } from './glob.js';
import type { KeyHints } from './keys.js';
import { readCatalogMeta, type CatalogMeta } from './meta.js';
import { asidePath, catalogPath, metaPath, type StringsOptions } from './options.js';
import { nestedKeysOf, refreshNamespace, type RefreshResult } from './refresh.js';
import { buildTargetCatalog } from './target.js';

/** Largest source file read for keys: a bundle this size is built code, not the site's source. */
export const MAX_SOURCE_FILE_BYTES = 5 * 1024 * 1024;
/** Largest catalog read: a catalog of 100,000 keys is about 10 MB. */
export const MAX_CATALOG_BYTES = 32 * 1024 * 1024;

const messageOf = (error: unknown, file: string, ruleId: string): Message => {
  if (error instanceof InputError) return error.detail;
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return { reason: `the file cannot be written (${code})`, ruleId, source: 'strings', severity: 'error', fatal: true, file, hint: code === 'ENOSPC' ? 'free some disk space and run again' : 'check the folder exists and is writable' };
};

/** Reads the site's source files that the options' globs name, sorted by path. */
export function readSourceFiles(root: string, options: Pick<StringsOptions, 'input' | 'ignore'>): { readonly files: SourceFile[]; readonly messages: Message[] } {
  const files: SourceFile[] = [];
  const messages: Message[] = [];
  for (const relative of expandGlobs(root, options.input, options.ignore)) {
    try {
      const bytes = readBoundedFile(path.join(root, relative), relative, MAX_SOURCE_FILE_BYTES, 'strings');
      files.push({ path: relative, text: decodeUtf8(bytes, relative, 'strings') });
    } catch (error) {
      messages.push(messageOf(error, relative, 'strings/io'));
    }
  }
  return { files, messages };
}

/** The German catalogs of a site, with their aside and metadata files. */
export interface SourceCatalogs {
  /** By namespace; a namespace without a catalog file is absent. */
  readonly catalogs: ReadonlyMap<string, Catalog>;
  readonly asides: ReadonlyMap<string, Catalog>;
  readonly metas: ReadonlyMap<string, CatalogMeta>;
  /** Namespaces with a file that could not be read (a fatal message each): nothing is written for them. */
  readonly broken: ReadonlySet<string>;
  /** The text of every catalog and aside file read, by project-relative path (to write only what changed). */
  readonly texts: ReadonlyMap<string, string>;
  readonly messages: readonly Message[];
}

/** Reads one catalog file when it exists. */
function readCatalogFile(root: string, relative: string, namespace: string, options: StringsOptions, messages: Message[], texts: Map<string, string>): Catalog | undefined | 'broken' {
  const absolute = resolveInside(root, relative, 'the catalog path');
  if (!existsSync(absolute)) return undefined;
  try {
    const text = decodeUtf8(readBoundedFile(absolute, relative, MAX_CATALOG_BYTES, 'strings'), relative, 'strings');
    texts.set(relative, text);
    const read = readCatalog(text, { file: relative, language: options.sourceLanguage, namespace }, { keySeparator: options.keySeparator, defaultStyle: options.newCatalogStyle });
    messages.push(...read.messages);
    return read.catalog;
  } catch (error) {
    messages.push(messageOf(error, relative, 'strings/io'));
    return 'broken';
  }
}

/** Reads every namespace's German catalog, aside file and metadata file (each may be missing). */
export function readSourceCatalogs(root: string, options: StringsOptions): SourceCatalogs {
  const catalogs = new Map<string, Catalog>();
  const asides = new Map<string, Catalog>();
  const metas = new Map<string, CatalogMeta>();
  const broken = new Set<string>();
  const texts = new Map<string, string>();
  const messages: Message[] = [];
  for (const namespace of options.namespaces) {
    const relative = catalogPath(options.catalogs, options.sourceLanguage, namespace);
    const catalog = readCatalogFile(root, relative, namespace, options, messages, texts);
    const aside = readCatalogFile(root, asidePath(relative), namespace, options, messages, texts);
    if (catalog === 'broken' || aside === 'broken') broken.add(namespace);
    if (catalog !== undefined && catalog !== 'broken') catalogs.set(namespace, catalog);
    if (aside !== undefined && aside !== 'broken') asides.set(namespace, aside);
    const metaRelative = metaPath(relative);
    const metaAbsolute = resolveInside(root, metaRelative, 'the catalog path');
    if (existsSync(metaAbsolute)) {
      try {
        const read = readCatalogMeta(decodeUtf8(readBoundedFile(metaAbsolute, metaRelative, MAX_CATALOG_BYTES, 'strings'), metaRelative, 'strings'), metaRelative);
        metas.set(namespace, read.meta);
        messages.push(...read.messages);
      } catch (error) {
        messages.push(messageOf(error, metaRelative, 'strings/io'));
      }
    }
  }
  return { catalogs, asides, metas, broken, texts, messages };
}

/** Per namespace, what the code tells about key shapes: keys called with a count, literal contexts. */
export function hintsFromUses(uses: readonly KeyUse[]): ReadonlyMap<string, KeyHints> {
  const byNamespace = new Map<string, { countedStems: Set<string>; contextValues: Set<string> }>();
  for (const use of uses) {
    const slot = byNamespace.get(use.namespace) ?? { countedStems: new Set<string>(), contextValues: new Set<string>() };
    if (use.count) slot.countedStems.add(use.stem);
    if (use.context !== undefined && use.context !== '') slot.contextValues.add(use.context);
    byNamespace.set(use.namespace, slot);
  }
  return new Map([...byNamespace].map(([ns, h]) => [ns, { countedStems: h.countedStems, contextValues: [...h.contextValues] }]));
}

/** Comments from the code per namespace, by the key as the code uses it (stem). */
export function commentsFromUses(uses: readonly KeyUse[]): ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> {
  const byNamespace = new Map<string, Map<string, string[]>>();
  for (const use of uses) {
    if (use.comment === undefined) continue;
    const slot = byNamespace.get(use.namespace) ?? new Map<string, string[]>();
    const list = slot.get(use.stem) ?? [];
    if (!list.includes(use.comment)) list.push(use.comment);
    slot.set(use.stem, list);
    byNamespace.set(use.namespace, slot);
  }
  return byNamespace;
}

export interface RefreshReport {
  /** The code's key uses (for notes and key shapes downstream). */
  readonly uses: readonly KeyUse[];
  /** One result per namespace that could be refreshed. */
  readonly results: readonly RefreshResult[];
  /** Files written or removed (with `write: false`: that would be), project-relative. */
  readonly changed: readonly string[];
  readonly messages: readonly Message[];
}

/**
 * Extracts the keys of the site's code and refreshes every namespace's German catalog and
 * aside file (see `refreshNamespace`). Writes only what changed; with `write: false` it only
 * reports (a CI check that the catalogs are up to date). A namespace whose files cannot be read
 * is left untouched.
 */
export async function refreshSourceCatalogs(root: string, options: StringsOptions, { write = true }: { readonly write?: boolean } = {}): Promise<RefreshReport> {
  const source = readSourceFiles(root, options);
  const extracted = await extractKeys(source.files, options);
  const loaded = readSourceCatalogs(root, options);
  const messages: Message[] = [...source.messages, ...extracted.messages, ...loaded.messages];
  const nested = nestedKeysOf([...loaded.catalogs.values()], options);
  const results: RefreshResult[] = [];
  const changed: string[] = [];
  for (const namespace of options.namespaces) {
    if (loaded.broken.has(namespace)) continue;
    const relative = catalogPath(options.catalogs, options.sourceLanguage, namespace);
    const catalog = loaded.catalogs.get(namespace);
    const aside = loaded.asides.get(namespace);
    const uses = extracted.uses.filter((u) => u.namespace === namespace);
    if (catalog === undefined && aside === undefined && uses.length === 0) continue;
    const result = refreshNamespace({ namespace, file: relative, catalog, aside, uses, nested: nested.get(namespace) }, options);
    results.push(result);
    messages.push(...result.messages);
    const absolute = resolveInside(root, relative, 'the catalog path');
    const asideRelative = asidePath(relative);
    const asideAbsolute = resolveInside(root, asideRelative, 'the catalog path');
    const catalogChanged = loaded.texts.get(relative) !== result.catalogText;
    const asideChanged = result.asideText === undefined ? aside !== undefined : loaded.texts.get(asideRelative) !== result.asideText;
    if (catalogChanged) changed.push(relative);
    if (asideChanged) changed.push(asideRelative);
    if (!write) continue;
    try {
      if (catalogChanged) writeFileAtomic(absolute, result.catalogText);
      if (asideChanged) {
        if (result.asideText === undefined) rmSync(asideAbsolute, { force: true });
        else writeFileAtomic(asideAbsolute, result.asideText);
      }
    } catch (error) {
      messages.push(messageOf(error, relative, 'strings/io'));
    }
  }
  return { uses: extracted.uses, results, changed, messages };
}

/**
 * Writes one language's translated catalogs (`translations` by namespace, then by target key)
 * to the options' output path. A namespace without any translation gets no file (i18next falls
 * back to the German catalog). Returns the files written.
 */
export function writeTargetCatalogs(
  root: string,
  options: StringsOptions,
  language: string,
  catalogs: Iterable<Catalog>,
  translations: ReadonlyMap<string, ReadonlyMap<string, string>>,
  hints: ReadonlyMap<string, KeyHints> = new Map(),
): { readonly written: readonly string[]; readonly messages: readonly Message[] } {
  const written: string[] = [];
  const messages: Message[] = [];
  for (const catalog of catalogs) {
    const target = buildTargetCatalog(catalog, language, translations.get(catalog.namespace) ?? new Map(), options, hints.get(catalog.namespace));
    for (const key of target.unknownKeys) {
      messages.push({
        reason: `${language}: a translation for "${catalog.namespace}:${key}", which the German catalog does not have (or ${language} does not use as a plural form), is not written`,
        ruleId: 'strings/unknown-key', source: 'strings', severity: 'warning', file: catalog.file,
        hint: 'run extract again so that the translations match the catalog',
      });
    }
    if (target.text === undefined) continue;
    const relative = catalogPath(options.output, language, catalog.namespace);
    try {
      writeFileAtomic(resolveInside(root, relative, 'the output path'), target.text);
      written.push(relative);
    } catch (error) {
      messages.push(messageOf(error, relative, 'strings/io'));
    }
  }
  return { written, messages };
}
