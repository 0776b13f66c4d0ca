/**
 * The pseudo-translator: which tags are pseudo-locales, and what accent mode keeps and changes.
 */
import { describe, expect, it } from 'vitest';
import type { InlineCode, Span } from '../../pipeline/model.js';
import { EXPANSION, isPseudoLocale, pseudoTranslate } from '../../pipeline/pseudo/index.js';

describe('pseudo-locales', () => {
  it('are the tags reserved for pseudo-localization, and no real language', () => {
    for (const tag of ['en-XA', 'en-XB', 'ar-XB', 'qps-ploc', 'qps-plocm', 'qps', 'EN-xa']) expect(isPseudoLocale(tag), tag).toBe(true);
    for (const tag of ['en', 'de', 'en-US', 'fr-CA', 'xa', 'en-XC', 'qpsx', 'en-XAB']) expect(isPseudoLocale(tag), tag).toBe(false);
  });
});

describe('pseudoTranslate', () => {
  const bold = (kind: 'open' | 'close', at: number): InlineCode => ({ id: '1', kind, type: 'bold', data: '**', at });

  it('in identity mode gives the source back, codes included', () => {
    const content = { text: 'Das ist wichtig.', codes: [bold('open', 8), bold('close', 15)] };
    expect(pseudoTranslate(content, 'identity')).toEqual(content);
  });

  it('in accent mode accents every letter, brackets the sentence and makes it about 30 % longer, the final mark last', () => {
    const source = 'Die Regierung lädt heute zum Treffen in Berlin ein.';
    const { text } = pseudoTranslate({ text: source, codes: [] }, 'accent');
    expect(text.startsWith('[Ðîé Ŕéĝîéŕûñĝ ļäðţ ĥéûţé')).toBe(true);
    expect(text.endsWith('.]')).toBe(true);
    expect(text.length / source.length).toBeGreaterThanOrEqual(1 + EXPANSION - 0.05);
    expect(text.length / source.length).toBeLessThanOrEqual(1 + EXPANSION + 0.05);
    expect(/[a-zA-Z]/u.test(text.replace(/[^\p{L}]/gu, ''))).toBe(false);
  });

  it('keeps numbers, URLs, e-mail addresses, placeholders and do-not-translate terms as they are', () => {
    const source = 'Am 3.10.2024 kamen 12.500 Gäste von BMW zu https://example.org/a und info@example.org, {{name}} und %s.';
    const start = source.indexOf('BMW');
    const dnt: Span = { kind: 'term', start, end: start + 3, dnt: true };
    const { text } = pseudoTranslate({ text: source, codes: [] }, 'accent', [dnt]);
    for (const kept of ['3.10.2024', '12.500', 'BMW', 'https://example.org/a', 'info@example.org', '{{name}}', '%s']) expect(text, kept).toContain(kept);
  });

  it('moves codes with their characters, and keeps codes at the start and the end outside the brackets', () => {
    const content = { text: 'Das ist wichtig', codes: [bold('open', 8), bold('close', 15)] };
    const result = pseudoTranslate(content, 'accent');
    expect(result.text.slice(result.codes[0]!.at, result.codes[0]!.at + 7)).toBe('ŵîçĥţîĝ');
    expect(result.codes[1]!.at).toBe(result.text.length);
    const around = pseudoTranslate({ text: 'Wichtig', codes: [bold('open', 0), bold('close', 7)] }, 'accent');
    expect(around.codes.map((c) => c.at)).toEqual([0, around.text.length]);
    expect(around.text).toBe('[Ŵîçĥţîĝ]');
    expect(result.codes.map((c) => [c.kind, c.id])).toEqual([['open', '1'], ['close', '1']]);
  });
});
