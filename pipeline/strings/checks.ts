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
import { compareCodes, parseCodes, type CodedText, type CodeProblem, type CodeSyntax } from './codes.js';
import { pluralExamples, type PluralCategory, type PluralType } from './plurals.js';
import { flatUnits, isPluralGroup, type StringItem, type StringUnit } from './units.js';

const place = (unit: StringUnit): Pick<Message, 'file' | 'line' | 'column' | 'unit'> => ({ file: unit.file, line: unit.line, column: unit.column, unit: unit.id });

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Length as a reader counts it: grapheme clusters of the text, codes left out. */
export function visibleLength(coded: Pick<CodedText, 'text'>): number {
  let n = 0;
  for (const _ of graphemes.segment(coded.text)) n += 1;
  return n;
}

/** What a problem with a translation's codes is, in words (`name` is the key). */
export function describeCodeProblem(p: CodeProblem, name: string, language: string): { readonly reason: string; readonly hint: string; readonly severity: Severity } {
  const severity: Severity = p.problem === 'repeated' ? 'warning' : 'error';
  const reason =
    p.problem === 'missing' ? `${language} "${name}": ${p.signature} of the source is missing from the translation`
    : p.problem === 'added' ? `${language} "${name}": the translation has ${p.signature}, which the source does not have`
    : p.problem === 'repeated' ? `${language} "${name}": ${p.signature} appears more often in the translation than in the source`
    : `${language} "${name}": the tag ${p.signature} is not closed, or crosses another tag, in the translation`;
  const hint =
    p.problem === 'missing' ? 'copy the code from the source into the translation; it may move, but must stay exactly as written'
    : p.problem === 'added' ? 'remove it: the site only fills in the variables, keys and tags the source has'
    : p.problem === 'repeated' ? 'check that the value should really appear twice'
    : 'put the opening and closing tag around the words they mark, inside any tag that surrounds them';
  return { reason, hint, severity };
}

/** Codes of the target against the unit's source. */
export function checkCodes(unit: StringUnit, target: CodedText, language: string): Message[] {
  return compareCodes(unit.source, target).map((p) => {
    const { reason, hint, severity } = describeCodeProblem(p, unit.name, language);
    return { reason, ruleId: 'strings/inline-codes', source: 'strings-check', severity, ...place(unit), actual: p.signature, hint };
  });
}

/** What a translation over its length limit is, in words; undefined when it fits. */
export function describeLength(name: string, maxLength: number | undefined, target: Pick<CodedText, 'text'>, language: string): { readonly reason: string; readonly hint: string; readonly actual: string; readonly expected: string } | undefined {
  if (maxLength === undefined) return undefined;
  const length = visibleLength(target);
  if (length <= maxLength) return undefined;
  return {
    reason: `${language} "${name}": the translation has ${length} characters, more than the limit of ${maxLength}`,
    actual: String(length),
    expected: `at most ${maxLength}`,
    hint: 'shorten it: the text must fit where the site shows it (variables and tags are not counted)',
  };
}

/** A target against the unit's length limit. */
export function checkLength(unit: StringUnit, target: CodedText, language: string): Message[] {
  const found = describeLength(unit.name, unit.maxLength, target, language);
  if (found === undefined) return [];
  return [{ ...found, ruleId: 'strings/max-length', source: 'strings-check', severity: 'error', ...place(unit) }];
}

/** What a missing form of a plural key translated in part is, in words. */
export function describeMissingForm(
  group: { readonly name: string; readonly forms: readonly string[] },
  form: { readonly name: string; readonly category: PluralCategory; readonly type: PluralType | undefined },
  language: string,
): { readonly reason: string; readonly hint: string; readonly expected: string } {
  const examples = pluralExamples(language, form.category, form.type);
  return {
    reason: `${language} "${group.name}": the plural form "${form.category}" (${examples.join(', ')}…) has no translation, while other forms do`,
    expected: form.name,
    hint: `translate "${form.name}" too: ${language} needs ${group.forms.map((f) => `"${f}"`).join(', ')} for this key`,
  };
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
      const described = describeMissingForm(
        { name: item.name, forms: item.units.map((u) => u.plural?.category ?? 'other') },
        { name: unit.name, category: unit.plural?.category ?? 'other', type: unit.plural?.type },
        language,
      );
      messages.push({ ...described, ruleId: 'strings/plural-missing', source: 'strings-check', severity: 'error', ...place(unit) });
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
