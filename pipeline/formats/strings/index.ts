/**
 * The software strings format: a site's i18next JSON v4 catalogs in the source language (one
 * document per namespace, `source/locales/de/common.json`), translated like articles: through
 * the glossary, the XLIFF files and the checks, back to one catalog per language and namespace
 * (`output/en/locales/common.json`) with the translated keys only. See README "Software strings".
 *
 * Unlike a file type, the catalogs are named by the project's `strings:` settings, so the format
 * is made for a project (`createStringsFormat`) and claims those paths (`Format.documents`). Its
 * segments are made by the reader, one per key (`segmentation: 'none'`), and each target language
 * sees the plural forms it needs (`forLanguage`).
 */
import { existsSync } from 'node:fs';
import { decodeUtf8, readBoundedFile, resolveInside } from '../../files.js';
import { withCodes, type Message } from '../../model.js';
import { readCatalog } from '../../strings/catalog.js';
import { MAX_CATALOG_BYTES } from '../../strings/io.js';
import { readCatalogMeta, type CatalogMeta } from '../../strings/meta.js';
import { catalogPath, metaPath, type StringsOptions } from '../../strings/options.js';
import { buildTargetCatalog } from '../../strings/target.js';
import type { Format } from '../format.js';
import { isStringsDocument, languageView, sourceDocument, type CodeComments } from './document.js';

export { isStringsDocument, type StringsDocument } from './document.js';

/** What the format is made from. */
export interface StringsFormatSetup {
  /** Absolute project root: the metadata files (`<ns>.meta.json`) are read beside the catalogs. */
  readonly root: string;
  /** The project's `strings:` settings, checked (`resolveStringsOptions`). */
  readonly options: StringsOptions;
  /**
   * The folder of generated documents (`paths.output`): `options.output` lies in
   * `<outputFolder>/{lng}/` (the config checks it), since a format's outputs are relative to a
   * language's output folder.
   */
  readonly outputFolder: string;
  /** Comments from the code per namespace, by key as the code uses it: notes for translators (extract reads the code). */
  readonly comments?: ReadonlyMap<string, CodeComments>;
}

/** The format's id (messages, registry). */
export const STRINGS_FORMAT_ID = 'i18next';

/** The software strings format of a project. */
export function createStringsFormat(setup: StringsFormatSetup): Format {
  const { options } = setup;
  const namespaceOf = new Map(options.namespaces.map((ns) => [catalogPath(options.catalogs, options.sourceLanguage, ns), ns] as const));
  const outputPrefix = `${setup.outputFolder.replace(/\/+$/u, '')}/{lng}/`;
  if (!options.output.startsWith(outputPrefix)) {
    throw new RangeError(`strings format: expected the output path to start with "${outputPrefix}", got "${options.output}"`);
  }
  const outputName = (namespace: string): string => catalogPath(options.output.slice(outputPrefix.length), '{lng}', namespace);
  const namespace = (path: string): string => {
    const found = namespaceOf.get(path);
    if (found === undefined) throw new RangeError(`strings format: "${path}" is not the catalog of a configured namespace`);
    return found;
  };

  const readMeta = (catalogFile: string, messages: Message[]): CatalogMeta | undefined => {
    const relative = metaPath(catalogFile);
    const absolute = resolveInside(setup.root, relative, 'the catalog path');
    if (!existsSync(absolute)) return undefined;
    // A broken metadata file stops the document (an InputError with line and column): limits must not vanish silently.
    const read = readCatalogMeta(decodeUtf8(readBoundedFile(absolute, relative, MAX_CATALOG_BYTES, 'strings'), relative, 'strings'), relative);
    messages.push(...read.messages);
    return read.meta;
  };

  return {
    id: STRINGS_FORMAT_ID,
    description: 'i18next JSON v4 catalogs of a site\'s interface texts (software strings), one document per namespace',
    extensions: [],
    datatype: 'x-i18next-json',
    documents: [...namespaceOf.keys()],
    segmentation: 'none',
    read({ text, path, name, language }) {
      const read = readCatalog(text, { file: path, language, namespace: namespace(path) }, { keySeparator: options.keySeparator, defaultStyle: options.newCatalogStyle });
      const messages: Message[] = [...read.messages];
      const meta = readMeta(path, messages);
      const document = sourceDocument(read.catalog, text, { name, path, language }, options, meta, setup.comments?.get(read.catalog.namespace));
      return { document, messages };
    },
    outputNames(_name, path) {
      return [outputName(namespace(path))];
    },
    forLanguage(document, language) {
      if (!isStringsDocument(document)) throw new RangeError(`strings format: "${document.path}" was not read by this format`);
      return languageView(document, language, options, setup.comments?.get(document.strings.catalog.namespace));
    },
    write(document, targets, { language }) {
      if (!isStringsDocument(document)) throw new RangeError(`strings format: "${document.path}" was not read by this format`);
      const translations = new Map<string, string>();
      for (const block of document.blocks) {
        for (const segment of block.segments) {
          const target = targets.get(segment.id);
          if (target !== undefined && segment.resource !== undefined) translations.set(segment.resource.name, withCodes(target));
        }
      }
      const { catalog } = document.strings;
      const written = buildTargetCatalog(catalog, language, translations, options);
      // Only translated keys: i18next shows the source language's text for the others.
      return written.text === undefined ? [] : [{ name: outputName(catalog.namespace), content: written.text }];
    },
  };
}
