/**
 * `l10n segment`: sentence segmentation as a filter, for scripts and for comparing with other
 * segmenters. Loads only the segmentation rules.
 */
import { parseArgs } from 'node:util';
import { createSegmenter } from '../segment/engine.js';
import { EXIT, type Command, exitCodesHelp } from './command.js';
import { chunkedWriter, lines, paragraphLines } from './stdin.js';

const USAGE = `Usage: l10n segment [--jsonl] [--srx <file>] [--abbreviation <abbr>]… [--language <code>]

Reads text on stdin and prints one sentence per line (each input line is a paragraph).

  --jsonl              read lines {"id": …, "text": …}; write exactly one line
                       {"sentences": [...]} per input line, in order; messages go to stderr
  --srx <file>         segmentation rules in SRX 2.0 instead of the bundled German rules
  --abbreviation <a>   an extra abbreviation (without its full stop); repeatable
  --language <code>    language of the text, for the SRX language maps (default: de)

${exitCodesHelp({ 0: 'segmented', 2: 'usage error, bad SRX file', 3: 'the input or a file could not be read' })}`;

export const segment: Command = {
  name: 'segment',
  summary: 'split text on stdin into sentences',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        jsonl: { type: 'boolean', default: false },
        srx: { type: 'string' },
        abbreviation: { type: 'string', multiple: true, default: [] },
        language: { type: 'string', default: 'de' },
      },
      strict: true,
      allowPositionals: false,
    });
    const segmenter = createSegmenter({
      language: values.language,
      abbreviations: values.abbreviation,
      ...(values.srx === undefined ? {} : { srxPath: values.srx }),
    });
    const sentencesOf = (text: string): string[] => segmenter.split(text).map(({ start, end }) => text.slice(start, end));

    // Both forms stream: one paragraph (line) in memory at a time. Plain output is written in
    // chunks; JSON lines one by one, so a program that writes a line and waits for its answer
    // gets it at once.
    if (!values.jsonl) {
      const out = chunkedWriter(io.stdout);
      for await (const paragraph of paragraphLines(io.stdin)) for (const sentence of sentencesOf(paragraph)) out.add(sentence + '\n');
      out.flush();
      return EXIT.ok;
    }

    let lineNumber = 0;
    let failed = false;
    for await (const line of lines(io.stdin)) {
      lineNumber += 1;
      let text: unknown;
      try {
        text = (JSON.parse(line) as { text?: unknown }).text;
      } catch {
        text = undefined;
      }
      if (typeof text !== 'string') {
        io.stderr(`stdin:${lineNumber}: error: expected a JSON object with a string "text", got ${JSON.stringify(line.slice(0, 60))} [segment/jsonl-input]\n`);
        failed = true;
        io.stdout('{"sentences":[]}\n');
        continue;
      }
      io.stdout(JSON.stringify({ sentences: sentencesOf(text) }) + '\n');
    }
    return failed ? EXIT.io : EXIT.ok;
  },
};
