import { describe, expect, it } from 'vitest';
import { RegexTranslationError, translateJavaRegex } from '../../pipeline/segment/java-regex.js';

/** JavaScript RegExp for a Java pattern. */
const js = (pattern: string): RegExp => new RegExp(translateJavaRegex(pattern).source, 'u');

describe('translateJavaRegex', () => {
  it('quotes \\Q…\\E literally', () => {
    expect(js('\\Qa.b*\\E!').test('a.b*!')).toBe(true);
    expect(js('^\\Qa.b\\E$').test('axb')).toBe(false);
  });

  it('translates Unicode categories and Java property spellings', () => {
    expect(js('\\p{Lu}').test('Ä')).toBe(true);
    expect(js('\\p{IsLu}').test('ä')).toBe(false);
    expect(js('\\pL').test('ß')).toBe(true);
    expect(js('\\p{javaLowerCase}').test('ü')).toBe(true);
    expect(js('\\p{javaUpperCase}').test('ü')).toBe(false);
    expect(js('\\p{IsAlphabetic}').test('é')).toBe(true);
    expect(js('\\p{IsLatin}').test('ö')).toBe(true);
    expect(js('\\p{sc=Cyrillic}').test('ж')).toBe(true);
    expect(js('\\P{Lu}').test('a')).toBe(true);
    expect(js('[\\p{Lu}\\d]').test('7')).toBe(true);
    expect(js('\\p{javaLetterOrDigit}').test('5')).toBe(true);
  });

  it('keeps POSIX classes ASCII as Java does', () => {
    expect(js('^\\p{Lower}$').test('a')).toBe(true);
    expect(js('^\\p{Lower}$').test('ä')).toBe(false);
    expect(js('^\\p{Punct}$').test('!')).toBe(true);
    expect(js('^[^\\p{Upper}]$').test('A')).toBe(false);
  });

  it("keeps Java's ASCII \\s, so a no-break space is not whitespace", () => {
    expect(js('\\s').test('\u00a0')).toBe(false);
    expect(js('\\s').test('\t')).toBe(true);
    expect(js('^[\\S]$').test('\u00a0')).toBe(true);
    expect(js('\\h').test('\u00a0')).toBe(true);
  });

  it('makes \\b Unicode-aware like Java', () => {
    expect(js('\\bÜber').test('Ein Über')).toBe(true);
    expect(js('Bä\\b').test('Bär')).toBe(false);
  });

  it('translates inline flags, scoped and unscoped', () => {
    expect(js('(?i)dr\\.').test('DR.')).toBe(true);
    expect(js('a(?i:b)c').test('aBc')).toBe(true);
    expect(js('a(?i:b)c').test('aBC')).toBe(false);
    expect(js('(?i)ä').test('Ä')).toBe(false);
    expect(js('(?iu)ä').test('Ä')).toBe(true);
    expect(js('(?i)[a-c]').test('B')).toBe(true);
    expect(js('(?x) a b # comment').test('ab')).toBe(true);
    expect(js('(?s)a.b').test('a\nb')).toBe(true);
    expect(js('a.b').test('a\nb')).toBe(false);
  });

  it('translates escapes JavaScript spells differently', () => {
    expect(js('\\x{41}').test('A')).toBe(true);
    expect(js('\\0101').test('A')).toBe(true);
    expect(js('\\e').test('\u001b')).toBe(true);
    expect(js('\\v').test('\n')).toBe(true);
    expect(js('^\\R$').test('\r\n')).toBe(true);
    expect(js('\\u00e4').test('ä')).toBe(true);
    expect(js('a\\z').test('a\n')).toBe(false);
    expect(js('a$').test('a\n')).toBe(true);
    expect(js('\\@\\"').test('@"')).toBe(true);
    expect(js('[]a]').test(']')).toBe(true);
    expect(js('[a[bc]]').test('c')).toBe(true);
  });

  it('shifts numbered back references by the group offset', () => {
    const { source, groups } = translateJavaRegex('(a)\\1', { groupOffset: 2 });
    expect(groups).toBe(1);
    expect(source).toContain('\\3');
  });

  it('reports whether a pattern uses back references', () => {
    expect(translateJavaRegex('(a)\\1').backReferences).toBe(true);
    expect(translateJavaRegex('(?<x>a)\\k<x>').backReferences).toBe(true);
    expect(translateJavaRegex('(a)b\\.').backReferences).toBe(false);
  });

  it.each([
    ['a*+', 'Possessive quantifier'],
    ['a{2}+', 'Possessive quantifier'],
    ['(?>ab)', 'Atomic group'],
    ['[a-z&&[^aeiou]]', 'intersection'],
    ['\\p{InGreek}', 'blocks'],
    ['\\G', '\\G'],
    ['\\X', '\\X'],
    ['[a[^b]]', 'Negated nested class'],
    ['\\y', 'Unknown escape'],
    ['a)', 'Unmatched'],
    ['[abc', 'Unclosed character class'],
    ['*a', 'Dangling quantifier'],
  ])('refuses %s', (pattern, message) => {
    expect(() => translateJavaRegex(pattern)).toThrow(RegexTranslationError);
    expect(() => translateJavaRegex(pattern)).toThrow(message);
  });
});
