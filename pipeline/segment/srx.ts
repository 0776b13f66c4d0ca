/**
 * SRX 2.0 (Segmentation Rules eXchange): loading a rules file and choosing the rules of a language.
 *
 * An SRX file holds named language rules (ordered lists of break / no-break rules, each a pair of
 * Java regular expressions: the text before and the text after a possible break) and language maps
 * that choose language rules by matching a regular expression against the language code.
 *
 * The work is split by concern:
 * - `srx-read.ts`: XML → language rules and maps with positions (saxes, DOCTYPE refused);
 * - `srx-compile.ts`: a rule's or a map's Java regexes → the RegExps the engine runs;
 * - `java-regex.ts` (+ `java-regex-sets.ts`): Java regex syntax → JavaScript;
 * - this module: reading the file from disk and the language maps / cascade.
 * Every public name of the former single module is re-exported here.
 */
import { maxFileBytes, readBoundedFile } from '../files.js';
import { InputError } from '../model.js';
import type { SrxRule } from './srx-compile.js';
import { readSrx, type SrxDocument } from './srx-read.js';
import { appendAll } from '../lists.js';

export { compileLanguageMap, compileRule, type MapSource, type RuleSource, type SrxLanguageMap, type SrxRule } from './srx-compile.js';
export { readSrx, type SrxDocument, type SrxLanguageRule } from './srx-read.js';
export { RegexTranslationError, translateJavaRegex, type TranslatedRegex, type TranslateOptions } from './java-regex.js';

const SOURCE = 'segment';

/** Reads and parses an SRX file; `displayName` is what messages call it (default: the path). */
export function loadSrx(filePath: string, displayName: string = filePath): SrxDocument {
  let xml: Uint8Array;
  const maxBytes = maxFileBytes();
  try {
    // Bytes, not text: the XML layer decodes them as the file's declaration says. Size first (stat).
    xml = readBoundedFile(filePath, displayName, maxBytes, 'segment');
  } catch (error) {
    if (error instanceof InputError && error.detail.ruleId === 'segment/too-large') throw error;
    throw new InputError({
      reason: `Cannot read the SRX file: ${error instanceof InputError ? error.detail.reason : (error as Error).message}`,
      ruleId: 'segment/srx-unreadable',
      source: SOURCE,
      severity: 'error',
      fatal: true,
      file: displayName,
      hint: 'Check the path given as the segmentation rules file.',
    });
  }
  return parseSrx(xml, displayName);
}

/**
 * The rules that apply to a language, in the order they are tried: with `cascade="yes"` the rules
 * of every matching language map in map order, otherwise only those of the first matching map.
 * A map pattern must match the whole language code; case is ignored because files in the wild
 * write `DE.*` as often as `de.*` and language tags are case-insensitive (BCP 47).
 */
export function rulesForLanguage(srx: SrxDocument, language: string): SrxRule[] {
  const rules: SrxRule[] = [];
  for (const map of srx.maps) {
    if (!map.matcher.test(language)) continue;
    const languageRule = srx.languageRules.get(map.ruleName);
    if (languageRule !== undefined) appendAll(rules, languageRule.rules);
    if (!srx.cascade) break;
  }
  return rules;
}


/** Parses SRX 2.0 text. Throws `InputError` for malformed XML, a DOCTYPE or an unusable regex. */
export function parseSrx(xml: string | Uint8Array, file: string): SrxDocument {
  return readSrx(xml, file);
}
