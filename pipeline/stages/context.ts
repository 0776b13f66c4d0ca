/**
 * What stages receive besides the file: the project and the choices of this run. Each chain has
 * its own context (`ExtractContext`, `BuildContext`); stages that several chains share take the
 * common part, `RunContext`.
 */
import type { UntranslatedPolicy } from '../config.js';
import type { ProjectMemories } from '../memory/project.js';
import type { DocumentFile, LanguageTrack } from '../file.js';
import type { Message, Severity } from '../model.js';
import type { Project } from '../project.js';
import type { QaOptions } from '../qa/index.js';
import type { LeverageProvider } from './leverage.js';

/** What every chain's stages know. */
export interface RunContext {
  readonly project: Project;
  /** Target languages of this run, a subset of the config's, in its order. */
  readonly languages: readonly string[];
  /**
   * What a language stage's unforeseen error (a defect, not bad input) means for that document
   * and language: the fatal message to record, so the other languages go on. Absent: the error
   * ends the run (and the CLI reports it as an internal error).
   */
  readonly onDefect?: (track: LanguageTrack, file: DocumentFile, error: unknown) => Message;
}

/** What the extract chain's stages know. */
export interface ExtractContext extends RunContext {
  /** The project's translation memories during this run: taught by `existing`, asked by `leverage`. */
  readonly memories: ProjectMemories;
  /** Where suggestions for untranslated sentences come from, asked in order (the memory first). */
  readonly leverage: readonly LeverageProvider[];
}

/** What the build chain's stages know. */
export interface BuildContext extends RunContext {
  /** Severities of the checks (the config's `checks:`). */
  readonly qa: QaOptions;
  /** Lowest severity that keeps a language from being written. */
  readonly failOn: Severity;
  /** What an untranslated segment means for this run; default the config's `policies.untranslated`. */
  readonly untranslated?: UntranslatedPolicy;
}
