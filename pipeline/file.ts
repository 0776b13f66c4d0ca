/**
 * The file object and the stage contract: what every stage of a chain receives and may touch.
 *
 * One `DocumentFile` per source document travels through a chain (see `pipeline/chains.ts`). It
 * carries the source (path, format, bytes, text), the document model once a reader has made one,
 * and per target language a `LanguageTrack` with what the language-specific stages produce
 * (existing translations, targets, findings, outputs). Problems travel one way: a stage adds a
 * `Message` to the file (about the document) or to a track (about one language's files). A fatal
 * message on the file stops the document; a fatal message on a track stops that language of that
 * document; neither stops the run.
 *
 * The shape follows vfile (one object per file, messages on it) but is typed for this pipeline:
 * our messages have `hint`, `unit`, `fatal` and a severity, and a document has one track per
 * target language. README.md, "Architecture", says why it is not vfile itself.
 */
import type { Format } from './formats/format.js';
import { InputError, type Content, type Document, type Message, type SegmentTarget } from './model.js';
import type { BuildCounts } from './report/json.js';
import type { ExportStats, LeverageMatch, MachineTarget, OpenSegment, ParsedXliff } from './xliff/index.js';

/** Thrown by `DocumentFile.fail` and `LanguageTrack.fail` to leave the current stage. */
class Stopped extends Error {
  override name = 'Stopped';
}

/** Where messages go: a file or one of its tracks. */
abstract class MessageSink {
  /** Messages in the order they were added. */
  readonly messages: Message[] = [];

  /** Adds a message and returns it. */
  message(message: Message): Message {
    this.messages.push(message);
    return message;
  }

  /** Adds a fatal message and leaves the stage: what this sink is about cannot go on. */
  fail(message: Message): never {
    this.messages.push({ ...message, fatal: true });
    throw new Stopped(message.reason);
  }

  /** True once a fatal message was added: later stages skip it. */
  get stopped(): boolean {
    return this.messages.some((m) => m.fatal === true);
  }
}

/** A file the build plans to write: absolute path and content. */
export interface PlannedOutput {
  readonly path: string;
  readonly content: string;
}

export type { BuildCounts };

/** What `extract` did with one language's XLIFF file of a document. */
export interface ExportRecord {
  /** The working XLIFF file, relative to the project root. */
  readonly file: string;
  /** False when the file already had this content (it was not touched). */
  readonly changed: boolean;
  readonly stats: ExportStats;
  /** Sentences whose target is machine output written by this export (`l10n translate`); absent when none. */
  readonly fromMachine?: number;
}

/**
 * One target language of one document: its XLIFF files and what the language-specific stages of
 * a chain produce. Fields are filled by the stages named in their comments, in chain order.
 */
export class LanguageTrack extends MessageSink {
  /** The working XLIFF file (absolute) and as messages name it (relative to the project root). */
  readonly xliffPath: string;
  readonly xliff: string;
  /** The aside file of units whose sentence left the source (absolute, and relative). */
  readonly asidePath: string;
  readonly aside: string;

  // extract. `previous`, `previousAside` and `parsed` are the XLIFF adapter's own structures,
  // passed between its stages; everything after `match` reads the model (`targets`) only.
  /** `existing`: the XLIFF files as they were before this run (undefined: none yet). */
  previous: ParsedXliff | undefined;
  previousAside: ParsedXliff | undefined;
  /** `leverage`: suggestions per source text for sentences without an approved translation. */
  suggestions: ReadonlyMap<string, readonly LeverageMatch[]> | undefined;
  /** `machine` (translate): the sentences to ask machine translation about. */
  machineWork: readonly OpenSegment[] | undefined;
  /** After the translation (translate): the accepted machine targets by sentence id, for `export`. */
  machineTargets: ReadonlyMap<string, MachineTarget> | undefined;
  /** `export`: what was written. */
  exported: ExportRecord | undefined;

  // build
  /** `import`: the translator's file as read. */
  parsed: ParsedXliff | undefined;
  /** `match`: the file's target for each segment id of the current document. */
  targets: ReadonlyMap<string, SegmentTarget> | undefined;
  /** `checks`: the quality checks' findings (also among `messages`). */
  findings: readonly Message[] = [];
  /** `policy`: what is published for each segment (its target, or the source under policy `source`). */
  published: ReadonlyMap<string, Content> | undefined;
  counts: BuildCounts | undefined;
  /** `assemble`: the translated documents to write. */
  outputs: readonly PlannedOutput[] = [];

  constructor(
    readonly language: string,
    paths: { readonly xliffPath: string; readonly xliff: string; readonly asidePath: string; readonly aside: string },
  ) {
    super();
    this.xliffPath = paths.xliffPath;
    this.xliff = paths.xliff;
    this.asidePath = paths.asidePath;
    this.aside = paths.aside;
  }
}

/** What a chain needs to know to make a file object. */
export interface DocumentFileInit {
  /** Source path relative to the project root, forward slashes (`source/a/b.txt`). */
  readonly path: string;
  /** Absolute path of the source. */
  readonly absolutePath: string;
  /** Document name: names its XLIFF and output files (`a/b` for `source/a/b.txt`). */
  readonly name: string;
  /** The format that reads it; undefined when none does (the read stage stops such a file). */
  readonly format: Format | undefined;
  /** The tracks of the run's target languages. */
  readonly tracks: readonly LanguageTrack[];
}

/** One source document on its way through a chain. */
export class DocumentFile extends MessageSink {
  readonly path: string;
  readonly absolutePath: string;
  readonly name: string;
  /** The format that reads and writes it; undefined when none does (the read stage stops such a file). */
  readonly format: Format | undefined;
  /** `read`: the file's bytes and decoded text. */
  bytes: Uint8Array | undefined;
  text: string | undefined;
  /** `read` makes it, `segment` and `terms` complete it. Undefined until read. */
  document: Document | undefined;
  /** Per target language of the run, in the config's order. */
  readonly tracks: ReadonlyMap<string, LanguageTrack>;
  /**
   * `extract`: true when nothing that decides the document's XLIFF files changed since a run that
   * found them as extract writes them, so no stage ran: there is no `document`, and the messages
   * and counts are that run's (see `stages/unchanged.ts`).
   */
  unchanged = false;

  constructor(init: DocumentFileInit) {
    super();
    this.path = init.path;
    this.absolutePath = init.absolutePath;
    this.name = init.name;
    this.format = init.format;
    this.tracks = new Map(init.tracks.map((t) => [t.language, t] as const));
  }

  /** The document, for stages that run after `read` (which guarantees it). */
  get doc(): Document {
    if (this.document === undefined) throw new Error(`${this.path}: no document yet; the read stage runs first`);
    return this.document;
  }

  /**
   * The document as one target language sees it (`Format.forLanguage`): the source document, or,
   * for a format whose units differ by language (the plural forms of software strings), that
   * language's view of it, made once. For the stages after `terms`, which complete the source.
   */
  docFor(language: string): Document {
    const doc = this.doc;
    const view = this.format?.forLanguage;
    if (view === undefined) return doc;
    let made = this.views.get(language);
    if (made === undefined) {
      made = view.call(this.format, doc, language);
      this.views.set(language, made);
    }
    return made;
  }

  private readonly views = new Map<string, Document>();

  /** Tracks that no fatal message stopped. */
  openTracks(): LanguageTrack[] {
    return [...this.tracks.values()].filter((t) => !t.stopped);
  }

  /** Every message of the file and its tracks. */
  allMessages(): Message[] {
    return [...this.messages, ...[...this.tracks.values()].flatMap((t) => t.messages)];
  }
}

/**
 * A stage: touches one aspect of the file and passes the rest through. It reports problems as
 * messages on the file (or a track) and never prints; bad content is a message, not a throw. An
 * `InputError` that escapes becomes a fatal message of the file.
 */
export interface Stage<F, C> {
  /** Names the stage in messages and in the chain's declaration. */
  readonly name: string;
  run(file: F, context: C): void | Promise<void>;
}

/**
 * Lets the event loop run once: awaiting a stage that is synchronous only queues a microtask, so
 * without this a whole chain of documents would run without the process ever seeing a signal
 * (Ctrl-C would wait for the end of the command).
 */
const turnEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs stages in order on one file. A stage is skipped once the file is stopped; an `InputError`
 * a stage throws becomes a fatal message on the file. Any other error is a defect and propagates.
 * Between stages the event loop turns, so that a signal stops the run after the stage in progress.
 */
export async function runStages<C>(file: DocumentFile, stages: readonly Stage<DocumentFile, C>[], context: C): Promise<void> {
  for (const stage of stages) {
    if (file.stopped) return;
    try {
      await stage.run(file, context);
    } catch (error) {
      if (error instanceof InputError) file.message({ ...error.detail, fatal: true });
      else if (!(error instanceof Stopped)) throw error;
    }
    await turnEventLoop();
  }
}

/** What a context may say about unforeseen errors (see `RunContext.onDefect`). */
interface DefectPolicy {
  readonly onDefect?: (track: LanguageTrack, file: DocumentFile, error: unknown) => Message;
}

/**
 * A stage that does the same for each open language track of a file. An `InputError` (or `fail`)
 * in one language stops that track only: the other languages of the document go on. Any other
 * error is a defect: the context's `onDefect` turns it into the track's fatal message, or, without
 * one, it propagates.
 */
export function perLanguage<C>(name: string, run: (track: LanguageTrack, file: DocumentFile, context: C) => void | Promise<void>): Stage<DocumentFile, C> {
  return {
    name,
    async run(file, context) {
      for (const track of file.openTracks()) {
        try {
          await run(track, file, context);
        } catch (error) {
          if (error instanceof InputError) track.message({ ...error.detail, fatal: true });
          else if (error instanceof Stopped) continue;
          else {
            const onDefect = (context as DefectPolicy | undefined)?.onDefect;
            if (onDefect === undefined) throw error;
            track.message({ ...onDefect(track, file, error), fatal: true });
          }
        }
      }
    },
  };
}
