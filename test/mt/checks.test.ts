import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../pipeline/mt/checks.js';
import { DEFAULT_CHECKS } from '../../pipeline/mt/options.js';
import { seg } from './helpers.js';

const en = { sourceLanguage: 'de', targetLanguage: 'en' };
const kreml = { source: 'Kreml', targets: ['Kremlin'], forbidden: ['Kreml'] };
const lawrow = { source: 'Lawrow', targets: ['Lavrov'], forbidden: ['Lawrow'] };

describe('checking a machine target before it is accepted', () => {
  it('accepts an answer with its codes in place and the approved terms', () => {
    const segment = seg('s1', 'Der <1>Kreml</1> und Lawrow sagten<2/>.', [kreml, lawrow]);
    const checked = checkAnswer(segment, 'The <g id="1">Kremlin</g> and Lavrov said<x id="2"/>.', en, DEFAULT_CHECKS);
    expect(checked).toEqual({
      ok: true,
      target: { text: 'The Kremlin and Lavrov said.', codes: [{ id: '1', kind: 'open', at: 4 }, { id: '1', kind: 'close', at: 11 }, { id: '2', kind: 'standalone', at: 27 }] },
      findings: [],
    });
  });

  it('rejects an answer that lost a code, whatever the settings', () => {
    const segment = seg('s1', 'Der <1>Kreml</1> sagte.', [kreml]);
    const off = Object.fromEntries(Object.keys(DEFAULT_CHECKS).map((k) => [k, 'off'])) as typeof DEFAULT_CHECKS;
    const checked = checkAnswer(segment, 'The Kremlin said.', en, off);
    expect(checked).toMatchObject({ ok: false, reasons: [{ ruleId: 'mt/inline-codes', unit: 's1', reason: 'inline code(s) missing from the answer: open 1, close 1' }] });
  });

  it('rejects a term left in German ("Kreml") once, as the forbidden rendering', () => {
    const segment = seg('s1', 'Der Kreml sagte.', [kreml]);
    const checked = checkAnswer(segment, 'The Kreml said.', en, DEFAULT_CHECKS);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.reasons.map((r) => r.ruleId)).toEqual(['qa/forbidden-term']);
  });

  it('rejects a misspelt name that is not the approved target ("Lawrov")', () => {
    const segment = seg('s1', 'Lawrow sagte.', [lawrow]);
    const checked = checkAnswer(segment, 'Lawrov said.', en, DEFAULT_CHECKS);
    expect(checked.ok ? [] : checked.reasons.map((r) => r.ruleId)).toEqual(['qa/terminology']);
  });

  it('keeps the answer with the finding when the check is set to flag', () => {
    const segment = seg('s1', 'Lawrow sagte.', [lawrow]);
    const checked = checkAnswer(segment, 'Lawrov said.', en, { ...DEFAULT_CHECKS, 'qa/terminology': 'flag' });
    expect(checked).toMatchObject({ ok: true, target: { text: 'Lawrov said.' }, findings: [{ ruleId: 'qa/terminology', severity: 'warning', unit: 's1' }] });
  });

  it('rejects a number that changed and a do-not-translate name that did', () => {
    expect(checkAnswer(seg('s1', 'Es kamen 1.000 Menschen.'), 'There were 1.000 people.', en, DEFAULT_CHECKS)).toMatchObject({ ok: false, reasons: [{ ruleId: 'qa/numbers' }] });
    expect(checkAnswer(seg('s1', 'Es kamen 1.000 Menschen.'), '1,000 people came.', en, DEFAULT_CHECKS).ok).toBe(true);
    const agency = { source: 'Interfax', targets: [], dnt: true };
    expect(checkAnswer(seg('s1', 'Interfax meldete.', [agency]), 'Interfaks reported.', en, DEFAULT_CHECKS)).toMatchObject({ ok: false, reasons: [{ ruleId: 'qa/dnt' }] });
  });

  it('rejects an empty answer and reordered codes by default', () => {
    expect(checkAnswer(seg('s1', 'Ja<1/>.'), '<x id="1"/>.', en, DEFAULT_CHECKS)).toMatchObject({ ok: false, reasons: [{ ruleId: 'qa/empty' }] });
    const two = seg('s1', '<1>Eins</1> und <2>zwei</2>.');
    expect(checkAnswer(two, '<g id="2">Two</g> and <g id="1">one</g>.', en, DEFAULT_CHECKS)).toMatchObject({ ok: false, reasons: [{ ruleId: 'qa/inline-codes' }] });
    expect(checkAnswer(two, '<g id="2">Two</g> and <g id="1">one</g>.', en, { ...DEFAULT_CHECKS, 'qa/inline-codes': 'flag' }).ok).toBe(true);
  });
});
