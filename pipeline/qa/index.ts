/**
 * Quality checks on translated segments: one module per check, each with a rule id and a
 * default severity (see registry.ts and README.md, "Quality checks").
 */
export { CHECKS, RULE_IDS, ACCEPTANCE_RULE } from './registry.js';
export { runChecks, qaBlocks, activeChecks, DEFAULT_QA_OPTIONS, type QaOptions, type QaInput } from './run.js';
export { qaOptionsFor } from './setup.js';
export { acceptancesOf, ACCEPT_FROM, type Acceptance } from './accept.js';
export type { Check, CheckSetting, Finding, QaBlock, QaContext, QaMessage, QaSegment } from './types.js';
