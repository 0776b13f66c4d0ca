/**
 * `l10n build`: translators' XLIFF → checks → translated documents in output/<lang>/ and a
 * report per language. Nothing is written for a language whose build has findings at or above
 * --fail-on; with --check nothing is written at all and out-of-date outputs are findings.
 */
import { parseArgs } from 'node:util';
import { build as runChain } from '../chains.js';
import { formatGithub } from '../report/github.js';
import { summarize } from '../report/messages.js';
import { formatTerminal } from '../report/terminal.js';
import { progressDisplay } from './progress.js';
import { EXIT, UsageError, exitCodeFor, type CommandIo, type Command, type ExitCode, exitCodesHelp } from './command.js';
import { languagesFrom, severityFrom, openCheckedProject } from './options.js';

const USAGE = `Usage: l10n build [--lang <code>]… [--check] [--fail-on error|warning|info] [--format text|json|github]

Reads translations/<lang>/<document>.xlf, runs the quality checks on every unit against the
current source and writes the translated documents to output/<lang>/ (a plain-text article as
<document>.txt and .md) plus output/<lang>/report.json.
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
 * Runs the build chain (`pipeline/chains.ts`) with the parsed options, prints the report in the
 * chosen format and one summary line per language, and returns the exit code.
 */
export async function runBuild(options: RunOptions, io: CommandIo): Promise<ExitCode> {
  const project = openCheckedProject(io);
  if (project === undefined) return EXIT.usage;
  const languages = languagesFrom(options.lang, project.config);
  const failOn = severityFrom(options.failOn, project.config.policies.failOn);
  const progress = progressDisplay(io, { enabled: options.format === 'text' });
  const result = await runChain(project, { languages, failOn, outputs: options.outputs, keepDocuments: false, ...(progress.listener === undefined ? {} : { onProgress: progress.listener }) });
  progress.stop();
  const reports = result.languages.map((l) => l.report);
  if (options.format === 'json') io.stdout(JSON.stringify(reports, null, 2) + '\n');
  if (options.format === 'github') io.stdout(formatGithub(result.messages));
  if (options.format === 'text') io.stderr(formatTerminal(result.messages, { color: io.isTTY && process.env.NO_COLOR === undefined }));
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  for (const report of reports) {
    const published = report.documents.reduce((n, d) => n + d.counts.published, 0);
    const total = report.documents.reduce((n, d) => n + d.counts.segments, 0);
    const written = report.documents.flatMap((d) => d.outputs);
    const verb = options.outputs === 'write' ? 'wrote' : 'checked';
    const { errors, warnings, notices } = report.summary;
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    const blocking = [plural(errors, 'error'), ...(failOn === 'error' ? [] : [plural(warnings, 'warning')]), ...(failOn === 'info' ? [plural(notices, 'notice')] : [])];
    const machine = report.machine === undefined ? '' : ` (${report.machine.published} of them machine output no person has confirmed, policies.machine.publish)`;
    io.stderr(
      `${report.language}: ${published}/${total} segments ${options.outputs === 'none' ? 'publishable' : 'published'}${machine}; ` +
        (options.outputs === 'none'
          ? counts
          : written.length === 0
            ? `nothing written: ${blocking.join(', ')} at or above --fail-on ${failOn} (a language is written only when it has none)`
            : `${verb} ${written.join(', ')}`) +
        '\n',
    );
  }
  io.stderr(`${options.name}: ${summarize(result.messages)}\n`);
  return exitCodeFor(result.messages, failOn);
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
