/**
 * `l10n status`: per language and document, how many segments and source words are in each
 * state, read from the translators' XLIFF files against the current source.
 */
import { parseArgs } from 'node:util';
import { status as runStatus } from '../chains.js';
import { isUnconfirmedMachine, segmentsOf, sortMessages, type Message, type SegmentTarget, type TargetState } from '../model.js';
import { appendAll } from '../lists.js';
import { formatMessage } from '../report/messages.js';
import { EXIT, type Command, exitCodesHelp } from './command.js';
import { languagesFrom, openCheckedProject } from './options.js';
import { progressDisplay } from './progress.js';
import { unpublishable } from '../stages/policy.js';
import { policyFor } from '../config.js';

const USAGE = `Usage: l10n status [--lang <code>]… [--json] [--fail-if-incomplete]

Counts segments and source words per language and document: untranslated, pending (marked for
review, or sent back by a reviewer), translated, machine (machine translation nobody reviewed
yet), reviewed and final. Software strings count one per key and plural form the language
needs, and name the untranslated keys.

  --json                 machine-readable output on stdout (schema: README.md, "Reports")
  --fail-if-incomplete   exit 1 unless every segment is translated or better and none needs review
                         (unconfirmed machine output is incomplete)

${exitCodesHelp({ 0: 'counted', 1: 'with --fail-if-incomplete: a segment is not translated or needs review', 2: 'usage or config error', 3: 'a file could not be read or parsed' })}`;

/** A state as the file has it, or `review` for a target marked for review. */
type Bucket = TargetState | 'review';

/**
 * Where each segment stands, one category each: `untranslated` (no translation), `pending` (a
 * translation marked for review, or sent back by a reviewer), `translated` (a person's
 * translation, not reviewed), `machine` (machine translation no person has confirmed, which the build holds back), `reviewed`
 * and `final`.
 */
export type Category = 'untranslated' | 'pending' | 'translated' | 'machine' | 'reviewed' | 'final';
export const CATEGORIES: readonly Category[] = ['untranslated', 'pending', 'translated', 'machine', 'reviewed', 'final'];
/** How a category reads in the text output: machine output says that no person has seen it yet. */
const CATEGORY_LABELS: Readonly<Record<Category, string>> = { untranslated: 'untranslated', pending: 'pending', translated: 'translated', machine: 'machine, unreviewed', reviewed: 'reviewed', final: 'final' };

/** The category of what a file says about a segment. */
export function categoryOf(target: SegmentTarget | undefined): Category {
  if (target?.target === undefined || target.target.text.trim() === '') return 'untranslated';
  if (!target.needsReview && (target.state === 'reviewed' || target.state === 'final')) return target.state;
  if (isUnconfirmedMachine(target)) return 'machine';
  if (target.needsReview || target.state === 'initial') return 'pending';
  return 'translated';
}

export interface StatusRow {
  readonly language: string;
  readonly document: string;
  readonly xliff: string;
  /** By state as the file has it (`review`: marked for review, whatever the state). */
  readonly segments: Readonly<Record<Bucket, number>>;
  readonly words: Readonly<Record<Bucket, number>>;
  /** By category (see `Category`), segments and source words. */
  readonly categories: { readonly segments: Readonly<Record<Category, number>>; readonly words: Readonly<Record<Category, number>> };
  readonly totalSegments: number;
  readonly totalWords: number;
  /**
   * Under policy `untranslated: hold`: true when a segment cannot be published yet, so the build
   * holds the document back in this language (pending). Left out otherwise.
   */
  readonly held?: true;
  /** For software strings: the keys without a translation (initial), in catalog order. */
  readonly untranslatedKeys?: readonly string[];
}

/** How many untranslated keys the text output names per row before "and N more". */
const KEYS_SHOWN = 10;

const emptyCounts = (): Record<Bucket, number> => ({ initial: 0, translated: 0, reviewed: 0, final: 0, review: 0 });
const emptyCategories = (): Record<Category, number> => ({ untranslated: 0, pending: 0, translated: 0, machine: 0, reviewed: 0, final: 0 });
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
        const categorySegments = emptyCategories();
        const categoryWords = emptyCategories();
        const targets: ReadonlyMap<string, SegmentTarget> = track.targets ?? new Map();
        const policy = policyFor(project.config, track.language);
        const held = policy.untranslated === 'hold' && segments.some((segment) => unpublishable(targets.get(segment.id), policy.publishState) !== undefined);
        const untranslatedKeys: string[] = [];
        for (const segment of segments) {
          const t = targets.get(segment.id);
          const hasTarget = t?.target !== undefined && t.target.text.trim() !== '';
          const bucket: Bucket = !hasTarget ? 'initial' : t.needsReview ? 'review' : t.state;
          const words = wordsIn(segment.text);
          segmentCounts[bucket] += 1;
          wordCounts[bucket] += words;
          const category = categoryOf(t);
          categorySegments[category] += 1;
          categoryWords[category] += words;
          if (bucket === 'initial' && segment.resource !== undefined) untranslatedKeys.push(segment.resource.name);
        }
        const named = segments.some((segment) => segment.resource !== undefined);
        rows.push({
          language: track.language,
          document: file.name,
          xliff: track.xliff,
          segments: segmentCounts,
          words: wordCounts,
          categories: { segments: categorySegments, words: categoryWords },
          totalSegments: segments.length,
          totalWords: segments.reduce((n, s) => n + wordsIn(s.text), 0),
          ...(held ? { held: true as const } : {}),
          ...(named ? { untranslatedKeys } : {}),
        });
      }
    }
    if (values.json) {
      io.stdout(JSON.stringify({ statusVersion: 1, rows }, null, 2) + '\n');
    } else {
      for (const row of rows) {
        const done = row.segments.translated + row.segments.reviewed + row.segments.final;
        const states = CATEGORIES.filter((c) => row.categories.segments[c] > 0)
          .map((c) => `${CATEGORY_LABELS[c]} ${row.categories.segments[c]} (${row.categories.words[c]} words)`)
          .join(', ');
        // Bars only on a terminal: logs and pipes get plain text that greps and diffs well.
        const progress = io.stdoutIsTTY ? `${bar(done, row.totalSegments)} ` : '';
        const what = row.untranslatedKeys === undefined ? 'segments' : 'strings';
        const pending = row.held === true ? `  pending: held until every ${what === 'strings' ? 'string' : 'segment'} can be published` : '';
        io.stdout(`${row.language}  ${row.document}  ${progress}${done}/${row.totalSegments} ${what}  ${states}${pending}\n`);
        const keys = row.untranslatedKeys ?? [];
        if (keys.length > 0) {
          const more = keys.length > KEYS_SHOWN ? ` and ${keys.length - KEYS_SHOWN} more` : '';
          io.stdout(`    untranslated: ${keys.slice(0, KEYS_SHOWN).join(', ')}${more}\n`);
        }
      }
    }
    for (const m of sortMessages(messages)) io.stderr(formatMessage(m) + '\n');
    if (messages.some((m) => m.fatal === true)) return EXIT.io;
    // Machine output no person has confirmed is not done: the build holds it back unless a policy publishes it.
    const incomplete = rows.some(({ categories: { segments: c } }) => c.untranslated + c.pending + c.machine > 0);
    return values['fail-if-incomplete'] && incomplete ? EXIT.findings : EXIT.ok;
  },
};
