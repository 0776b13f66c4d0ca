/**
 * Checks of translated strings, as messages at the German value's place:
 *
 * - `strings/inline-codes` (error): a variable, nested key or tag of the source missing, added
 *   or broken in the target; a repeated variable is a warning (i18next fills it in twice).
 * - `strings/plural-missing` (error): a plural key with some forms translated and others not,
 *   which would show the German text for some counts only.
 * - `strings/max-length` (error): a target longer than the key's limit.
 */
import type { Message, Severity } from '../model.js';
import { compareCodes, parseCodes, type CodedText, type CodeSyntax } from './codes.js';
import { pluralExamples } from './plurals.js';
import { flatUnits, isPluralGroup, type StringItem, type StringUnit } from './units.js';

const place = (unit: StringUnit): Pick<Message, 'file' | 'line' | 'column' | 'unit'> => ({ file: unit.file, line: unit.line, column: unit.column, unit: unit.id });

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Length as a reader counts it: grapheme clusters of the text, codes left out. */
export function visibleLength(coded: CodedText): number {
  let n = 0;
  for (const _ of graphemes.segment(coded.text)) n += 1;
  return n;
}

/** Codes of the target against the unit's source. */
export function checkCodes(unit: StringUnit, target: CodedText, language: string): Message[] {
  return compareCodes(unit.source, target).map((p) => {
    const severity: Severity = p.problem === 'repeated' ? 'warning' : 'error';
    const reason =
      p.problem === 'missing' ? `${language} "${unit.name}": ${p.signature} of the source is missing from the translation`
      : p.problem === 'added' ? `${language} "${unit.name}": the translation has ${p.signature}, which the source does not have`
      : p.problem === 'repeated' ? `${language} "${unit.name}": ${p.signature} appears more often in the translation than in the source`
      : `${language} "${unit.name}": the tag ${p.signature} is not closed, or crosses another tag, in the translation`;
    const hint =
      p.problem === 'missing' ? 'copy the code from the source into the translation; it may move, but must stay exactly as written'
      : p.problem === 'added' ? 'remove it: the site only fills in the variables, keys and tags the source has'
      : p.problem === 'repeated' ? 'check that the value should really appear twice'
      : 'put the opening and closing tag around the words they mark, inside any tag that surrounds them';
    return { reason, ruleId: 'strings/inline-codes', source: 'strings-check', severity, ...place(unit), actual: p.signature, hint };
  });
}

/** A target against the unit's length limit. */
export function checkLength(unit: StringUnit, target: CodedText, language: string): Message[] {
  if (unit.maxLength === undefined) return [];
  const length = visibleLength(target);
  if (length <= unit.maxLength) return [];
  return [{
    reason: `${language} "${unit.name}": the translation has ${length} characters, more than the limit of ${unit.maxLength}`,
    ruleId: 'strings/max-length',
    source: 'strings-check',
    severity: 'error',
    ...place(unit),
    actual: String(length),
    expected: `at most ${unit.maxLength}`,
    hint: 'shorten it: the text must fit where the site shows it (variables and tags are not counted)',
  }];
}

/**
 * Plural groups translated in part: each form without a translation is a message, when at
 * least one form of the group has one (a group not translated at all is simply untranslated).
 */
export function checkPluralForms(items: readonly StringItem[], translations: ReadonlyMap<string, string>, language: string): Message[] {
  const messages: Message[] = [];
  for (const item of items) {
    if (!isPluralGroup(item)) continue;
    const missing = item.units.filter((u) => !translations.has(u.name));
    if (missing.length === 0 || missing.length === item.units.length) continue;
    for (const unit of missing) {
      const category = unit.plural?.category ?? 'other';
      const examples = pluralExamples(language, category, unit.plural?.type);
      messages.push({
        reason: `${language} "${item.name}": the plural form "${category}" (${examples.join(', ')}…) has no translation, while other forms do`,
        ruleId: 'strings/plural-missing',
        source: 'strings-check',
        severity: 'error',
        ...place(unit),
        expected: unit.name,
        hint: `translate "${unit.name}" too: ${language} needs ${item.units.map((u) => `"${u.plural?.category}"`).join(', ')} for this key`,
      });
    }
  }
  return messages;
}

/**
 * Every check of one language's translations (by unit name, as raw values with markup):
 * codes and length per translated unit, then plural completeness.
 */
export function checkTranslations(items: readonly StringItem[], translations: ReadonlyMap<string, string>, language: string, syntax: CodeSyntax): Message[] {
  const messages: Message[] = [];
  for (const unit of flatUnits(items)) {
    const value = translations.get(unit.name);
    if (value === undefined) continue;
    const target = parseCodes(value, syntax);
    messages.push(...checkCodes(unit, target, language), ...checkLength(unit, target, language));
  }
  messages.push(...checkPluralForms(items, translations, language));
  return messages;
}
