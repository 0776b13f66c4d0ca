/**
 * `l10n segment`: sentence segmentation as a filter, for scripts and for comparing with other
 * segmenters. Loads only the segmentation rules.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { abbreviationWithoutStop, ABBREVIATION_DESCRIPTION } from '../config.js';
import { InputError } from '../model.js';
import { formatMessage } from '../report/messages.js';
import { createSegmenter, type Segmenter } from '../segment/engine.js';
import { EXIT, UsageError, type Command, type CommandIo, exitCodesHelp } from './command.js';
import { namedFromCwd } from './options.js';
import { chunkedWriter, inputLines, lines, type InputLine } from './stdin.js';

const USAGE = `Usage: l10n segment [--jsonl] [--line-breaks paragraph|sentence|space] [--srx <file>] [--abbreviation <abbr>]… [--language <code>]

Reads text on stdin and prints one sentence per line.

  --jsonl              read lines {"id": …, "text": …}; write exactly one line
                       {"sentences": [...]} per input line, in order; messages go to stderr
  --srx <file>         segmentation rules in SRX 2.0 instead of the bundled German rules
                       (a path relative to the working folder, or absolute)
  --abbreviation <a>   an extra abbreviation, with or without its full stop ("Abg." or
                       "Abg"); repeatable
  --language <code>    language of the text, for the SRX language maps (default: de)
  --line-breaks <how>  what a single line break means (a blank line always ends a paragraph):
                         paragraph  every line is a paragraph of its own, segmented alone (default)
                         sentence   a line break ends a sentence; the rules see the lines around it
                         space      hard-wrapped text: a line break inside a sentence is a space,
                                    except in lists (a line starting with a bullet or a list number
                                    starts a sentence); such a sentence is printed on one line

${exitCodesHelp({ 0: 'segmented', 2: 'usage error, a missing or bad SRX file', 3: 'the input could not be read (--jsonl: a line that is not JSON)' })}`;

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/u;

/**
 * The segmenter the options ask for. Wrong values are usage errors; a rules file that cannot be
 * read or is not SRX is an InputError the command reports as a usage error (the user named it).
 */
function segmenterFrom(values: { srx?: string | undefined; abbreviation: string[]; language: string }, io: CommandIo): Segmenter {
  if (!LANGUAGE_TAG.test(values.language)) throw new UsageError(`--language: expected a language code such as de or de-CH, got "${values.language}"`);
  const abbreviations = values.abbreviation.map((a) => {
    const word = abbreviationWithoutStop(a);
    if (word === undefined) throw new UsageError(`--abbreviation: expected ${ABBREVIATION_DESCRIPTION}, got "${a}"`);
    return word;
  });
  return createSegmenter({
    language: values.language,
    abbreviations,
    ...(values.srx === undefined ? {} : { srxPath: path.resolve(io.cwd, values.srx) }),
  });
}

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
        'line-breaks': { type: 'string', default: 'paragraph' },
      },
      strict: true,
      allowPositionals: false,
    });
    let segmenter: Segmenter;
    try {
      segmenter = segmenterFrom(values, io);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr(formatMessage(namedFromCwd(error.detail, io)) + '\n');
      return EXIT.usage;
    }
    const mode = values['line-breaks'];
    if (!isLineBreakMode(mode)) {
      throw new UsageError(`Expected --line-breaks to be one of ${LINE_BREAK_MODES.join(', ')}, got "${mode}".`);
    }
    const sentencesOf = (text: string): string[] => sentencesByLineBreaks(segmenter, text, mode);

    // Both forms stream: one paragraph in memory at a time. Plain output is written in chunks;
    // JSON lines one by one, so a program that writes a line and waits for its answer gets it.
    if (!values.jsonl) {
      const out = chunkedWriter(io.stdout);
      const paragraphs = mode === 'paragraph' ? lineTexts(inputLines(io.stdin)) : blankLineParagraphs(inputLines(io.stdin));
      for await (const paragraph of paragraphs) for (const sentence of sentencesOf(paragraph)) out.add(sentence + '\n');
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

/** What a single line break in the input means (see the usage text). */
export type LineBreakMode = 'paragraph' | 'sentence' | 'space';
export const LINE_BREAK_MODES: readonly LineBreakMode[] = ['paragraph', 'sentence', 'space'];

function isLineBreakMode(value: string): value is LineBreakMode {
  return (LINE_BREAK_MODES as readonly string[]).includes(value);
}

const LINE_BREAK = /\r?\n/u;
const BLANK_LINE = /\r?\n[ \t]*\r?\n/u;

/** The sentences of `text`, each on one line, with single line breaks read as `mode` says. */
export function sentencesByLineBreaks(segmenter: Segmenter, text: string, mode: LineBreakMode): string[] {
  const sentences = (part: string): string[] => segmenter.split(part).map(({ start, end }) => part.slice(start, end));
  if (mode === 'paragraph') return text.split(LINE_BREAK).flatMap(sentences);
  return text.split(BLANK_LINE).flatMap((paragraph) => {
    const found = sentences(paragraph);
    if (mode === 'space') return found.map((sentence) => sentence.replace(/[ \t]*\r?\n[ \t]*/gu, ' '));
    return found.flatMap((sentence) => sentence.split(LINE_BREAK).map((line) => line.trim()).filter((line) => line !== ''));
  });
}

async function* lineTexts(input: AsyncIterable<InputLine>): AsyncIterable<string> {
  for await (const line of input) yield line.text;
}

/**
 * The paragraphs of a stream of lines exactly as `text.split(BLANK_LINE)` cuts the whole text:
 * a line end, a line of spaces and tabs only and its own line end separate two paragraphs, and
 * the line ends a separator takes are not part of either. One paragraph is held at a time.
 */
export async function* blankLineParagraphs(input: AsyncIterable<InputLine>): AsyncIterable<string> {
  let paragraph = '';
  // The line end that closes `paragraph`, while a separator may still start with it.
  let open: InputLine['end'] = '';
  for await (const line of input) {
    if (open !== '' && line.end !== '' && /^[ \t]*$/u.test(line.text)) {
      yield paragraph.slice(0, paragraph.length - open.length);
      paragraph = '';
      open = '';
      continue;
    }
    paragraph += line.text + line.end;
    open = line.end;
  }
  yield paragraph;
}
