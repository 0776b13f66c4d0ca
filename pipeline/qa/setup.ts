/**
 * What the checks need from the project: the `checks:` severities of the config. (The glossary's
 * approved and forbidden renderings travel with the document, in its term spans.)
 */
import type { Config } from '../config.js';
import type { QaOptions } from './run.js';

/** The options of the checks for a project. */
export function qaOptionsFor(config: Config): QaOptions {
  return { settings: config.checks };
}
