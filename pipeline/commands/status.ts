/**
 * `l10n status`: per language and document, how many segments and source words are in each
 * state, read from the translators' XLIFF files against the current source.
 */
import { parseArgs } from 'node:util';
import { status as runStatus } from '../chains.js';
import { isUnconfirmedMachine, segmentsOf, sortMessages, TARGET_STATES, type Message, type TargetState } from '../model.js';
import { appendAll } from '../lists.js';
import { formatMessage } from '../report/messages.js';
import { EXIT, type Command, exitCodesHelp } from './command.js';
import { languagesFrom, openCheckedProject } from './options.js';
import { progressDisplay } from './progress.js';

const USAGE = `Usage: l10n status [--lang <code>]… [--json] [--fail-if-incomplete]

Counts segments and source words per language, document and state (initial, translated,
reviewed, final; "machine, unreviewed" counts machine translations no person has confirmed;
"review" counts other targets marked for review, whatever their state). Software strings count
one per key and plural form the language needs, and name the untranslated keys.

  --json                 machine-readable output on stdout (schema: README.md, "Reports")
  --fail-if-incomplete   exit 1 unless every segment is translated or better and none needs review
                         (unconfirmed machine output is incomplete)

${exitCodesHelp({ 0: 'counted', 1: 'with --fail-if-incomplete: a segment is not translated or needs review', 2: 'usage or config error', 3: 'a file could not be read or parsed' })}`;

type Bucket = TargetState | 'machine' | 'review';
const BUCKETS: readonly Bucket[] = [...TARGET_STATES, 'machine', 'review'];
/** How a bucket reads in the text output. */
const LABELS: Readonly<Record<Bucket, string>> = { initial: 'initial', translated: 'translated', reviewed: 'reviewed', final: 'final', machine: 'machine, unreviewed', review: 'review' };

export interface StatusRow {
  readonly language: string;
  readonly document: string;
  readonly xliff: string;
  readonly segments: Readonly<Record<Bucket, number>>;
  readonly words: Readonly<Record<Bucket, number>>;
  readonly totalSegments: number;
  readonly totalWords: number;
  /** For software strings: the keys without a translation (initial), in catalog order. */
  readonly untranslatedKeys?: readonly string[];
}

/** How many untranslated keys the text output names per row before "and N more". */
const KEYS_SHOWN = 10;

const emptyCounts = (): Record<Bucket, number> => ({ initial: 0, translated: 0, reviewed: 0, final: 0, machine: 0, review: 0 });
const wordsIn = (text: string): number => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** A progress bar of `width` cells for a terminal. */
function bar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export const status: Command = {
  name: 'status',
  summary: 'segments and words per language and state',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        lang: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        'fail-if-incomplete': { type: 'boolean', default: false },
      },
      strict: true,
    });
    // Counting never looks at terms: the glossary is not loaded (a large one would cost seconds).
    const project = openCheckedProject(io, { terms: false });
    if (project === undefined) return EXIT.usage;
    const progress = progressDisplay(io, { enabled: !values.json });
    const result = await runStatus(project, {
      languages: languagesFrom(values.lang, project.config),
      ...(progress.listener === undefined ? {} : { onProgress: progress.listener }),
    });
    progress.stop();
    // What status reports: the documents' warnings and errors, files that cannot be read, missing
    // files; not the reader's notices, nor the import's findings (those are `check`'s business).
    const messages: Message[] = [];
    const rows: StatusRow[] = [];
    for (const file of result.files) {
      appendAll(messages, file.messages.filter((m) => m.severity !== 'info'));
      if (file.stopped || file.document === undefined) continue;
      for (const track of file.tracks.values()) {
        appendAll(messages, track.messages.filter((m) => m.fatal === true || m.ruleId === 'status/missing-xliff'));
        // Each language's own segments: software strings have the plural forms the language needs.
        const segments = segmentsOf(file.docFor(track.language));
        const segmentCounts = emptyCounts();
        const wordCounts = emptyCounts();
        const targets = track.targets ?? new Map();
        const untranslatedKeys: string[] = [];
        for (const segment of segments) {
          const t = targets.get(segment.id);
          const hasTarget = t?.target !== undefined && t.target.text.trim() !== '';
          const bucket: Bucket = !hasTarget ? 'initial' : isUnconfirmedMachine(t) ? 'machine' : t.needsReview ? 'review' : t.state;
          segmentCounts[bucket] += 1;
          wordCounts[bucket] += wordsIn(segment.text);
          if (bucket === 'initial' && segment.resource !== undefined) untranslatedKeys.push(segment.resource.name);
        }
        const named = segments.some((segment) => segment.resource !== undefined);
        rows.push({
          language: track.language,
          document: file.name,
          xliff: track.xliff,
          segments: segmentCounts,
          words: wordCounts,
          totalSegments: segments.length,
          totalWords: segments.reduce((n, s) => n + wordsIn(s.text), 0),
          ...(named ? { untranslatedKeys } : {}),
        });
      }
    }
    if (values.json) {
      io.stdout(JSON.stringify({ statusVersion: 1, rows }, null, 2) + '\n');
    } else {
      for (const row of rows) {
        const done = row.segments.translated + row.segments.reviewed + row.segments.final;
        const states = BUCKETS.filter((b) => row.segments[b] > 0)
          .map((b) => `${LABELS[b]} ${row.segments[b]} (${row.words[b]} words)`)
          .join(', ');
        // Bars only on a terminal: logs and pipes get plain text that greps and diffs well.
        const progress = io.stdoutIsTTY ? `${bar(done, row.totalSegments)} ` : '';
        const what = row.untranslatedKeys === undefined ? 'segments' : 'strings';
        io.stdout(`${row.language}  ${row.document}  ${progress}${done}/${row.totalSegments} ${what}  ${states}\n`);
        const keys = row.untranslatedKeys ?? [];
        if (keys.length > 0) {
          const more = keys.length > KEYS_SHOWN ? ` and ${keys.length - KEYS_SHOWN} more` : '';
          io.stdout(`    untranslated: ${keys.slice(0, KEYS_SHOWN).join(', ')}${more}\n`);
        }
      }
    }
    for (const m of sortMessages(messages)) io.stderr(formatMessage(m) + '\n');
    if (messages.some((m) => m.fatal === true)) return EXIT.io;
    const incomplete = rows.some((r) => r.segments.initial + r.segments.machine + r.segments.review > 0);
    return values['fail-if-incomplete'] && incomplete ? EXIT.findings : EXIT.ok;
  },
};
