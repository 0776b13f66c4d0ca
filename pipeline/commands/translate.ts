/**
 * `l10n translate`: machine pre-translation of the sentences that have no translation, written
 * into the languages' XLIFF files as machine output for a person to review. Parses arguments,
 * runs the translate chain (`pipeline/chains.ts`), reports: a progress bar on a terminal, one
 * summary line per language, the messages, and an exit code.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { translate as runTranslate, type TranslateLanguageResult, type TranslateResult } from '../chains.js';
import { MachineFlagError, resolveMachineSettings } from '../machine-config.js';
import { sortMessages, type Message } from '../model.js';
import { cacheFileName, formatPlan, formatSummary, KEY_VARIABLES, MtSetupError, MT_PROVIDERS, type MtSettings } from '../mt/index.js';
import { formatMessage, summarize } from '../report/messages.js';
import { MACHINE_ONLY, type MachineOnly } from '../stages/machine.js';
import { EXIT, UsageError, exitCodeFor, exitCodesHelp, type Command, type CommandIo, type ExitCode } from './command.js';
import { languagesFrom, openCheckedProject, severityFrom } from './options.js';
import { progressDisplay } from './progress.js';

const USAGE = `Usage: l10n translate --lang <code>… [--provider deepl|openai|libretranslate] [--url <endpoint>]
                      [--model <name>] [--only new|changed|all] [--dry-run] [--fail-on error|warning|info]

Machine pre-translation: fills the targets of translations/<lang>/*.xlf that have no translation
with a machine translation, marked for review (never published as a person's work until someone
confirms it; see policies.machine in README.md). The rest of each file is kept as it is. Answers
are cached in translations/memory/mt-<provider>-<source>-<target>.jsonl: a second run, or one
after an interruption or a stop, sends nothing already answered.

  --lang <code>      target language to translate (repeatable; required: each language costs)
  --provider <name>  deepl, openai (any OpenAI-compatible chat server) or libretranslate;
                     default: mt.provider in l10n.config.yaml
  --url <endpoint>   the provider's endpoint (mt.endpoint)
  --model <name>     the chat model (openai) or DeepL's model_type (deepl)
  --only <which>     new (default): sentences without a target; changed: sentences whose source
                     changed (the old translation is kept as a candidate); all: every sentence
                     without an approved translation
  --dry-run          print per language the characters, requests and cached answers a run
                     would use; send nothing, write nothing (no API key needed)
  --fail-on <sev>    lowest severity that makes the exit code 1 (default error: sentences that
                     could not be translated; warning also counts answers the checks refused)

Keys come from the environment only: ${MT_PROVIDERS.map((p) => KEY_VARIABLES[p]).join(', ')}.

${exitCodesHelp({
  0: 'translated (some answers may have been refused by the checks: warnings)',
  1: 'findings at or above --fail-on: sentences whose requests failed',
  2: 'usage or config error; the provider\'s API key is not set (the message names the variable)',
  3: 'the provider stopped the run (key refused, quota used up) or it was interrupted: what was translated is written, the rest waits for the next run; a file could not be read or written',
})}`;

/** The --only value, checked. */
function onlyFrom(value: string | undefined): MachineOnly {
  if (value === undefined) return 'new';
  if (!(MACHINE_ONLY as readonly string[]).includes(value)) throw new UsageError(`--only: expected one of ${MACHINE_ONLY.join(', ')}, got "${value}"`);
  return value as MachineOnly;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** The summary line of a language: the library's counts with the checks' refusals added, and what was written. */
function languageLine(language: TranslateLanguageResult): string {
  const { summary } = language;
  if (summary === undefined) return `${language.language}: nothing to translate`;
  const line = formatSummary({ ...summary, rejected: summary.rejected + language.refused });
  const flagged = language.flagged === 0 ? '' : `, ${count(language.flagged)} with findings noted for the reviewer`;
  return `${line}; ${count(language.written)} written for review${flagged}`;
}

/** What a stop or an interruption kept, and where the answers are. */
function keptLine(result: TranslateResult, settings: MtSettings, sourceLanguage: string, cacheFolder: string): string {
  const written = result.languages.reduce((n, l) => n + l.written, 0);
  const caches = result.languages.map((l) => path.posix.join(cacheFolder, cacheFileName(settings.provider, sourceLanguage, l.language)));
  return `kept: ${count(written)} machine ${written === 1 ? 'target' : 'targets'} written; every answer received is in ${caches.join(', ')}; run the same command again to translate the rest (nothing answered is sent again)`;
}

export const translate: Command = {
  name: 'translate',
  summary: 'machine pre-translation of untranslated sentences, marked for review',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        lang: { type: 'string', multiple: true },
        provider: { type: 'string' },
        url: { type: 'string' },
        model: { type: 'string' },
        only: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
      },
      strict: true,
    });
    const only = onlyFrom(values.only);
    const failOn = severityFrom(values['fail-on'], 'error');
    if (values.lang === undefined || values.lang.length === 0) {
      throw new UsageError('--lang: name the target language(s) to translate: each language is paid for separately');
    }
    const project = openCheckedProject(io);
    if (project === undefined) return EXIT.usage;
    const languages = languagesFrom(values.lang, project.config);
    let settings: MtSettings;
    try {
      settings = resolveMachineSettings(project.config, {
        ...(values.provider === undefined ? {} : { provider: values.provider }),
        ...(values.url === undefined ? {} : { endpoint: values.url }),
        ...(values.model === undefined ? {} : { model: values.model }),
      });
    } catch (error) {
      if (error instanceof MachineFlagError) throw new UsageError(error.message);
      throw error;
    }
    return run(project, settings, { languages, only, dryRun: values['dry-run'], failOn }, io);
  },
};

async function run(
  project: NonNullable<ReturnType<typeof openCheckedProject>>,
  settings: MtSettings,
  choice: { readonly languages: readonly string[]; readonly only: MachineOnly; readonly dryRun: boolean; readonly failOn: ReturnType<typeof severityFrom> },
  io: CommandIo,
): Promise<ExitCode> {
  const interruption = choice.dryRun ? undefined : io.interruptible?.();
  const progress = progressDisplay(io, { enabled: !choice.dryRun });
  let result: TranslateResult;
  try {
    result = await runTranslate(project, {
      settings,
      languages: choice.languages,
      only: choice.only,
      dryRun: choice.dryRun,
      ...(io.env === undefined ? {} : { env: io.env }),
      ...(interruption === undefined ? {} : { signal: interruption.signal }),
      ...(progress.listener === undefined ? {} : { onProgress: progress.listener }),
    });
  } catch (error) {
    progress.stop();
    if (!(error instanceof MtSetupError)) throw error;
    io.stderr(formatMessage(error.detail) + '\n');
    return EXIT.usage;
  } finally {
    interruption?.release();
  }
  progress.stop();

  if (result.dryRun) {
    for (const language of result.languages) if (language.plan !== undefined) io.stdout(formatPlan(language.plan) + '\n');
    const keyMissing = io.env === undefined ? process.env[KEY_VARIABLES[settings.provider]] : io.env[KEY_VARIABLES[settings.provider]];
    if (settings.provider === 'deepl' && (keyMissing === undefined || keyMissing.trim() === '')) {
      io.stderr(`translate: note: ${KEY_VARIABLES.deepl} is not set; a real run needs it\n`);
    }
    printMessages(result.messages.filter((m) => m.severity !== 'info'), io);
    return exitCodeFor(result.messages, 'error');
  }

  for (const file of result.files) {
    for (const track of file.tracks.values()) {
      const written = track.exported?.fromMachine ?? 0;
      if (track.exported === undefined || written === 0) continue;
      io.stderr(`${track.exported.file}: ${count(written)} machine ${written === 1 ? 'target' : 'targets'} written, marked for review\n`);
    }
  }
  printMessages(result.messages, io);
  for (const language of result.languages) io.stderr(languageLine(language) + '\n');
  const stopped = result.languages.find((l) => l.summary?.stopped !== undefined)?.summary?.stopped;
  const interrupted = result.languages.some((l) => l.summary?.interrupted === true);
  const cacheFolder = path.posix.join(project.config.paths.translations, 'memory');
  if (stopped !== undefined || interrupted) {
    io.stderr(`translate: ${stopped !== undefined ? `stopped: ${stopped.reason}` : 'interrupted'}; ${keptLine(result, settings, project.config.sourceLanguage, cacheFolder)}\n`);
    return EXIT.io;
  }
  io.stderr(`translate: ${summarize(result.messages)}\n`);
  return exitCodeFor(result.messages, choice.failOn);
}

/** Prints messages, sorted, to stderr. */
function printMessages(messages: readonly Message[], io: CommandIo): void {
  for (const m of sortMessages(messages)) io.stderr(formatMessage(m) + '\n');
}
