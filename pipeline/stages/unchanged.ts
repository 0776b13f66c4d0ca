/**
 * What `extract` needs not compute again: a record, per document and language, of the last run
 * that found the XLIFF file already as extract writes it. When nothing that decides the result has
 * changed since (the tool, the config, the glossary, the segmentation rules, the language files,
 * the source and both XLIFF files, compared by content hash), the document is not segmented,
 * matched against the glossary, leveraged, merged or rendered again: its XLIFF files are read (the
 * memory still learns their approved work) and the recorded messages and counts are reported.
 *
 * Only a run whose result equals the files already on disk is recorded (`exported.changed` false,
 * aside file unchanged): its messages and counts are then exactly those of any later run on the
 * same inputs. A document with a sentence still open for leverage (no approved translation) is
 * never recorded: what the memory or machine translation suggests can change with no input of
 * the document changing.
 *
 * The record lives in `.l10n-cache/extract.json` at the project root, with a `.gitignore` of its
 * own: it names the running tool's code by hash, so every change of the code invalidates it, and
 * it must not travel with the project. Losing it, or a broken one, only costs time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { maxFileBytes, MAX_FILE_MB_VARIABLE, readBoundedFile, resolveInside, writeFileAtomic } from '../files.js';
import type { DocumentFile, LanguageTrack } from '../file.js';
import { InputError, type Message } from '../model.js';
import type { Project } from '../project.js';
import { openSegments, readTargets, readXliff, type ExportStats, type ParsedXliff } from '../xliff/index.js';
import type { ExtractContext } from './context.js';
import { exportOptions } from './export.js';

/** Bumped when the record's layout changes: an older record is then ignored. */
const RECORD_VERSION = 1;

/** The folder of the project's caches (relative to the root) and the extract record in it. */
export const CACHE_FOLDER = '.l10n-cache';
const RECORD_FILE = 'extract.json';

/** What the last recorded run found for a document in one language. */
interface LanguageRecord {
  /** Hash of everything but the XLIFF files that decided the result (see `inputsHash`). */
  readonly inputs: string;
  readonly xliff: string;
  /** Hash of the aside file, or null when there was none. */
  readonly aside: string | null;
  readonly stats: ExportStats;
  readonly messages: readonly Message[];
}

/** What the last recorded run found for a document. */
interface DocumentRecord {
  readonly inputs: string;
  /** The document's own messages (reading, segmentation, terms). */
  readonly messages: readonly Message[];
  readonly languages: Readonly<Record<string, LanguageRecord>>;
}

interface RecordFile {
  readonly version: number;
  readonly documents: Readonly<Record<string, DocumentRecord>>;
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Every file under a path (a file or a folder, recursively), sorted; none when it does not exist. */
function filesUnder(target: string): string[] {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    return [];
  }
  if (stats.isFile()) return [target];
  if (!stats.isDirectory()) return [];
  const out: string[] = [];
  for (const name of readdirSync(target).sort()) out.push(...filesUnder(path.join(target, name)));
  return out;
}

/** Adds the names and contents of files to a hash, relative to `root` so that the hash travels. */
function hashFiles(hash: ReturnType<typeof createHash>, root: string, files: readonly string[]): void {
  for (const file of files) {
    hash.update(`\0file\0${path.relative(root, file)}\0`);
    hash.update(readFileSync(file));
  }
}

let toolHash: string | undefined;

/**
 * The running tool: every file of its code and bundled data (rules, language files), and its
 * package description. Any change of the code, even without a new version number, gives another
 * hash. Computed once per process.
 */
export function toolFingerprint(): string {
  if (toolHash !== undefined) return toolHash;
  // pipeline/ (tests) or dist/pipeline/ (the installed command); the package root above either.
  const code = fileURLToPath(new URL('..', import.meta.url));
  const above = path.dirname(path.resolve(code));
  const packageRoot = path.basename(above) === 'dist' ? path.dirname(above) : above;
  const hash = createHash('sha256');
  hash.update(`node ${process.versions.node.split('.')[0] ?? ''}`);
  hashFiles(hash, code, filesUnder(code));
  hashFiles(hash, packageRoot, ['package.json', 'package-lock.json'].map((name) => path.join(packageRoot, name)).filter((file) => existsSync(file)));
  toolHash = hash.digest('hex');
  return toolHash;
}

/**
 * What decides every document's result in the project: the tool, the config (as loaded), the
 * glossary files, the segmentation rules, the project's language files and the file size limit.
 */
export function projectFingerprint(project: Project): string {
  const { config } = project;
  const hash = createHash('sha256');
  hash.update(toolFingerprint());
  const { root: _root, file: _file, ...settings } = config;
  hash.update(`\0config\0${JSON.stringify(settings)}`);
  hash.update(`\0limit\0${process.env[MAX_FILE_MB_VARIABLE] ?? ''}`);
  const inside = (relative: string, what: string): string => resolveInside(config.root, relative, what, config.file);
  hashFiles(hash, config.root, config.paths.glossary.flatMap((p) => filesUnder(inside(p, 'paths.glossary'))));
  hashFiles(hash, config.root, filesUnder(inside(config.paths.languages, 'paths.languages')));
  if (config.segmentation.srx !== undefined) hashFiles(hash, config.root, filesUnder(inside(config.segmentation.srx, 'segmentation.srx')));
  return hash.digest('hex');
}

/** The bytes of a file within the size limit, undefined when absent; 'unreadable' for anything else. */
function readIfPresent(absolute: string, shown: string): Uint8Array | undefined | 'unreadable' {
  if (!existsSync(absolute)) return undefined;
  try {
    return readBoundedFile(absolute, shown, maxFileBytes(), 'xliff');
  } catch (error) {
    if (error instanceof InputError) return 'unreadable';
    throw error;
  }
}

const hashOrNull = (bytes: Uint8Array | undefined): string | null => (bytes === undefined ? null : sha256(bytes));

/** The records of a project's extract runs: consulted before a document runs, updated after. */
export class ExtractRecords {
  private readonly file: string;
  private readonly project: string;
  private readonly before: Readonly<Record<string, DocumentRecord>>;
  private readonly after = new Map<string, DocumentRecord | undefined>();

  private constructor(private readonly root: string, project: string, before: Readonly<Record<string, DocumentRecord>>) {
    this.file = path.join(root, CACHE_FOLDER, RECORD_FILE);
    this.project = project;
    this.before = before;
  }

  /** Opens the project's records; a missing, unreadable or older record is an empty one. */
  static open(project: Project): ExtractRecords {
    const file = path.join(project.root, CACHE_FOLDER, RECORD_FILE);
    let documents: Record<string, DocumentRecord> = {};
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RecordFile>;
      if (parsed.version === RECORD_VERSION && typeof parsed.documents === 'object' && parsed.documents !== null) documents = { ...parsed.documents };
    } catch {
      // No record yet, or one that cannot be used: every document is computed.
    }
    return new ExtractRecords(project.root, projectFingerprint(project), documents);
  }

  /** Hash of what decides a document's result apart from its XLIFF files. */
  private inputsOf(file: DocumentFile, source: Uint8Array): string {
    return sha256(`${this.project}\0${file.path}\0${file.name}\0${file.format?.id ?? ''}\0${sha256(source)}`);
  }

  /**
   * Takes a document's result from the record when nothing that decides it changed: its XLIFF
   * files are read and taught to the memory, its messages and counts restored, and true returned.
   * False (nothing done) when anything differs or cannot be read: the chain then runs.
   */
  reuse(file: DocumentFile, context: ExtractContext): boolean {
    const record = this.before[file.path];
    if (record === undefined) return false;
    const source = readIfPresent(file.absolutePath, file.path);
    if (source === undefined || source === 'unreadable') return false;
    const inputs = this.inputsOf(file, source);
    if (record.inputs !== inputs) return false;
    const reads: Array<{ track: LanguageTrack; record: LanguageRecord; work: Uint8Array; aside: Uint8Array | undefined }> = [];
    for (const track of file.tracks.values()) {
      const language = record.languages[track.language];
      if (language === undefined || language.inputs !== inputs) return false;
      const work = readIfPresent(track.xliffPath, track.xliff);
      const aside = readIfPresent(track.asidePath, track.aside);
      if (work === undefined || work === 'unreadable' || aside === 'unreadable') return false;
      if (language.xliff !== sha256(work) || language.aside !== hashOrNull(aside)) return false;
      reads.push({ track, record: language, work, aside });
    }
    let parsed: Array<{ track: LanguageTrack; record: LanguageRecord; files: ParsedXliff[] }>;
    try {
      const maxBytes = maxFileBytes();
      parsed = reads.map(({ track, record: language, work, aside }) => ({
        track,
        record: language,
        files: [readXliff(work, track.xliff, { maxBytes }), ...(aside === undefined ? [] : [readXliff(aside, track.aside, { maxBytes })])],
      }));
    } catch (error) {
      if (error instanceof InputError) return false;
      throw error;
    }
    for (const message of record.messages) file.message(message);
    for (const { track, record: language, files } of parsed) {
      context.memories.learn(track.language, files.flatMap((f) => readTargets(f)));
      for (const message of language.messages) track.message(message);
      track.exported = { file: track.xliff, changed: false, stats: language.stats };
    }
    file.unchanged = true;
    this.after.set(file.path, record);
    return true;
  }

  /**
   * Records a document the chain ran on, in the languages where its XLIFF files were already what
   * extract writes and no sentence is open for leverage; forgets it otherwise.
   */
  remember(file: DocumentFile, context: ExtractContext): void {
    const previous = this.before[file.path];
    if (file.stopped || file.document === undefined || file.bytes === undefined) {
      this.after.set(file.path, undefined);
      return;
    }
    const inputs = this.inputsOf(file, file.bytes);
    // Languages this run did not touch keep their records while the inputs are the same.
    const languages: Record<string, LanguageRecord> = {};
    if (previous !== undefined && previous.inputs === inputs) {
      for (const [language, record] of Object.entries(previous.languages)) if (!file.tracks.has(language)) languages[language] = record;
    }
    for (const track of file.tracks.values()) {
      const exported = track.exported;
      if (track.stopped || exported === undefined || exported.changed) continue;
      if (openSegments(file.doc, track.previous, track.previousAside, exportOptions(file, track, context)).length > 0) continue;
      const work = readIfPresent(track.xliffPath, track.xliff);
      const aside = readIfPresent(track.asidePath, track.aside);
      if (work === undefined || work === 'unreadable' || aside === 'unreadable') continue;
      languages[track.language] = { inputs, xliff: sha256(work), aside: hashOrNull(aside), stats: exported.stats, messages: track.messages };
    }
    this.after.set(file.path, Object.keys(languages).length === 0 ? undefined : { inputs, messages: file.messages, languages });
  }

  /**
   * Writes the records of the documents of this run (`paths`: all of them; documents no longer
   * in the project are forgotten). A record that cannot be written is an info message: it only
   * costs time on the next run.
   */
  save(paths: readonly string[]): Message[] {
    const documents: Record<string, DocumentRecord> = {};
    for (const documentPath of [...paths].sort()) {
      const record = this.after.has(documentPath) ? this.after.get(documentPath) : this.before[documentPath];
      if (record !== undefined) documents[documentPath] = record;
    }
    const content = `${JSON.stringify({ version: RECORD_VERSION, documents } satisfies RecordFile)}\n`;
    try {
      if (existsSync(this.file) && readFileSync(this.file, 'utf8') === content) return [];
      if (Object.keys(documents).length === 0 && !existsSync(this.file)) return [];
      writeFileAtomic(path.join(this.root, CACHE_FOLDER, '.gitignore'), '# Written by l10n: a cache of this machine, never committed.\n*\n');
      writeFileAtomic(this.file, content);
      return [];
    } catch (error) {
      return [
        {
          reason: `the record of unchanged documents could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next extract computes every document again`,
          ruleId: 'extract/record',
          source: 'extract',
          severity: 'info',
          file: `${CACHE_FOLDER}/${RECORD_FILE}`,
          hint: 'check the permissions of the project folder and the free disk space',
        },
      ];
    }
  }
}
