/**
 * The build step for one document and language: the translator's XLIFF → the targets that may be
 * published → translated documents. It reads, decides and assembles; it writes nothing, so the
 * command can check everything before any file changes.
 */
import { xliffSettingsFor, type Config } from './config.js';
import { maxFileBytes, projectRelative, readBoundedFile } from './files.js';
import { InputError, TARGET_STATES, type Document, type Message, type TargetState, type Translation } from './model.js';
import { assembleMarkdown, assembleText } from './assemble/index.js';
import { outputPath, xliffPath } from './project.js';
import { matchTranslations, readXliff, type ParsedXliff } from './xliff/index.js';
import { DEFAULT_QA_OPTIONS, runChecks, type QaOptions } from './qa/index.js';
import { appendAll } from './lists.js';

/** A file the build wants to write. */
export interface PlannedOutput {
  /** Absolute path. */
  readonly path: string;
  readonly content: string;
}

/** Segment counts of one document in one language, for the report. */
export interface BuildCounts {
  readonly segments: number;
  /** Segments published with their translation. */
  readonly published: number;
  /** Segments published in the source language (policy `untranslated: source`). */
  readonly fellBack: number;
  /** Segments without a publishable translation. */
  readonly missing: number;
}

export interface LanguageBuild {
  readonly document: string;
  readonly language: string;
  /** The XLIFF file read, relative to the project root. */
  readonly xliff: string;
  readonly outputs: readonly PlannedOutput[];
  readonly messages: readonly Message[];
  readonly counts: BuildCounts;
}

const rank = (state: TargetState): number => TARGET_STATES.indexOf(state);

/** Why a translation cannot be published, or undefined when it can. */
function unpublishable(translation: Translation | undefined, publishState: TargetState): string | undefined {
  if (translation === undefined) return 'the XLIFF file has no unit for it';
  if (translation.target === undefined || translation.target.trim() === '') return 'it has no translation';
  if (translation.needsReview) return 'its translation is marked for review';
  if (rank(translation.state) < rank(publishState)) {
    return `its state is "${translation.state}", below the published state "${publishState}"`;
  }
  return undefined;
}

/** What the translator or reviewer does about an unpublishable segment (see `unpublishable`). */
function fixFor(translation: Translation | undefined, publishState: TargetState): string {
  if (translation === undefined) return 'run `l10n extract` to add the unit, then translate it';
  if (translation.target === undefined || translation.target.trim() === '') return 'translate the segment and set its state';
  if (translation.needsReview) {
    return 'review the translation (after a source change the previous version is in the unit\'s candidates) and confirm it in the CAT tool';
  }
  return `have it reviewed and set its state to "${publishState}" or above`;
}

/** Rules whose finding already says that a segment cannot be published (the policy need not repeat it). */
const SAYS_UNPUBLISHABLE: ReadonlySet<string> = new Set(['qa/untranslated', 'qa/empty']);

/**
 * Builds one document in one language: import, quality checks (`qa` options: the config's
 * severities and the glossary's forbidden renderings), publishing policy, assembly. Never throws
 * for bad input: problems come back as messages.
 */
export async function buildLanguage(config: Config, doc: Document, language: string, qa: QaOptions = DEFAULT_QA_OPTIONS): Promise<LanguageBuild> {
  const file = xliffPath(config, language, doc.name);
  const xliff = projectRelative(config.root, file);
  const messages: Message[] = [];
  const segments = doc.blocks.flatMap((b) => b.segments);
  const empty = (missing: number): LanguageBuild => ({
    document: doc.name,
    language,
    xliff,
    outputs: [],
    messages,
    counts: { segments: segments.length, published: 0, fellBack: 0, missing },
  });

  let translations: ReadonlyMap<string, Translation>;
  let parsed: ParsedXliff;
  try {
    // The size is checked on disk first: a huge file is refused before it is read, never "missing".
    const maxBytes = maxFileBytes();
    const bytes = readBoundedFile(file, xliff, maxBytes, 'xliff');
    parsed = readXliff(bytes, xliff, { maxBytes });
    const profile = xliffSettingsFor(config, language).profile;
    const matched = matchTranslations(doc, parsed, { sourceLanguage: config.sourceLanguage, targetLanguage: language, profile });
    // A refused file (another language) reports only why: none of its other messages.
    appendAll(messages, parsed.messages);
    appendAll(messages, matched.messages);
    translations = matched.bySegment;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (error.detail.ruleId === 'xliff/missing') {
      messages.push({
        reason: `no translation file for "${doc.name}" in ${language}`,
        ruleId: 'build/missing-xliff',
        source: 'build',
        severity: 'error',
        fatal: true,
        file: xliff,
        hint: 'run `l10n extract` to create it, then have it translated',
      });
    } else messages.push(error.detail);
    return empty(segments.length);
  }

  const findings = runChecks({ doc, language, sourceLanguage: config.sourceLanguage, file: xliff, parsed, translations }, qa);
  appendAll(messages, findings);
  const reportedByQa = new Set(findings.filter((m) => SAYS_UNPUBLISHABLE.has(m.ruleId)).map((m) => m.unit));

  const targets = new Map<string, string>();
  let fellBack = 0;
  let missing = 0;
  for (const segment of segments) {
    const translation = translations.get(segment.id);
    const why = unpublishable(translation, config.policies.publishState);
    if (why === undefined) {
      targets.set(segment.id, translation?.target ?? segment.text);
      continue;
    }
    const useSource = config.policies.untranslated === 'source';
    if (useSource) fellBack += 1;
    else missing += 1;
    if (reportedByQa.has(segment.id)) continue;
    messages.push({
      reason: `segment not published: ${why}${useSource ? '; the source sentence is published instead' : ''}`,
      ruleId: 'build/untranslated',
      source: 'build',
      severity: useSource ? 'warning' : 'error',
      file: xliff,
      ...(translation?.line === undefined ? {} : { line: translation.line }),
      unit: segment.id,
      actual: segment.text.length > 80 ? `${segment.text.slice(0, 77)}…` : segment.text,
      hint: fixFor(translation, config.policies.publishState) + (useSource ? '' : ', or set policies.untranslated: source in l10n.config.yaml to publish the source instead'),
    });
  }

  const outputs: PlannedOutput[] =
    missing > 0
      ? []
      : [
          { path: outputPath(config, language, doc.name, '.txt'), content: assembleText(doc, targets) },
          { path: outputPath(config, language, doc.name, '.md'), content: assembleMarkdown(doc, targets) },
        ];
  return {
    document: doc.name,
    language,
    xliff,
    outputs,
    messages,
    counts: { segments: segments.length, published: segments.length - fellBack - missing, fellBack, missing },
  };
}
