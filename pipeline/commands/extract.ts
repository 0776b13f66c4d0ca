/**
 * `l10n extract`: source documents → one XLIFF file per document and target language, merged
 * with what translators already did. Running it twice changes nothing; after a source edit it
 * keeps every translation whose sentence did not change. Parses arguments, runs the extract chain
 * (`pipeline/chains.ts`), reports.
 */
import { parseArgs } from 'node:util';
import { extract as runExtract } from '../chains.js';
import { sortMessages } from '../model.js';
import { formatMessage, summarize } from '../report/messages.js';
import { EXIT, exitCodeFor, exitCodesHelp, type Command } from './command.js';
import { languagesFrom, openCheckedProject } from './options.js';
import { progressDisplay } from './progress.js';

const USAGE = `Usage: l10n extract [--lang <code>]…

Finds the source documents (every file in paths.source that a format reads, or those the
documents list of l10n.config.yaml names), segments them, finds glossary terms and writes
translations/<lang>/<document>.xlf for every target language. Existing files are merged:
translations of unchanged sentences are kept, the old translation of a changed sentence is
offered as a candidate, and units of removed sentences are kept aside in
<document>.aside.xlf until the sentence comes back. With software strings (strings: in the
config, with strings.input), the German catalogs are first refreshed from the site's code.

  --lang <code>   only this target language (repeatable); default: all in l10n.config.yaml

${exitCodesHelp({ 0: 'written', 1: 'written, with errors (a document that could not be read or merged)', 2: 'usage or config error, bad glossary', 3: 'a file could not be read or written' })}`;

export const extract: Command = {
  name: 'extract',
  summary: 'source → XLIFF per target language, keeping every translation',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { lang: { type: 'string', multiple: true } }, strict: true });
    const project = openCheckedProject(io);
    if (project === undefined) return EXIT.usage;
    const progress = progressDisplay(io);
    const result = await runExtract(project, {
      languages: languagesFrom(values.lang, project.config),
      ...(progress.listener === undefined ? {} : { onProgress: progress.listener }),
    });
    progress.stop();
    const n = result.documents.length;
    io.stderr(`extract: ${n} ${n === 1 ? 'document' : 'documents'}${n === 0 ? '' : `: ${result.documents.join(', ')}`}\n`);
    for (const file of result.files) {
      for (const track of file.tracks.values()) {
        if (track.exported === undefined) continue;
        const s = track.exported.stats;
        io.stderr(
          `${track.exported.file}: ${track.exported.changed ? 'written' : 'unchanged'} ` +
            `(${s.kept} kept, ${s.added} new, ${s.candidates} with a candidate, ${s.restored} restored, ${s.setAside} set aside)\n`,
        );
      }
    }
    for (const file of result.catalogs) io.stderr(`${file}: written (refreshed from the site's code)\n`);
    for (const file of result.memoryFiles) io.stderr(`${file}: written (translation memory)\n`);
    for (const m of sortMessages(result.messages)) io.stderr(formatMessage(m) + '\n');
    io.stderr(`extract: ${summarize(result.messages)}\n`);
    return exitCodeFor(result.messages, 'error');
  },
};
