/**
 * The chains: which stages run, in which order, declared once.
 *
 *     extract:   read → segment → terms → existing → leverage → export
 *     translate: read → segment → terms → existing → leverage → machine ⇒ one job per language ⇒ export
 *     build:     read → segment → terms → import → match → checks → policy → assemble → review-report
 *     pseudo:    read → segment → terms → existing → export (every target pseudo-translated)
 *
 * `extract`, `build` and `status` run a chain on every document of the project (one
 * `DocumentFile` each, see `file.ts`), then do what concerns the whole run: the memory files, the
 * reports, the outputs. They print nothing and decide no exit code: everything they find is on the
 * files and in the result they return, for the CLI (or any program) to report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PQueue from 'p-queue';
import { documentName, isTemporaryFile, projectRelative, removeStaleTemporaryFiles, resolveInside, writeFailure, writeFileAtomic } from './files.js';
import { appendAll } from './lists.js';
import { DocumentFile, LanguageTrack, perLanguage, runStages, type BuildCounts, type PlannedOutput, type Stage } from './file.js';
import type { UntranslatedPolicy } from './config.js';
import { ProjectMemories } from './memory/project.js';
import { atLeast, segmentsOf, type Message, type Severity } from './model.js';
import { findDocuments, memoryFolder, outputFolder, translationsFolder, xliffPath, type DocumentEntry, type Project } from './project.js';
import { qaOptionsFor } from './qa/index.js';
import { buildReport, reportToJson, reviewSummary, type BuildReport, type ReviewSummary } from './report/json.js';
import { assembleStage } from './stages/assemble.js';
import { checksStage } from './stages/checks.js';
import type { BuildContext, ExtractContext, RunContext } from './stages/context.js';
import { existingStage } from './stages/existing.js';
import { exportDocument, exportStage } from './stages/export.js';
import { isPseudoLocale, PSEUDO_MODES, pseudoTranslate, type PseudoMode } from './pseudo/index.js';
import { createImportStage, createMatchStage, importStage, matchStage } from './stages/import.js';
import { leverageStage, memoryLeverage, type LeverageProvider } from './stages/leverage.js';
import { acceptMachineTargets, machineSegments, machineStage, pairGlossary, type MachineOnly, type TranslateContext } from './stages/machine.js';
import { createMachineTranslator, type FetchFunction, type MtJob, type MtPlan, type MtSettings, type MtSummary } from './mt/index.js';
import type { ProgressListener } from './progress.js';
import { policyStage } from './stages/policy.js';
import { readStage } from './stages/read.js';
import { reviewReportStage } from './stages/review-report.js';
import { segmentStage } from './stages/segment.js';
import { refreshStrings } from './stages/strings.js';
import { termsStage } from './stages/terms.js';
import { ExtractRecords } from './stages/unchanged.js';

/** Source → annotated document: what every chain starts with. */
export const SOURCE_STAGES: readonly Stage<DocumentFile, RunContext>[] = [readStage, segmentStage, termsStage];

/** Source → XLIFF per target language, merged with the translators' work. */
export const EXTRACT_CHAIN: readonly Stage<DocumentFile, ExtractContext>[] = [...SOURCE_STAGES, existingStage, leverageStage, exportStage];

/**
 * Source → the sentences machine translation is asked about: the extract chain up to the leverage,
 * then the `machine` stage. `translate` runs it on every document, translates the chosen sentences
 * of all documents of a language in one job (so batches and the provider's rate limit span
 * documents), and then writes each document's files with `TRANSLATE_WRITE_CHAIN`.
 */
export const TRANSLATE_CHAIN: readonly Stage<DocumentFile, TranslateContext>[] = [...SOURCE_STAGES, existingStage, leverageStage, machineStage];

/** The XLIFF files with the machine targets (the extract chain's export). */
export const TRANSLATE_WRITE_CHAIN: readonly Stage<DocumentFile, TranslateContext>[] = [exportStage];

/** What the pseudo chain's stages know: the extract context and how targets are made. */
interface PseudoContext extends ExtractContext {
  readonly mode: PseudoMode;
}

/** Source → XLIFF with every target filled by the pseudo-translator (`pipeline/pseudo/`). */
export const PSEUDO_CHAIN: readonly Stage<DocumentFile, PseudoContext>[] = [
  ...SOURCE_STAGES,
  existingStage,
  perLanguage<PseudoContext>('export', (track, file, context) => exportDocument(track, file, context, (segment) => pseudoTranslate(segment, context.mode, segment.spans))),
];

/** XLIFF → checks → publishing policy → translated documents (planned; `build` writes them). */
export const BUILD_CHAIN: readonly Stage<DocumentFile, BuildContext>[] = [...SOURCE_STAGES, importStage, matchStage, checksStage, policyStage, assembleStage, reviewReportStage];

/** What `status` needs: the build chain up to the match; a missing XLIFF file is work to do, not an error. */
export const STATUS_CHAIN: readonly Stage<DocumentFile, RunContext>[] = [
  ...SOURCE_STAGES,
  createImportStage((track) => {
    track.message({ reason: 'no translation file yet', ruleId: 'status/missing-xliff', source: 'status', severity: 'warning', file: track.xliff, hint: 'run `l10n extract`' });
  }),
  // Counted as the files say: status does not load the glossary, so extract's locks stand.
  createMatchStage('file'),
];

/** Options every run takes. */
export interface RunOptions {
  /** Target languages to work on; each must be in the config. Default: all of the config's. */
  readonly languages?: readonly string[];
  /** Told after each document (task `extract`, `build` or `status`, documents done of all). */
  readonly onProgress?: ProgressListener;
}

/** Checks `languages` against the config up front ("expected one of …, got …"). */
function languagesOf(project: Project, requested: readonly string[] | undefined): readonly string[] {
  const configured = project.config.targetLanguages;
  if (requested === undefined || requested.length === 0) return configured;
  for (const language of requested) {
    if (!configured.includes(language)) throw new RangeError(`languages: expected one of ${configured.join(', ')} (from l10n.config.yaml), got "${language}"`);
  }
  return requested;
}

/** A file object for a document, with one track per language. */
function fileFor(project: Project, entry: DocumentEntry, languages: readonly string[]): DocumentFile {
  const tracks = languages.map((language) => {
    const work = xliffPath(project.config, language, entry.name);
    const aside = xliffPath(project.config, language, entry.name, 'aside');
    return new LanguageTrack(language, {
      xliffPath: work,
      xliff: projectRelative(project.root, work),
      asidePath: aside,
      aside: projectRelative(project.root, aside),
    });
  });
  return new DocumentFile({ path: entry.path, absolutePath: entry.absolutePath, name: entry.name, format: entry.format, tracks });
}

/**
 * Runs a chain on every document, one after the other (a stage may learn from one document
 * before the next, as the memory does in extract), telling `onProgress` after each.
 */
async function runInTurn<C>(project: Project, entries: readonly DocumentEntry[], languages: readonly string[], chain: readonly Stage<DocumentFile, C>[], context: C, task: string, onProgress: ProgressListener | undefined): Promise<DocumentFile[]> {
  const files: DocumentFile[] = [];
  onProgress?.({ task, done: 0, total: entries.length });
  for (const entry of entries) {
    const file = fileFor(project, entry, languages);
    await runStages(file, chain, context);
    files.push(file);
    onProgress?.({ task, done: files.length, total: entries.length });
  }
  return files;
}

/**
 * Reads one document of the project (path relative to the root) through the source stages: the
 * file object with its annotated document, or with the fatal message that stopped it.
 */
export async function readDocument(project: Project, relativePath: string): Promise<DocumentFile> {
  const entry: DocumentEntry = {
    path: relativePath,
    absolutePath: resolveInside(project.root, relativePath, 'document'),
    name: documentName(relativePath, project.config.paths.source),
    format: project.formats.forPath(relativePath),
  };
  const file = fileFor(project, entry, []);
  await runStages(file, SOURCE_STAGES, { project, languages: [] });
  return file;
}

/** What `extract` did. */
export interface ExtractResult {
  /** The documents found, as paths relative to the root, in the order they were extracted. */
  readonly documents: readonly string[];
  /**
   * One file object per document: its messages, and per language what was written
   * (`track.exported`). A document found unchanged (`file.unchanged`) has no `document`: nothing
   * was computed (see `stages/unchanged.ts`).
   */
  readonly files: readonly DocumentFile[];
  /** Memory files written (relative to the root). */
  readonly memoryFiles: readonly string[];
  /** German catalogs (and their aside files) of software strings refreshed from the site's code (relative to the root). */
  readonly catalogs: readonly string[];
  /** Every message of the run: the glossary's, the documents', the languages', the memories'. */
  readonly messages: readonly Message[];
}

/** Options of `extract`. */
export interface ExtractOptions extends RunOptions {
  /** Where suggestions for untranslated sentences come from, in order. Default: the project's memory. */
  readonly leverage?: readonly LeverageProvider[];
}

/**
 * Runs the extract chain on every document, one after the other (the memory learns from each
 * document's files before the next one's sentences are looked up), then saves the memories. A
 * document whose inputs and XLIFF files are as a recorded run left them is only read.
 * Throws InputError only for what concerns the whole project (documents that clash, a source
 * folder that cannot be read).
 */
export async function extract(project: Project, options: ExtractOptions = {}): Promise<ExtractResult> {
  const languages = languagesOf(project, options.languages);
  // Software strings first: the German catalogs are brought up to date with the site's code.
  const strings = await refreshStrings(project);
  const entries = findDocuments(project).map((e) => (strings.format !== undefined && e.format?.id === strings.format.id ? { ...e, format: strings.format } : e));
  const memories = new ProjectMemories(project.config);
  const context: ExtractContext = { project, languages, memories, leverage: options.leverage ?? [memoryLeverage] };
  // What a killed extract left half-written goes, even where this run changes no file.
  for (const language of languages) removeStaleTemporaryFiles(translationsFolder(project.config, language));
  const files: DocumentFile[] = [];
  // Documents whose inputs and XLIFF files are as a recorded run left them are not computed again.
  const records = ExtractRecords.open(project);
  options.onProgress?.({ task: 'extract', done: 0, total: entries.length });
  for (const entry of entries) {
    const file = fileFor(project, entry, languages);
    // A catalog of software strings also depends on files beside it (metadata, the code's keys)
    // that the record does not hash: it is always computed.
    const recordable = strings.format === undefined || entry.format?.id !== strings.format.id;
    if (!recordable || !records.reuse(file, context)) {
      await runStages(file, EXTRACT_CHAIN, context);
      if (recordable) records.remember(file, context);
    }
    files.push(file);
    options.onProgress?.({ task: 'extract', done: files.length, total: entries.length });
  }
  const memoryFiles = memories.save();
  const recordMessages = records.save(entries.map((e) => e.path));
  return {
    documents: entries.map((e) => e.path),
    files,
    memoryFiles,
    catalogs: strings.changed,
    messages: [...project.messages, ...strings.messages, ...files.flatMap((f) => f.allMessages()), ...memories.messages, ...recordMessages],
  };
}

/** Options of `translate`. */
export interface TranslateOptions extends RunOptions {
  /** The provider and its settings (`resolveMachineSettings` makes them from the config and the command line). */
  readonly settings: MtSettings;
  /** Which sentences to translate (see `MachineOnly`). Default `new`. */
  readonly only?: MachineOnly;
  /** True: report per language what a run would send (characters, requests, cached answers); send and write nothing. Default false. */
  readonly dryRun?: boolean;
  /** Ends the run early: what was answered is written, the rest waits for the next run. */
  readonly signal?: AbortSignal;
  /** Where the provider's key is read from. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The HTTP function. Default Node's `fetch`. */
  readonly fetch?: FetchFunction;
}

/** What `translate` did (or, in a dry run, would do) in one language. */
export interface TranslateLanguageResult {
  readonly language: string;
  /** Dry run: what a run would send. */
  readonly plan?: MtPlan;
  /** Run: the provider's counts (sent, cached, refused by the library, failed, requests, characters). */
  readonly summary?: MtSummary;
  /** Machine targets written into the XLIFF files. */
  readonly written: number;
  /** Answers the quality checks refused (the library's own refusals are in `summary.rejected`). */
  readonly refused: number;
  /** Targets written with findings beside them for the reviewer. */
  readonly flagged: number;
}

/** What `translate` did. */
export interface TranslateResult {
  readonly documents: readonly string[];
  readonly files: readonly DocumentFile[];
  readonly languages: readonly TranslateLanguageResult[];
  /** True for a dry run: nothing was sent or written. */
  readonly dryRun: boolean;
  /** Every message: the documents', the languages' (one per refused or failed sentence), the provider's (a stop). */
  readonly messages: readonly Message[];
}

/**
 * Machine pre-translation: runs the translate chain on every document, asks the provider about
 * the chosen sentences of each language (all languages at once, sharing the provider's queue and
 * rate limit), checks the answers and writes them into the XLIFF files, marked as machine output
 * for review. Answers are cached as they arrive (`translations/memory/mt-*.jsonl`), so an
 * interrupted or stopped run keeps what it was paid for and the next run resumes without asking
 * again. Throws `MtSetupError` (no key) before anything is read; InputError only for what concerns
 * the whole project.
 */
export async function translate(project: Project, options: TranslateOptions): Promise<TranslateResult> {
  const languages = languagesOf(project, options.languages);
  const dryRun = options.dryRun === true;
  const cacheDir = memoryFolder(project.config);
  const translator = createMachineTranslator(options.settings, {
    cacheDir,
    cacheDisplayDir: projectRelative(project.root, cacheDir),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    planOnly: dryRun,
  });
  try {
    const entries = findDocuments(project);
    const memories = new ProjectMemories(project.config);
    const context: TranslateContext = { project, languages, memories, leverage: [memoryLeverage], only: options.only ?? 'new' };
    const files = await runInTurn(project, entries, languages, TRANSLATE_CHAIN, context, 'read', options.onProgress);

    const jobs = languages.map((language) => {
      const tracks = files.flatMap((file, index) => {
        const track = file.tracks.get(language);
        return file.stopped || track === undefined || track.stopped ? [] : [{ file, track, prefix: `${index}:` }];
      });
      const job: MtJob = {
        sourceLanguage: project.config.sourceLanguage,
        targetLanguage: language,
        segments: tracks.flatMap(({ file, track, prefix }) => machineSegments(file, track, prefix)),
        glossary: pairGlossary(project, language),
      };
      return { language, tracks, job };
    });
    const runMessages: Message[] = [];
    if (dryRun) {
      const results = jobs.map(({ language, job }) => ({ language, plan: translator.plan(job), written: 0, refused: 0, flagged: 0 }));
      return { documents: entries.map((e) => e.path), files, languages: results, dryRun, messages: [...project.messages, ...files.flatMap((f) => f.allMessages()), ...memories.messages] };
    }

    const total = jobs.reduce((n, j) => n + j.job.segments.length, 0);
    const done = new Map<string, number>();
    options.onProgress?.({ task: 'translate', done: 0, total });
    const summaries = await Promise.all(
      jobs.map(async ({ language, job }) => {
        if (job.segments.length === 0) return { language, result: undefined };
        const result = await translator.translate(job, {
          ...(options.signal === undefined ? {} : { signal: options.signal }),
          onProgress: (event) => {
            if (event.type !== 'progress' && event.type !== 'start') return;
            done.set(language, event.type === 'progress' ? event.done : event.cached);
            options.onProgress?.({ task: 'translate', done: [...done.values()].reduce((a, b) => a + b, 0), total });
          },
        });
        return { language, result };
      }),
    );

    const results: TranslateLanguageResult[] = [];
    const stops = new Set<string>();
    for (const [i, { language, tracks }] of jobs.entries()) {
      const result = summaries[i]?.result;
      let refused = 0;
      let flagged = 0;
      if (result !== undefined) {
        for (const m of result.messages) {
          // A stop speaks for the account: every language reports it; say it once.
          const key = `${m.ruleId}\u0000${m.reason}`;
          if (stops.has(key)) continue;
          stops.add(key);
          runMessages.push(m);
        }
        for (const { file, track, prefix } of tracks) {
          const counts = acceptMachineTargets(project, file, track, result.outcomes, { settings: options.settings, model: result.summary.model, prefix });
          refused += counts.refused;
          flagged += counts.flagged;
        }
      }
      results.push({ language, ...(result === undefined ? {} : { summary: result.summary }), written: 0, refused, flagged });
    }
    for (const file of files) await runStages(file, TRANSLATE_WRITE_CHAIN, context);
    // The memories learn from the files as in `extract` (machine targets never enter them: they are not approved).
    memories.save();
    const writtenOf = (language: string): number => files.reduce((n, f) => n + (f.tracks.get(language)?.exported?.fromMachine ?? 0), 0);
    return {
      documents: entries.map((e) => e.path),
      files,
      languages: results.map((r) => ({ ...r, written: writtenOf(r.language) })),
      dryRun,
      messages: [...project.messages, ...files.flatMap((f) => f.allMessages()), ...memories.messages, ...runMessages],
    };
  } finally {
    translator.close();
  }
}

/** Options of `pseudo`. */
export interface PseudoOptions {
  /** The pseudo-locale to fill (`en-XA`, `ar-XB`, `qps-ploc`, see `isPseudoLocale`); must be in the config. */
  readonly language: string;
  /** `identity` (the source, codes included) or `accent` (see `pipeline/pseudo/`). Default: `accent`. */
  readonly mode?: PseudoMode;
  readonly onProgress?: ProgressListener;
}

/**
 * Fills every target of a pseudo-locale's XLIFF files with a pseudo-translation (state
 * `translated`), as extract would write them otherwise: `build` then publishes the language like
 * any other. A real language is refused (RangeError): its translators' work is never overwritten.
 * The translation memories are neither taught nor saved: a pseudo-translation is no translation.
 */
export async function pseudo(project: Project, options: PseudoOptions): Promise<ExtractResult> {
  const mode = options.mode ?? 'accent';
  if (!PSEUDO_MODES.includes(mode)) throw new RangeError(`mode: expected one of ${PSEUDO_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  if (!isPseudoLocale(options.language)) {
    throw new RangeError(`language: expected a pseudo-locale (en-XA, en-XB, ar-XB, qps-ploc, …), got "${options.language}", a real language whose translations pseudo would overwrite`);
  }
  const languages = languagesOf(project, [options.language]);
  const entries = findDocuments(project);
  const context: PseudoContext = { project, languages, memories: new ProjectMemories(project.config), leverage: [], mode };
  const files = await runInTurn(project, entries, languages, PSEUDO_CHAIN, context, 'pseudo', options.onProgress);
  return { documents: entries.map((e) => e.path), files, memoryFiles: [], catalogs: [], messages: [...project.messages, ...files.flatMap((f) => f.allMessages())] };
}

/** Options of `build`. */
export interface BuildOptions extends RunOptions {
  /** Lowest severity that keeps a language from being written. Default: `policies.failOn`. */
  readonly failOn?: Severity;
  /**
   * `write` (default): write the outputs and reports of the languages without findings at or
   * above `failOn`; `compare`: write nothing, report outputs that differ from what the build
   * produces (`build/outdated-output`); `none`: only check.
   */
  readonly outputs?: 'write' | 'compare' | 'none';
  /**
   * What a segment without a publishable translation means for this run (`fail`, `source`,
   * `hold`; see `policies.untranslated`). Default: the config's.
   */
  readonly untranslated?: UntranslatedPolicy;
}

/** What `build` (or `check`) found and wrote, per language. */
export interface LanguageResult {
  readonly language: string;
  /** The language's report (what `output/<lang>/report.json` holds). */
  readonly report: BuildReport;
  /**
   * True when findings at or above `failOn` kept the language from being written. A fatal problem
   * stops only its document: the language's other documents are still written.
   */
  readonly blocked: boolean;
  /** Files the build meant to write (outputs, `report.json`) that could not be written, relative to the root; empty unless writes failed. */
  readonly unwritten: readonly string[];
}

/** What `build` did. */
export interface BuildResult {
  readonly documents: readonly string[];
  readonly files: readonly DocumentFile[];
  readonly languages: readonly LanguageResult[];
  /** The threshold of this run. */
  readonly failOn: Severity;
  /** Every message of the run, reports and output problems included. */
  readonly messages: readonly Message[];
}

/** Counts of a document in a language, also when a fatal problem stopped it before the policy. */
export function countsOf(file: DocumentFile, track: LanguageTrack): BuildCounts {
  if (track.counts !== undefined) return track.counts;
  const segments = file.document === undefined ? 0 : segmentsOf(file.docFor(track.language)).length;
  return { segments, published: 0, fellBack: 0, missing: segments };
}

/**
 * Runs the build chain on every document (two at a time), then per language decides whether it is
 * written (no fatal message, nothing at or above `failOn`), and writes, compares or only reports
 * its outputs and `report.json`. Throws InputError only for what concerns the whole project.
 */
export async function build(project: Project, options: BuildOptions = {}): Promise<BuildResult> {
  const languages = languagesOf(project, options.languages);
  const failOn = options.failOn ?? project.config.policies.failOn;
  const mode = options.outputs ?? 'write';
  const entries = findDocuments(project);
  const context: BuildContext = {
    project,
    languages,
    qa: qaOptionsFor(project.config),
    failOn,
    onDefect: buildDefect,
    ...(options.untranslated === undefined ? {} : { untranslated: options.untranslated }),
  };
  const files = entries.map((entry) => fileFor(project, entry, languages));
  // Documents are independent: build them concurrently, reading files while others assemble.
  const queue = new PQueue({ concurrency: 2 });
  let done = 0;
  options.onProgress?.({ task: 'build', done, total: files.length });
  await Promise.all(
    files.map((file) =>
      queue.add(async () => {
        await runStages(file, BUILD_CHAIN, context);
        done += 1;
        options.onProgress?.({ task: 'build', done, total: files.length });
      }),
    ),
  );

  const documentMessages: Message[] = [...project.messages, ...files.flatMap((f) => f.messages)];
  const allMessages: Message[] = [...documentMessages];
  const results: LanguageResult[] = [];
  const comparisons: PlannedOutput[] = [];
  for (const language of languages) {
    const tracks = files.map((file) => ({ file, track: file.tracks.get(language) as LanguageTrack }));
    // A fatal problem stops the document it concerns in this language, never the others: the
    // language is held back only by findings of the documents that were built.
    const stopped = (file: DocumentFile, track: LanguageTrack): boolean => file.stopped || track.stopped;
    const orphans = orphanTranslations(project, language, entries);
    const languageMessages = [...orphans, ...tracks.flatMap(({ track }) => track.messages)];
    const counting = [
      ...project.messages,
      ...orphans,
      ...tracks.filter(({ file, track }) => !stopped(file, track)).flatMap(({ file, track }) => [...file.messages, ...track.messages]),
    ];
    const blocked = counting.some((m) => m.fatal !== true && atLeast(m, failOn));
    const planned = blocked ? [] : tracks.filter(({ file, track }) => !stopped(file, track)).flatMap(({ track }) => track.outputs);
    const written = new Set<string>();
    const writeMessages: Message[] = [];
    if (mode === 'write') appendAll(writeMessages, writeOutputs(project, planned, written));
    const outputsOf = (track: LanguageTrack): string[] =>
      track.outputs.filter((o) => (mode === 'write' ? written.has(o.path) : planned.includes(o))).map((o) => projectRelative(project.root, o.path));
    const report = buildReport(
      language,
      failOn,
      tracks.map(({ file, track }) => ({
        document: file.name,
        source: file.path,
        language,
        xliff: track.xliff,
        counts: countsOf(file, track),
        ...(track.counts?.held === undefined ? {} : { held: true }),
        outputs: mode === 'none' ? [] : outputsOf(track),
        ...reviewOf(file, track),
      })),
      [...documentMessages, ...languageMessages, ...writeMessages],
      {
        machinePublish: project.config.policies.machine.publish.includes(language),
        // `--check` compares with the report a build writes, so it says what that build would write.
        ...(mode === 'write'
          ? { written: !blocked && planned.length > 0 && planned.every((o) => written.has(o.path)) }
          : mode === 'compare'
            ? { written: !blocked && planned.length > 0 }
            : {}),
      },
    );
    const reportPath = path.join(outputFolder(project.config, language), 'report.json');
    // The report is written for every language built, failed or not, so that it always describes
    // the last run; the outputs of a failed language stay as they were.
    if (mode === 'write') appendAll(writeMessages, writeOutputs(project, [{ path: reportPath, content: reportToJson(report) }], written));
    if (mode === 'compare' && !blocked) appendAll(comparisons, [...planned, { path: reportPath, content: reportToJson(report) }]);
    const attempted = mode === 'write' ? [...planned.map((o) => o.path), reportPath] : [];
    results.push({ language, report, blocked, unwritten: attempted.filter((p) => !written.has(p)).map((p) => projectRelative(project.root, p)) });
    appendAll(allMessages, languageMessages);
    appendAll(allMessages, writeMessages);
  }
  if (mode === 'compare') appendAll(allMessages, compareOutputs(project, comparisons));
  return { documents: entries.map((e) => e.path), files, languages: results, failOn, messages: allMessages };
}

/** The report's `review` of a document in a language (who confirmed what), when there is one. */
function reviewOf(file: DocumentFile, track: LanguageTrack): { review?: ReviewSummary } {
  const review = file.document === undefined ? undefined : reviewSummary(segmentsOf(file.docFor(track.language)).map((s) => s.id), track.targets);
  return review === undefined ? {} : { review };
}

/**
 * A document's build in one language failed in a way nothing foresaw (a defect): a fatal message
 * for that document and language, so the other languages are still built and written.
 */
function buildDefect(track: LanguageTrack, _file: DocumentFile, error: unknown): Message {
  return {
    reason: `this document could not be built in ${track.language}: internal error (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`,
    ruleId: 'build/internal-error',
    source: 'build',
    severity: 'error',
    fatal: true,
    file: track.xliff,
    hint: 'this is a defect of l10n, not of the file; nothing was written for this language. Please report it with the file',
  };
}

/** `build/outdated-output` for each planned output that differs from the file on disk. */
function compareOutputs(project: Project, writes: readonly PlannedOutput[]): Message[] {
  const out: Message[] = [];
  for (const planned of writes) {
    const current = existsSync(planned.path) ? readFileSync(planned.path, 'utf8') : undefined;
    if (current === planned.content) continue;
    out.push({
      reason: current === undefined ? 'this output is missing' : 'this output differs from what the build produces',
      ruleId: 'build/outdated-output',
      source: 'build',
      severity: 'error',
      file: projectRelative(project.root, planned.path),
      hint: 'run `npm start` (or `l10n build`) and commit output/',
    });
  }
  return out;
}

/**
 * Writes the planned outputs, each whole or not at all (`writeFileAtomic`), and adds the path of
 * each one written to `written`. A write that fails is a fatal message naming the file and why
 * (a full disk, a read-only folder, a file in place of a folder); once one has failed, the rest of
 * the list is not attempted (the next would fail the same way) and is reported in one message.
 */
function writeOutputs(project: Project, writes: readonly PlannedOutput[], written: Set<string>): Message[] {
  for (const [index, planned] of writes.entries()) {
    try {
      writeFileAtomic(planned.path, planned.content);
      written.add(planned.path);
    } catch (error) {
      const failure = writeFailure(error, project.config.paths.output);
      const rest = writes.length - index - 1;
      return [
        {
          reason: `the output could not be written: ${failure.cause}${rest === 0 ? '' : `; ${rest} more ${rest === 1 ? 'file was' : 'files were'} not written after it`}`,
          ruleId: 'build/write',
          source: 'build',
          severity: 'error',
          fatal: true,
          file: projectRelative(project.root, planned.path),
          hint: failure.hint,
        },
      ];
    }
  }
  return [];
}

/** Every `.xlf` file under a folder, relative to it with forward slashes; none when it does not exist. */
function xliffFilesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile() && entry.name.endsWith('.xlf') && !isTemporaryFile(entry.name)) out.push(`${prefix}${entry.name}`);
    }
  };
  walk(folder, '');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * XLIFF files in `translations/<language>/` that belong to no source document: a document was
 * removed or renamed and its translations stayed behind. Nothing reads them any more, so a
 * translator could be working on a dead file; the build says so (a warning: nothing is wrong
 * with what it publishes). `entries` are all the project's documents, built or not.
 */
export function orphanTranslations(project: Project, language: string, entries: readonly DocumentEntry[]): Message[] {
  const folder = translationsFolder(project.config, language);
  const known = new Set(entries.flatMap((e) => [`${e.name}.xlf`, `${e.name}.aside.xlf`]));
  return xliffFilesUnder(folder)
    .filter((f) => !known.has(f))
    .map((f) => ({
      reason: 'no source document has this translation file (the document was removed or renamed)',
      ruleId: 'build/orphan-xliff',
      source: 'build',
      severity: 'warning',
      file: projectRelative(project.root, path.join(folder, f)),
      hint: 'delete the file, or restore the source document under the same name',
    }));
}

/** What `status` found: the files with their tracks' targets (`track.targets`). */
export interface StatusResult {
  readonly documents: readonly string[];
  readonly files: readonly DocumentFile[];
  readonly messages: readonly Message[];
}

/** Runs the status chain (source, import, match) on every document; writes nothing. */
export async function status(project: Project, options: RunOptions = {}): Promise<StatusResult> {
  const languages = languagesOf(project, options.languages);
  const entries = findDocuments(project);
  const context: RunContext = { project, languages };
  const files = entries.map((entry) => fileFor(project, entry, languages));
  options.onProgress?.({ task: 'status', done: 0, total: files.length });
  for (const [index, file] of files.entries()) {
    await runStages(file, STATUS_CHAIN, context);
    options.onProgress?.({ task: 'status', done: index + 1, total: files.length });
  }
  return { documents: entries.map((e) => e.path), files, messages: files.flatMap((f) => f.allMessages()) };
}
