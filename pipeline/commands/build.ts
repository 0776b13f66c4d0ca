/**
 * `l10n build`: translators' XLIFF → checks → translated documents in output/<lang>/ and a
 * report per language. Nothing is written for a language whose build has findings at or above
 * --fail-on; with --check nothing is written at all and out-of-date outputs are findings.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import PQueue from 'p-queue';
import { buildLanguage, type LanguageBuild, type PlannedOutput } from '../build.js';
import type { Config } from '../config.js';
import { documentName, projectRelative, writeFileAtomic } from '../files.js';
import type { Document, Message } from '../model.js';
import { documentPaths, outputPath, prepareDocument, translationsFolder, xliffPath } from '../project.js';
import { qaOptionsFor } from '../qa/index.js';
import { formatGithub } from '../report/github.js';
import { buildReport, reportToJson, type BuildReport } from '../report/json.js';
import { atLeast, exitCodeFor, summarize } from '../report/messages.js';
import { formatTerminal } from '../report/terminal.js';
import { EXIT, UsageError, type CommandIo, type Command, type ExitCode, exitCodesHelp } from './command.js';
import { languagesFrom, severityFrom, openCheckedProject } from './options.js';
import { appendAll } from '../lists.js';

const USAGE = `Usage: l10n build [--lang <code>]… [--check] [--fail-on error|warning|info] [--format text|json|github]

Reads translations/<lang>/<document>.xlf, runs the quality checks on every unit against the
current source and writes output/<lang>/<document>.txt and .md plus output/<lang>/report.json.
A language with findings at or above --fail-on writes nothing.

  --lang <code>     only this language (repeatable), so CI can build languages in parallel jobs
  --check           write nothing; report outputs that differ from what the build produces
  --fail-on <sev>   lowest severity that fails the build (default: policies.failOn, error)
  --format <fmt>    text (default, on stderr), json (the reports on stdout) or github
                    (GitHub Actions annotations on stdout)

${exitCodesHelp({ 0: 'clean: nothing at or above --fail-on', 1: 'findings at or above --fail-on (default error)', 2: 'usage or config error, bad glossary', 3: 'a file could not be read, decoded or parsed; a language could not be built' })}`;

/** Output formats of `build` and `check`. */
export type ReportFormat = 'text' | 'json' | 'github';

/** The format from --format. */
export function formatFrom(value: string | undefined): ReportFormat {
  if (value === undefined) return 'text';
  if (value !== 'text' && value !== 'json' && value !== 'github') {
    throw new UsageError(`--format: expected text, json or github, got "${value}"`);
  }
  return value;
}

/** What `build` and `check` share: options already parsed. */
export interface RunOptions {
  readonly lang: readonly string[] | undefined;
  readonly failOn: string | undefined;
  readonly format: ReportFormat;
  /** 'write' writes outputs; 'compare' reports outputs that differ; 'none' only checks. */
  readonly outputs: 'write' | 'compare' | 'none';
  /** Name shown in the summary line. */
  readonly name: string;
}

/**
 * Reads, checks and assembles every document in every requested language, then writes (or
 * compares) the outputs of the languages without findings at or above the threshold, prints
 * the report in the chosen format and returns the exit code.
 */
export async function runBuild(options: RunOptions, io: CommandIo): Promise<ExitCode> {
  const project = openCheckedProject(io);
  if (project === undefined) return EXIT.usage;
  const { config } = project;
  const languages = languagesFrom(options.lang, config);
  const failOn = severityFrom(options.failOn, config.policies.failOn);
  const qa = qaOptionsFor(config);

  const documentMessages: Message[] = [...project.messages];
  const docs: Document[] = [];
  const sourcePaths = documentPaths(config);
  for (const relativePath of sourcePaths) {
    const { doc, messages } = prepareDocument(project, relativePath);
    appendAll(documentMessages, messages);
    if (doc !== undefined) docs.push(doc);
  }

  // Languages and documents are independent: build them concurrently, reading files while
  // others assemble. Two at a time matches the machines CI runs on.
  const queue = new PQueue({ concurrency: 2 });
  const builds = await Promise.all(
    languages.flatMap((language) => docs.map((doc) => queue.add(() => buildLanguage(config, doc, language, qa).catch((error: unknown) => failedBuild(config, doc, language, error))))),
  );

  const allMessages: Message[] = [...documentMessages];
  const reports: BuildReport[] = [];
  const writes: PlannedOutput[] = [];
  for (const language of languages) {
    const ofLanguage = builds.filter((b): b is LanguageBuild => b !== undefined && b.language === language);
    const languageMessages = [...orphanTranslations(config, language, sourcePaths), ...ofLanguage.flatMap((b) => b.messages)];
    const messages = [...documentMessages, ...languageMessages];
    const blocked = messages.some((m) => m.fatal === true || atLeast(m, failOn));
    const report = buildReport(
      language,
      failOn,
      ofLanguage.map((b) => ({
        document: b.document,
        source: docs.find((d) => d.name === b.document)?.path ?? '',
        language,
        xliff: b.xliff,
        counts: b.counts,
        outputs: blocked || options.outputs === 'none' ? [] : b.outputs.map((o) => projectRelative(config.root, o.path)),
      })),
      messages,
    );
    reports.push(report);
    appendAll(allMessages, languageMessages);
    if (!blocked) {
      appendAll(writes, ofLanguage.flatMap((b) => b.outputs));
      writes.push({ path: outputPath(config, language, 'report', '.json'), content: reportToJson(report) });
    }
  }

  if (options.outputs === 'compare') {
    for (const planned of writes) {
      const current = existsSync(planned.path) ? readFileSync(planned.path, 'utf8') : undefined;
      if (current !== planned.content) {
        allMessages.push({
          reason: current === undefined ? 'this output is missing' : 'this output differs from what the build produces',
          ruleId: 'build/outdated-output',
          source: 'build',
          severity: 'error',
          file: projectRelative(config.root, planned.path),
          hint: 'run `npm start` (or `l10n build`) and commit output/',
        });
      }
    }
  } else if (options.outputs === 'write') {
    for (const planned of writes) {
      try {
        writeFileAtomic(planned.path, planned.content);
      } catch (error) {
        allMessages.push({
          reason: `the output could not be written: ${(error as Error).message}`,
          ruleId: 'build/write',
          source: 'build',
          severity: 'error',
          fatal: true,
          file: projectRelative(config.root, planned.path),
          hint: 'check the permissions of paths.output',
        });
        break;
      }
    }
  }

  if (options.format === 'json') io.stdout(JSON.stringify(reports, null, 2) + '\n');
  if (options.format === 'github') io.stdout(formatGithub(allMessages));
  if (options.format === 'text') io.stderr(formatTerminal(allMessages, { color: io.isTTY && process.env.NO_COLOR === undefined }));
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const report of reports) {
    const published = report.documents.reduce((n, d) => n + d.counts.published, 0);
    const total = report.documents.reduce((n, d) => n + d.counts.segments, 0);
    const written = report.documents.flatMap((d) => d.outputs);
    const verb = options.outputs === 'write' ? 'wrote' : 'checked';
    const { errors, warnings, notices } = report.summary;
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    const blocking = [plural(errors, 'error'), ...(failOn === 'error' ? [] : [plural(warnings, 'warning')]), ...(failOn === 'info' ? [plural(notices, 'notice')] : [])];
    io.stderr(
      `${report.language}: ${published}/${total} segments ${options.outputs === 'none' ? 'publishable' : 'published'}; ` +
        (options.outputs === 'none'
          ? counts
          : written.length === 0
            ? `nothing written: ${blocking.join(', ')} at or above --fail-on ${failOn} (a language is written only when it has none)`
            : `${verb} ${written.join(', ')}`) +
        '\n',
    );
  }
  io.stderr(`${options.name}: ${summarize(allMessages)}\n`);
  return exitCodeFor(allMessages, failOn);
}

/**
 * A document whose build in one language failed in a way nothing foresaw (a defect): a fatal
 * message for that document and language, so the other languages are still built and written.
 */
function failedBuild(config: Config, doc: Document, language: string, error: unknown): LanguageBuild {
  const xliff = projectRelative(config.root, xliffPath(config, language, doc.name));
  const segments = doc.blocks.reduce((n, b) => n + b.segments.length, 0);
  return {
    document: doc.name,
    language,
    xliff,
    outputs: [],
    messages: [{
      reason: `this document could not be built in ${language}: internal error (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`,
      ruleId: 'build/internal-error',
      source: 'build',
      severity: 'error',
      fatal: true,
      file: xliff,
      hint: 'this is a defect of l10n, not of the file; nothing was written for this language. Please report it with the file',
    }],
    counts: { segments, published: 0, fellBack: 0, missing: segments },
  };
}

/**
 * XLIFF files in `translations/<language>/` that belong to no source document: a document was
 * removed or renamed and its translations stayed behind. Nothing reads them any more, so a
 * translator could be working on a dead file; the build says so (a warning: nothing is wrong
 * with what it publishes). `sourcePaths` are all the project's documents, built or not.
 */
export function orphanTranslations(config: Config, language: string, sourcePaths: readonly string[]): Message[] {
  const folder = translationsFolder(config, language);
  const known = new Set(sourcePaths.flatMap((p) => [documentName(p), `${documentName(p)}.aside`]));
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.xlf')).sort();
  } catch {
    return []; // no folder yet: every document reports its own missing file
  }
  return files
    .filter((f) => !known.has(f.slice(0, -'.xlf'.length)))
    .map((f) => ({
      reason: 'no source document has this translation file (the document was removed or renamed)',
      ruleId: 'build/orphan-xliff',
      source: 'build',
      severity: 'warning',
      file: projectRelative(config.root, path.join(folder, f)),
      hint: 'delete the file, or restore the source document under the same name',
    }));
}

export const build: Command = {
  name: 'build',
  summary: 'XLIFF → checks → translated documents in output/ and a report',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        lang: { type: 'string', multiple: true },
        check: { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
      strict: true,
    });
    const format = formatFrom(values.format);
    return runBuild({ lang: values.lang, failOn: values['fail-on'], format, outputs: values.check ? 'compare' : 'write', name: 'build' }, io);
  },
};
