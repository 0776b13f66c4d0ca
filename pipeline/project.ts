/**
 * A project: its config, its rules and glossary loaded once, and the stages that turn a source
 * file into an annotated Document, in their declared order.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { DOCUMENT_NAME_CLASH_HINT, documentNameClashes, resolveInside } from './files.js';
import { InputError, type Document, type Message } from './model.js';
import { readSource } from './read/index.js';
import { createSegmenter } from './segment/engine.js';
import { segmentDocument } from './segment/stage.js';
import { loadGlossary } from './terms/glossary.js';
import { compileMatcher } from './terms/matcher.js';
import { annotateTerms } from './terms/stage.js';

/**
 * A stage: touches one aspect of the document and passes the rest through. Problems it notices go
 * to `report` as messages; a stage never prints and never throws for bad content.
 */
export type Stage = (doc: Document, report: (message: Message) => void) => void;

export interface Project {
  readonly config: Config;
  /** The stages after reading, in the order they run. */
  readonly stages: readonly Stage[];
  /** Messages from loading the rules and the glossary. */
  readonly messages: readonly Message[];
}

/** What a command needs of a project. */
export interface OpenProjectOptions {
  /**
   * Load the glossary and mark terms (default true). A command that never looks at terms (`status`
   * counts segments and words) sets false: a large glossary then costs it nothing, and its
   * problems are left to the commands that use it.
   */
  readonly terms?: boolean;
}

/**
 * Opens the project at `root`: config, segmentation rules, glossary. Throws InputError for a bad
 * config or bad rules (the CLI exits 2); glossary problems come back as messages.
 */
export function openProject(root: string, options: OpenProjectOptions = {}): Project {
  const config = loadConfig(root);
  const messages: Message[] = [];
  const segmenter = createSegmenter({
    language: config.sourceLanguage,
    abbreviations: config.segmentation.abbreviations,
    ...(config.segmentation.srx === undefined
      ? {}
      : { srxPath: resolveInside(config.root, config.segmentation.srx, 'segmentation.srx', config.file) }),
  });
  // Ids are assigned by the segment stage: they depend only on the text, never on term spans.
  const stages: Stage[] = [segmentDocument(segmenter)];
  if (options.terms !== false) {
    const glossaryPaths = config.paths.glossary.map((p) => resolveInside(config.root, p, 'paths.glossary', config.file));
    const { glossary, messages: glossaryMessages } = loadGlossary(glossaryPaths, { root: config.root });
    messages.push(...glossaryMessages);
    stages.push(annotateTerms(compileMatcher(glossary), config.targetLanguages));
  }
  return { config, stages, messages };
}

/**
 * The project's source documents, relative to the root: the configured list or every .txt file in
 * the source folder. Throws InputError when the folder cannot be read (exit 3) or two of its files
 * have the same document name (`config/duplicate-document`, exit 2).
 */
export function documentPaths(config: Config): string[] {
  if (config.documents.length > 0) return [...config.documents];
  const folder = resolveInside(config.root, config.paths.source, 'paths.source', config.file);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort();
  } catch {
    throw new InputError({
      reason: `the source folder "${config.paths.source}" cannot be read`,
      ruleId: 'read/io',
      source: 'read',
      severity: 'error',
      fatal: true,
      file: path.relative(config.root, folder) || '.',
      hint: 'create it or set paths.source in l10n.config.yaml',
    });
  }
  const paths = names.map((name) => `${config.paths.source}/${name}`);
  // A listed `documents` is checked, with line numbers, when the config is read; a folder here.
  const clash = documentNameClashes(paths)[0];
  if (clash !== undefined) {
    throw new InputError({
      reason: `"${clash.path}" and "${clash.first}" have the same document name, so both would write the same XLIFF and output files`,
      ruleId: 'config/duplicate-document',
      source: 'config',
      severity: 'error',
      fatal: true,
      file: clash.path,
      hint: DOCUMENT_NAME_CLASH_HINT,
    });
  }
  return paths;
}

/** Reads one source document and runs every stage on it. A fatal problem ends this document only. */
export function prepareDocument(project: Project, relativePath: string): { doc: Document | undefined; messages: Message[] } {
  try {
    const { doc, messages } = readSource({
      root: project.config.root,
      path: relativePath,
      language: project.config.sourceLanguage,
    });
    const report = (message: Message): void => {
      messages.push(message);
    };
    for (const stage of project.stages) stage(doc, report);
    return { doc, messages };
  } catch (error) {
    if (error instanceof InputError) return { doc: undefined, messages: [error.detail] };
    throw error;
  }
}

/** The folder of a language's XLIFF files (absolute). */
export function translationsFolder(config: Config, language: string): string {
  return path.join(resolveInside(config.root, config.paths.translations, 'paths.translations', config.file), language);
}

/** Where the XLIFF file of a document and language lives (absolute). */
export function xliffPath(config: Config, language: string, documentName: string, kind: 'work' | 'aside' = 'work'): string {
  return path.join(translationsFolder(config, language), kind === 'work' ? `${documentName}.xlf` : `${documentName}.aside.xlf`);
}

/** Where a translated document (or, named `report` with `.json`, a language's report) is written (absolute). */
export function outputPath(config: Config, language: string, documentName: string, extension: '.txt' | '.md' | '.json'): string {
  const folder = resolveInside(config.root, config.paths.output, 'paths.output', config.file);
  return path.join(folder, language, `${documentName}${extension}`);
}
