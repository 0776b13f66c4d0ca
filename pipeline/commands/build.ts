/**
 * `l10n build`: translators' XLIFF → checks → translated documents in output/<lang>/ and a
 * report per language. Nothing is written for a language whose build has findings at or above
 * --fail-on; with --check nothing is written at all and out-of-date outputs are findings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import PQueue from 'p-queue';
import { buildLanguage, type LanguageBuild, type PlannedOutput } from '../build.js';
import { projectRelative, writeFileAtomic } from '../files.js';
import type { Document, Message } from '../model.js';
import { documentPaths, openProject, outputPath, prepareDocument } from '../project.js';
import { buildReport, reportToJson, type BuildReport } from '../report/json.js';
import { atLeast, exitCodeFor, formatMessage, sortMessages, summarize } from '../report/messages.js';
import { EXIT, UsageError, type Command } from './command.js';
import { languagesFrom, severityFrom } from './options.js';

const USAGE = `Usage: l10n build [--lang <code>]… [--check] [--fail-on error|warning|info] [--format text|json]

Reads translations/<lang>/<document>.xlf, checks every unit against the current source and
writes output/<lang>/<document>.txt and .md plus output/<lang>/report.json.

  --lang <code>     only this language (repeatable), so CI can build languages in parallel jobs
  --check           write nothing; report outputs that differ from what the build produces
  --fail-on <sev>   lowest severity that fails the build (default: policies.failOn, error)
  --format <fmt>    text (default) or json: the report(s) on stdout

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or config error,
3 a file could not be read or written.`;

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
    if (values.format !== 'text' && values.format !== 'json') {
      throw new UsageError(`--format: expected text or json, got "${values.format}"`);
    }
    const project = openProject(io.cwd);
    const { config } = project;
    const languages = languagesFrom(values.lang, config);
    const failOn = severityFrom(values['fail-on'], config.policies.failOn);
    if (project.messages.some((m) => m.severity === 'error')) {
      for (const m of sortMessages(project.messages)) io.stderr(formatMessage(m) + '\n');
      return EXIT.usage;
    }

    const documentMessages: Message[] = [...project.messages];
    const docs: Document[] = [];
    for (const relativePath of documentPaths(config)) {
      const { doc, messages } = prepareDocument(project, relativePath);
      documentMessages.push(...messages);
      if (doc !== undefined) docs.push(doc);
    }

    // Languages and documents are independent: build them concurrently, reading files while
    // others assemble. Two at a time matches the machines CI runs on.
    const queue = new PQueue({ concurrency: 2 });
    const builds = await Promise.all(
      languages.flatMap((language) => docs.map((doc) => queue.add(() => buildLanguage(config, doc, language)))),
    );

    const allMessages: Message[] = [...documentMessages];
    const reports: BuildReport[] = [];
    const writes: PlannedOutput[] = [];
    for (const language of languages) {
      const ofLanguage = builds.filter((b): b is LanguageBuild => b !== undefined && b.language === language);
      const messages = [...documentMessages, ...ofLanguage.flatMap((b) => b.messages)];
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
          outputs: blocked ? [] : b.outputs.map((o) => projectRelative(config.root, o.path)),
        })),
        messages,
      );
      reports.push(report);
      allMessages.push(...ofLanguage.flatMap((b) => b.messages));
      if (!blocked) {
        writes.push(...ofLanguage.flatMap((b) => b.outputs));
        writes.push({ path: outputPath(config, language, 'report', '.json'), content: reportToJson(report) });
      }
    }

    if (values.check) {
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
    } else {
      for (const planned of writes) writeFileAtomic(planned.path, planned.content);
    }

    if (values.format === 'json') io.stdout(JSON.stringify(reports, null, 2) + '\n');
    for (const m of sortMessages(allMessages)) io.stderr(formatMessage(m) + '\n');
    for (const report of reports) {
      const published = report.documents.reduce((n, d) => n + d.counts.published, 0);
      const total = report.documents.reduce((n, d) => n + d.counts.segments, 0);
      const written = report.documents.flatMap((d) => d.outputs);
      io.stderr(
        `${report.language}: ${published}/${total} segments published; ` +
          (written.length === 0 ? 'nothing written' : `${values.check ? 'checked' : 'wrote'} ${written.join(', ')}`) +
          '\n',
      );
    }
    io.stderr(`build: ${summarize(allMessages)}\n`);
    return exitCodeFor(allMessages, failOn);
  },
};
