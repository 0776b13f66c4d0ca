/**
 * `l10n pseudo`: fills every target of a pseudo-locale's XLIFF files, so that `build` shows how
 * each document comes back before a translator sees it. Parses arguments, runs the pseudo chain
 * (`pipeline/chains.ts`), reports.
 */
import { parseArgs } from 'node:util';
import { pseudo as runPseudo } from '../chains.js';
import { sortMessages } from '../model.js';
import { isPseudoLocale, PSEUDO_MODES, type PseudoMode } from '../pseudo/index.js';
import { formatMessage, summarize } from '../report/messages.js';
import { EXIT, exitCodeFor, exitCodesHelp, UsageError, type Command } from './command.js';
import { languagesFrom, openCheckedProject } from './options.js';
import { progressDisplay } from './progress.js';

const USAGE = `Usage: l10n pseudo --lang <code> [--mode identity|accent]

Writes translations/<code>/<document>.xlf for every document with every target filled by a
pseudo-translation (state translated); then \`l10n build\` publishes output/<code>/ like any
language. The language must be a pseudo-locale listed in targetLanguages of l10n.config.yaml:
a region XA or XB (en-XA, en-XB, ar-XB) or the language qps (qps-ploc). Real languages are
refused, so no translator's work is ever overwritten. The translation memory is not changed.

  --lang <code>   the pseudo-locale (required)
  --mode <mode>   identity: the source itself, inline codes included (the build must give every
                  document back byte for byte); accent (default): accented letters, about 30 %
                  longer, in brackets, numbers, codes, URLs and do-not-translate terms kept

${exitCodesHelp({ 0: 'written', 1: 'written, with errors (a document that could not be read)', 2: 'usage or config error, a real language', 3: 'a file could not be read or written' })}`;

export const pseudo: Command = {
  name: 'pseudo',
  summary: 'fill a pseudo-locale with made-up targets to prove the formats round-trip',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({ args: [...args], options: { lang: { type: 'string' }, mode: { type: 'string', default: 'accent' } }, strict: true });
    if (values.lang === undefined) throw new UsageError('--lang: expected a pseudo-locale such as en-XA, got nothing');
    if (!(PSEUDO_MODES as readonly string[]).includes(values.mode)) throw new UsageError(`--mode: expected one of ${PSEUDO_MODES.join(', ')}, got "${values.mode}"`);
    if (!isPseudoLocale(values.lang)) {
      throw new UsageError(`--lang: expected a pseudo-locale (en-XA, en-XB, ar-XB, qps-ploc), got "${values.lang}": pseudo never writes a real language's translations`);
    }
    const project = openCheckedProject(io);
    if (project === undefined) return EXIT.usage;
    const [language] = languagesFrom([values.lang], project.config) as [string];
    const progress = progressDisplay(io);
    const result = await runPseudo(project, {
      language,
      mode: values.mode as PseudoMode,
      ...(progress.listener === undefined ? {} : { onProgress: progress.listener }),
    });
    progress.stop();
    const n = result.documents.length;
    io.stderr(`pseudo: ${n} ${n === 1 ? 'document' : 'documents'}${n === 0 ? '' : `: ${result.documents.join(', ')}`}\n`);
    for (const file of result.files) {
      for (const track of file.tracks.values()) {
        if (track.exported === undefined) continue;
        io.stderr(`${track.exported.file}: ${track.exported.changed ? 'written' : 'unchanged'} (${values.mode})\n`);
      }
    }
    for (const m of sortMessages(result.messages)) io.stderr(formatMessage(m) + '\n');
    io.stderr(`pseudo: ${summarize(result.messages)}\n`);
    return exitCodeFor(result.messages, 'error');
  },
};
