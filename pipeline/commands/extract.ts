/**
 * `l10n extract`: source documents → one XLIFF file per document and target language, merged
 * with what translators already did. Running it twice changes nothing; after a source edit it
 * keeps every translation whose sentence did not change.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { xliffSettingsFor } from '../config.js';
import { maxFileBytes, projectRelative, readBoundedFile, writeFileAtomic } from '../files.js';
import { ProjectMemories } from '../memory/project.js';
import { InputError, type Message } from '../model.js';
import { documentPaths, prepareDocument, xliffPath } from '../project.js';
import { exitCodeFor, formatMessage, sortMessages, summarize } from '../report/messages.js';
import { exportXliff, readXliff, type ParsedXliff } from '../xliff/index.js';
import { EXIT, type Command, exitCodesHelp } from './command.js';
import { languagesFrom, openCheckedProject } from './options.js';
import { appendAll } from '../lists.js';

const USAGE = `Usage: l10n extract [--lang <code>]…

Reads the source documents, segments them, finds glossary terms and writes
translations/<lang>/<document>.xlf for every target language. Existing files are merged:
translations of unchanged sentences are kept, the old translation of a changed sentence is
offered as a candidate, and units of removed sentences are kept aside in
<document>.aside.xlf until the sentence comes back.

  --lang <code>   only this target language (repeatable); default: all in l10n.config.yaml

${exitCodesHelp({ 0: 'written', 1: 'written, with errors (a document that could not be read or merged)', 2: 'usage or config error, bad glossary', 3: 'a file could not be read or written' })}`;

/** Reads an XLIFF file if it exists; a file that cannot be read is a fatal message, never overwritten. */
function readExisting(file: string, root: string, messages: Message[]): ParsedXliff | undefined | 'unreadable' {
  if (!existsSync(file)) return undefined;
  try {
    const name = projectRelative(root, file);
    const maxBytes = maxFileBytes();
    return readXliff(readBoundedFile(file, name, maxBytes, 'xliff'), name, { maxBytes });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    messages.push({ ...error.detail, hint: `${error.detail.hint ?? ''} (the file was left as it is; extract did not overwrite it)`.trim() });
    return 'unreadable';
  }
}

export const extract: Command = {
  name: 'extract',
  summary: 'source → XLIFF per target language, keeping every translation',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { lang: { type: 'string', multiple: true } }, strict: true });
    const project = openCheckedProject(io);
    if (project === undefined) return EXIT.usage;
    const { config } = project;
    const languages = languagesFrom(values.lang, config);
    const messages: Message[] = [...project.messages];
    const memories = new ProjectMemories(config);
    for (const relativePath of documentPaths(config)) {
      const { doc, messages: docMessages } = prepareDocument(project, relativePath);
      appendAll(messages, docMessages);
      if (doc === undefined) continue;
      for (const language of languages) {
        const workFile = xliffPath(config, language, doc.name);
        const asideFile = xliffPath(config, language, doc.name, 'aside');
        const previous = readExisting(workFile, config.root, messages);
        const aside = readExisting(asideFile, config.root, messages);
        if (previous === 'unreadable' || aside === 'unreadable') continue;
        memories.learn(language, [previous, aside]);
        const settings = xliffSettingsFor(config, language);
        const result = exportXliff(doc, previous, aside, {
          version: settings.version,
          profile: settings.profile,
          sourceLanguage: config.sourceLanguage,
          targetLanguage: language,
          original: doc.path,
          leverage: memories.leverage(language),
        });
        // Merge messages are about this language's file, not the source: name the file the
        // translator works on (or the aside file), so the three languages' notices differ.
        const workRelative = projectRelative(config.root, workFile);
        const asideRelative = projectRelative(config.root, asideFile);
        appendAll(
          messages,
          result.messages.map((m) =>
            m.source === 'xliff-export' && m.file === doc.path && m.severity === 'info'
              ? { ...m, file: m.ruleId === 'xliff/set-aside' ? asideRelative : workRelative }
              : m,
          ),
        );
        // A previous file for another language must not be merged into this one: leave it be.
        if (result.messages.some((m) => m.fatal === true)) continue;
        const changed = writeIfChanged(workFile, result.xliff);
        if (result.aside === undefined) rmSync(asideFile, { force: true });
        else writeIfChanged(asideFile, result.aside);
        const s = result.stats;
        io.stderr(
          `${projectRelative(config.root, workFile)}: ${changed ? 'written' : 'unchanged'} ` +
            `(${s.kept} kept, ${s.added} new, ${s.candidates} with a candidate, ${s.restored} restored, ${s.setAside} set aside)\n`,
        );
      }
    }
    for (const file of memories.save()) io.stderr(`${file}: written (translation memory)\n`);
    appendAll(messages, memories.messages);
    for (const m of sortMessages(messages)) io.stderr(formatMessage(m) + '\n');
    io.stderr(`extract: ${summarize(messages)}\n`);
    return exitCodeFor(messages, 'error');
  },
};

/** Writes only when the content differs, so an unchanged file keeps its time stamp. */
function writeIfChanged(file: string, content: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return false;
  writeFileAtomic(file, content);
  return true;
}
