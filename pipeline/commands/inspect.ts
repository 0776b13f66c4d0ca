/**
 * `l10n inspect <file>`: what is in an XLIFF file, ours or a CAT tool's, without a project.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../model.js';
import { formatMessage } from '../report/messages.js';
import { maxFileBytes, readBoundedFile } from '../files.js';
import { inspectXliffBytes, summaryText } from '../xliff/inspect.js';
import { EXIT, UsageError, type Command, exitCodesHelp } from './command.js';

const USAGE = `Usage: l10n inspect <file.xlf> [--json]

Reads an XLIFF file (1.2, 2.0, 2.1 or 2.2, from any tool) and reports its version, languages,
files, units, segments, targets that hold text, states, inline codes, markers and notes.

  --json   the summary as JSON on stdout (fields documented in README.md, "Inspecting a file")

${exitCodesHelp({ 0: 'read', 2: 'usage error', 3: 'the file cannot be read or is refused' })}`;

export const inspect: Command = {
  name: 'inspect',
  summary: 'report what an XLIFF file holds (version, units, states, codes)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args: [...args], options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new UsageError(`expected one file, got ${positionals.length}`);
    const name = positionals[0] as string;
    const absolute = path.resolve(io.cwd, name);
    try {
      const maxBytes = maxFileBytes();
      const summary = inspectXliffBytes(readBoundedFile(absolute, name, maxBytes, 'xliff'), name, { maxBytes });
      io.stdout(values.json ? JSON.stringify(summary, null, 2) + '\n' : summaryText(summary));
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr(formatMessage(error.detail) + '\n');
      return error.detail.ruleId.startsWith('config/') ? EXIT.usage : EXIT.io;
    }
  },
};
