/**
 * The project's XLIFF adapter. Nothing else in the project knows XLIFF: stages call these.
 */
export { exportXliff, openSegments, openWork, MACHINE_NOTE_FROM, type ExportOptions, type ExportResult, type ExportStats, type LeverageMatch, type MachineTarget, type OpenNeed, type OpenSegment } from './export.js';
export { readTargets, modelContent } from './targets.js';
export { readXliff, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './read.js';
export { matchTranslations, type MatchExpectation } from './match.js';
export { entriesOf, type Entry } from './entries.js';
export { codeSignature } from './inline.js';
export { stateFrom12, stateFrom2x, stateTo12, stateTo2x, STATES_12, STATES_2X, machineSubState, isMachineSubState, MACHINE_QUALIFIER_12 } from './states.js';
export type {
  XliffVersion,
  ReadVersion,
  ReadOptions,
  ParsedXliff,
  ParsedFile,
  ParsedUnit,
  ParsedSegment,
  ParsedIgnorable,
  ParsedNote,
  ParsedCandidate,
  InlineContent,
  InlineNode,
  InlineCode,
  InlineMark,
} from './types.js';
