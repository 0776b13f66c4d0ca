/**
 * `l10n check`: everything `build` does (import, quality checks, publishing policy) except
 * writing. The command for pull requests: it says whether the build would publish, and why not.
 */
import { parseArgs } from 'node:util';
import { exitCodesHelp } from './command.js';
import type { Command } from './command.js';
import { formatFrom, runBuild } from './build.js';

const USAGE = `Usage: l10n check [--lang <code>]… [--fail-on error|warning|info] [--format text|json|github]
                  [--untranslated fail|source|hold]

Runs the quality checks and the publishing policy on translations/<lang>/*.xlf against the
current source, and writes nothing.

  --lang <code>     only this language (repeatable)
  --fail-on <sev>   lowest severity that fails (default: policies.failOn, error)
  --format <fmt>    text (default, grouped by file and unit, on stderr), json (the build
                    reports on stdout, see README.md "Reports") or github (GitHub Actions
                    annotations on stdout)
  --untranslated <policy>
                    fail, source or hold (default: policies.untranslated); e.g. hold on pull
                    requests, so a new article waits for its translations without failing

Which checks run and at what severity: the checks section of l10n.config.yaml.
A reviewer accepts one finding with a note in the XLIFF unit:
  <note from="l10n-accept">qa/final-punctuation: headline style drops the full stop</note>

${exitCodesHelp({ 0: 'clean: nothing at or above --fail-on', 1: 'findings at or above --fail-on (default error)', 2: 'usage or config error, bad glossary', 3: 'a file could not be read, decoded or parsed; a language could not be built' })}`;

export const check: Command = {
  name: 'check',
  summary: 'quality checks on the translations, writing nothing',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        lang: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        format: { type: 'string', default: 'text' },
        untranslated: { type: 'string' },
      },
      strict: true,
    });
    return runBuild({ lang: values.lang, failOn: values['fail-on'], format: formatFrom(values.format), outputs: 'none', name: 'check', untranslated: values.untranslated }, io);
  },
};
