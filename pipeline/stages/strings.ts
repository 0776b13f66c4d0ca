/**
 * Software strings before the extract chain: when `strings.input` is set, each namespace's German
 * catalog is refreshed from the site's code (new keys added with the code's default text, keys
 * the code no longer uses set aside with their text, returning keys restored, keys used without a
 * German text reported), so that the chain then reads the catalogs as the code needs them. The
 * code's comments above a key's use become notes for translators in the XLIFF files.
 */
import { configuredFormats, STRINGS_FORMAT_ID, type Format } from '../formats/index.js';
import type { Message } from '../model.js';
import type { Project } from '../project.js';
import { commentsFromUses, refreshSourceCatalogs } from '../strings/io.js';
import { catalogPath, metaPath } from '../strings/options.js';

/** What the refresh did, for the extract chain. */
export interface StringsRefresh {
  /** Its messages, without those about reading the catalogs, which the chain reads (and reports) again. */
  readonly messages: readonly Message[];
  /** German catalogs and aside files written (relative to the root). */
  readonly changed: readonly string[];
  /** The strings format with the code's comments as notes, for this run's documents; undefined when the code was not read. */
  readonly format: Format | undefined;
}

/** Refreshes the German catalogs from the code (see the module comment); does nothing without `strings.input`. */
export async function refreshStrings(project: Project): Promise<StringsRefresh> {
  const strings = project.config.strings;
  if (strings === undefined || !strings.readsCode) return { messages: [], changed: [], format: undefined };
  const { options } = strings;
  const report = await refreshSourceCatalogs(project.root, options);
  const readAgain = new Set(options.namespaces.flatMap((ns) => {
    const catalog = catalogPath(options.catalogs, options.sourceLanguage, ns);
    return [catalog, metaPath(catalog)];
  }));
  const messages = report.messages.filter((m) => !(m.source === 'strings' && m.file !== undefined && readAgain.has(m.file)));
  const format = configuredFormats({ root: project.root, outputFolder: project.config.paths.output, strings: options, comments: commentsFromUses(report.uses) }).find((f) => f.id === STRINGS_FORMAT_ID);
  return { messages, changed: report.changed, format };
}
