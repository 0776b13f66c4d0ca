/**
 * A project: its config, the registries it works with (formats, checks, languages) and its rules
 * and glossary loaded once; where its documents are and where their XLIFF and output files go.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { loadConfig, type Config } from './config.js';
import { clashReason, documentName, documentNameClashes, projectRelative, resolveInside } from './files.js';
import { configuredFormats, FormatRegistry, FORMATS, type Format } from './formats/index.js';
import { loadLanguages, type LanguageRegistry } from './languages/index.js';
import { InputError, type Message } from './model.js';
import { RULE_IDS } from './qa/index.js';
import { createSegmenter, type Segmenter } from './segment/engine.js';
import { loadGlossary } from './terms/glossary.js';
import { compileMatcher, type TermMatcher } from './terms/matcher.js';

export interface Project {
  /** Absolute project root: the folder of `l10n.config.yaml`. */
  readonly root: string;
  readonly config: Config;
  /** The formats documents are read and written with. */
  readonly formats: FormatRegistry;
  /** What the checks know about each language (bundled language files and the project's own). */
  readonly languages: LanguageRegistry;
  /** The sentence segmenter of the source language (the project's SRX rules). */
  readonly segmenter: Segmenter;
  /** The glossary, compiled for matching. */
  readonly matcher: TermMatcher;
  /** Messages from loading the glossary: errors among them are config errors (exit 2). */
  readonly messages: readonly Message[];
}

/** Options of `openProject`. */
export interface OpenProjectOptions {
  /**
   * The formats to read and write documents with. Default: every registered format (`FORMATS`).
   * The formats the config makes (`configuredFormats`: software strings) are added either way.
   */
  readonly formats?: readonly Format[];
  /**
   * Load the glossary (default true). A command that never looks at terms (`status` counts
   * segments and words) sets false: the matcher is then empty, a large glossary costs nothing,
   * and the glossary's problems are left to the commands that use it.
   */
  readonly terms?: boolean;
}

/**
 * Opens the project at `root`: config, segmentation rules, glossary. Throws InputError for a bad
 * config or bad rules (the CLI exits 2); glossary problems come back in `messages`.
 */
export function openProject(root: string, options: OpenProjectOptions = {}): Project {
  const config = loadConfig(path.resolve(root), { ruleIds: RULE_IDS });
  const formats = new FormatRegistry([
    ...(options.formats ?? FORMATS),
    ...configuredFormats({ root: config.root, outputFolder: config.paths.output, strings: config.strings?.options }),
  ]);
  const segmenter = createSegmenter({
    language: config.sourceLanguage,
    abbreviations: config.segmentation.abbreviations,
    ...(config.segmentation.srx === undefined
      ? {}
      : { srxPath: resolveInside(config.root, config.segmentation.srx, 'segmentation.srx', config.file) }),
  });
  const languages = loadLanguages(resolveInside(config.root, config.paths.languages, 'paths.languages', config.file), config.root);
  const glossaryPaths = config.paths.glossary.map((p) => resolveInside(config.root, p, 'paths.glossary', config.file));
  const { glossary, messages } =
    options.terms === false
      ? { glossary: { language: config.sourceLanguage, entries: [], files: [] }, messages: [] }
      : loadGlossary(glossaryPaths, { root: config.root });
  const unknown = config.targetLanguages.filter((code) => !languages.has(code));
  const notices: Message[] = unknown.map((code) => ({
    reason: `no language file for "${code}": quotation marks, number forms and spacing are not checked, other checks use neutral values`,
    ruleId: 'language/no-profile',
    source: 'languages',
    severity: 'info',
    file: projectRelative(config.root, config.file),
    hint: `add ${config.paths.languages}/${code}.yaml (README.md, "Languages", shows how)`,
  }));
  return { root: config.root, config, formats, languages, segmenter, matcher: compileMatcher(glossary), messages: [...messages, ...notices] };
}

/** A source document of the project. */
export interface DocumentEntry {
  /** Path relative to the project root, forward slashes. */
  readonly path: string;
  readonly absolutePath: string;
  /** Names its XLIFF and output files: the path relative to `paths.source`, without extension. */
  readonly name: string;
  /** The format that reads it; undefined when none does (the read stage reports it). */
  readonly format: Format | undefined;
}

const GLOB_CHARACTERS = /[*?[\]{}!]/u;

/** True when a `documents` entry is a glob rather than one file's path. */
export function isGlob(entry: string): boolean {
  return GLOB_CHARACTERS.test(entry);
}

/** Every file under `folder` (absolute), as paths relative to `root` with forward slashes, sorted. */
function filesUnder(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(projectRelative(root, full));
    }
  };
  walk(folder);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The project's source documents, found rather than listed: by default every file under
 * `paths.source` (recursively, sorted, hidden files left out) whose extension a registered format
 * reads. A `documents` list narrows that: a path names one file (any extension: a file no format
 * reads is reported by the read stage), a glob (`source/news/*.txt`) every matching file a format
 * reads, in sorted order. Files a format claims by path (software strings: each namespace's German
 * catalog) are documents when they exist, listed or not. Throws InputError when the source folder cannot be read (exit 3) or two
 * documents would write the same XLIFF or output files (`config/duplicate-document`, exit 2).
 */
export function findDocuments(project: Pick<Project, 'config' | 'formats'>): DocumentEntry[] {
  const { config, formats } = project;
  const sourceFolder = resolveInside(config.root, config.paths.source, 'paths.source', config.file);
  const listing = (folder: string, shown: string): string[] => {
    try {
      return filesUnder(config.root, folder);
    } catch {
      throw new InputError({
        reason: `the source folder "${shown}" cannot be read`,
        ruleId: 'read/io',
        source: 'read',
        severity: 'error',
        fatal: true,
        file: projectRelative(config.root, folder) || '.',
        hint: 'create it or set paths.source in l10n.config.yaml',
      });
    }
  };
  const readable = (p: string): boolean => formats.forPath(p) !== undefined;
  let paths: string[];
  if (config.documents.length === 0) {
    paths = listing(sourceFolder, config.paths.source).filter(readable);
  } else {
    const seen = new Set<string>();
    paths = [];
    for (const entry of config.documents) {
      const found = isGlob(entry) ? globFiles(config.root, entry).filter(readable) : [entry];
      for (const p of found) {
        if (seen.has(p)) continue;
        seen.add(p);
        paths.push(p);
      }
    }
  }
  // Files a format claims by name (the German catalogs of software strings) are documents when
  // they exist, wherever they are and whatever `documents` lists: their own settings name them.
  const listed = new Set(paths);
  for (const claimed of formats.claimedPaths) {
    if (!listed.has(claimed) && existsSync(resolveInside(config.root, claimed, 'document', config.file))) paths.push(claimed);
  }
  const entries = paths.map((p): DocumentEntry => ({
    path: p,
    absolutePath: resolveInside(config.root, p, 'document', config.file),
    name: documentName(p, config.paths.source),
    format: formats.forPath(p),
  }));
  const clash = documentNameClashes(entries.map((e) => e.path), config.paths.source, (p) => formats.forPath(p)?.outputNames(documentName(p, config.paths.source), p) ?? [])[0];
  if (clash !== undefined) {
    throw new InputError({
      reason: clashReason(clash),
      ruleId: 'config/duplicate-document',
      source: 'config',
      severity: 'error',
      fatal: true,
      file: clash.path,
      hint: clash.hint,
    });
  }
  return entries;
}

/** The files of the project that match a glob (relative to the root), sorted. */
function globFiles(root: string, glob: string): string[] {
  const base = picomatch.scan(glob).base;
  let folder: string;
  try {
    folder = resolveInside(root, base === '' ? '.' : base, 'documents');
  } catch {
    return [];
  }
  const isMatch = picomatch(glob, { dot: false });
  try {
    return filesUnder(root, folder).filter((p) => isMatch(p));
  } catch {
    return []; // the glob's folder does not exist: it matches nothing
  }
}

/** The folder of a language's XLIFF files (absolute). */
export function translationsFolder(config: Config, language: string): string {
  return path.join(resolveInside(config.root, config.paths.translations, 'paths.translations', config.file), language);
}

/** The folder of the translation memories and the machine translation cache (absolute): `translations/memory`. */
export function memoryFolder(config: Config): string {
  return path.join(resolveInside(config.root, config.paths.translations, 'paths.translations', config.file), 'memory');
}

/** Where the XLIFF file of a document and language lives (absolute). */
export function xliffPath(config: Config, language: string, documentName: string, kind: 'work' | 'aside' = 'work'): string {
  return path.join(translationsFolder(config, language), kind === 'work' ? `${documentName}.xlf` : `${documentName}.aside.xlf`);
}

/** The folder of a language's outputs (absolute): translated documents and `report.json`. */
export function outputFolder(config: Config, language: string): string {
  return path.join(resolveInside(config.root, config.paths.output, 'paths.output', config.file), language);
}
