/**
 * `l10n terms`: finds glossary terms in text read from stdin.
 *
 * With `--jsonl`, every input line is a JSON object `{"text": …}` and exactly one output line
 * `{"matches": [{"term", "start", "end"}]}` is written for it, in order, so the output can be
 * zipped with the input; nothing else goes to stdout. A line that is not such an object gets
 * `{"matches": []}` and a message on stderr, and the exit code becomes 3 (bad input).
 * Without `--jsonl`, each input line is plain text and the output is a readable listing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadGlossary } from '../terms/glossary.js';
import { compileMatcher } from '../terms/matcher.js';
import type { TermMatch } from '../terms/matcher.js';
import { EXIT, exitCodesHelp } from './command.js';
import { asUsageError, printMessages } from './options.js';
import type { Command, ExitCode } from './command.js';
import { lines } from './stdin.js';

const USAGE = `Usage: l10n terms [--glossary <file or folder>]… [--jsonl]

Reads text from stdin, one line at a time, and lists the glossary terms in it, inflected
and compound forms included ("Putins", "des Weißen Hauses", "Kreml-Chef").

  --glossary <path>  glossary file or folder (repeatable); default: glossary/ in the project
  --jsonl            input lines are {"text": "…"}; output one line per input line:
                     {"matches": [{"term": "<entry source>", "start": n, "end": n}]}
                     (offsets in UTF-16 code units, end exclusive)

${exitCodesHelp({ 0: 'done', 2: 'usage error, bad glossary' })}`;

function listing(lineNumber: number, text: string, matches: readonly TermMatch[]): string {
  if (matches.length === 0) return `${lineNumber}: (no terms)\n`;
  const rows = matches.map((m) => {
    const targets = Object.entries(m.entry.targets).map(([l, t]) => `${l}: ${t.join(' / ')}`).join('; ');
    const detail = m.entry.dnt ? 'do not translate' : targets || 'no targets';
    return `  ${m.start}-${m.end}  ${JSON.stringify(text.slice(m.start, m.end))} → ${m.entry.source} (${detail})`;
  });
  return `${lineNumber}:\n${rows.join('\n')}\n`;
}

/** Reads `{"text": …}` from a JSONL line, or explains why it cannot. */
function textOfJsonLine(line: string): { text: string } | { error: string } {
  if (line.trim() === '') return { text: '' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || typeof (value as { text?: unknown }).text !== 'string') {
    return { error: 'expected an object with a string "text"' };
  }
  return { text: (value as { text: string }).text };
}

export const terms: Command = {
  name: 'terms',
  summary: 'find glossary terms (with inflected forms) in text on stdin',
  usage: USAGE,
  async run(args, io): Promise<ExitCode> {
    const { values } = asUsageError(() =>
      parseArgs({
        args: [...args],
        options: { glossary: { type: 'string', multiple: true }, jsonl: { type: 'boolean', default: false } },
        strict: true,
        allowPositionals: false,
      }),
    );
    const paths = (values.glossary ?? ['glossary']).map((p) => path.resolve(io.cwd, p));
    const { glossary, messages } = loadGlossary(paths, { root: io.cwd });
    if (printMessages(messages, io)) return EXIT.usage;
    const matcher = compileMatcher(glossary);
    let exitCode: ExitCode = EXIT.ok;
    let lineNumber = 0;
    for await (const line of lines(io.stdin)) {
      lineNumber += 1;
      if (!values.jsonl) {
        io.stdout(listing(lineNumber, line, matcher.match(line)));
        continue;
      }
      const parsed = textOfJsonLine(line);
      if ('error' in parsed) {
        io.stderr(`stdin:${lineNumber}: error: ${parsed.error} [terms/bad-input]\n    → write one JSON object per line, like {"text": "Putin traf Kim."}\n`);
        exitCode = EXIT.io;
        io.stdout('{"matches":[]}\n');
        continue;
      }
      const matches = matcher.match(parsed.text).map((m) => ({ term: m.entry.source, start: m.start, end: m.end }));
      io.stdout(JSON.stringify({ matches }) + '\n');
    }
    return exitCode;
  },
};
