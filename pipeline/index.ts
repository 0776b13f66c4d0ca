/**
 * The pipeline as a library: what a program (the CLI, a review server, a test) uses.
 *
 *     const project = openProject('/path/to/project');
 *     const extracted = await extract(project);          // writes translations/<lang>/*.xlf
 *     // … translators edit the XLIFF files …
 *     await translate(project, { settings: resolveMachineSettings(project.config, { provider: 'deepl' }) });
 *                                                       // machine targets for review (DEEPL_AUTH_KEY)
 *     const built = await build(project);               // writes output/<lang>/*, report.json
 *     built.languages[0].report.summary.errors;
 *     built.files[0].tracks.get('en')?.targets;        // the model's targets of one language
 *
 * Nothing here prints or exits: results and messages come back as data.
 */
export { openProject, findDocuments, xliffPath, outputFolder, translationsFolder, type Project, type OpenProjectOptions, type DocumentEntry } from './project.js';
export {
  extract,
  translate,
  build,
  status,
  readDocument,
  SOURCE_STAGES,
  EXTRACT_CHAIN,
  TRANSLATE_CHAIN,
  BUILD_CHAIN,
  STATUS_CHAIN,
  type RunOptions,
  type ExtractOptions,
  type ExtractResult,
  type TranslateOptions,
  type TranslateResult,
  type TranslateLanguageResult,
  type BuildOptions,
  type BuildResult,
  type LanguageResult,
  type StatusResult,
} from './chains.js';
export { DocumentFile, LanguageTrack, runStages, perLanguage, type Stage, type PlannedOutput, type BuildCounts, type ExportRecord } from './file.js';
export type { RunContext, ExtractContext, BuildContext } from './stages/context.js';
export { memoryLeverage, type LeverageProvider, type LeverageRequest } from './stages/leverage.js';
export type { LeverageMatch } from './xliff/index.js';
export { FORMATS, FormatRegistry, type Format, type FormatOutput, type FormatReadInput, type FormatReadResult, type FormatWriteContext, type Targets } from './formats/index.js';
export { blockText, publishedSegments } from './assemble/skeleton.js';
export { CHECKS, RULE_IDS, runChecks, type Check, type QaBlock, type QaSegment, type QaContext, type QaInput, type Finding } from './qa/index.js';
export { LanguageRegistry, languageProfile, loadLanguages, parseLanguageProfile, type LanguageProfile, type NumberConventions } from './languages/index.js';
export { loadConfig, type Config } from './config.js';
export { resolveMachineSettings, type MachineOverrides } from './machine-config.js';
export { MACHINE_ONLY, type MachineOnly, type TranslateContext } from './stages/machine.js';
export { segmentIdBase, codeSignature } from './ids.js';
export * from './model.js';
