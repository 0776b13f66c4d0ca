import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../pipeline/mt/checks.js';
import { seg } from './helpers.js';

describe('checking the codes of a machine answer before it is accepted', () => {
  it('accepts an answer with its codes in place and returns its text and codes', () => {
    const segment = seg('s1', 'Der <1>Kreml</1> und Lawrow sagten<2/>.');
    expect(checkAnswer(segment, 'The <g id="1">Kremlin</g> and Lavrov said<x id="2"/>.')).toEqual({
      ok: true,
      target: { text: 'The Kremlin and Lavrov said.', codes: [{ id: '1', kind: 'open', at: 4 }, { id: '1', kind: 'close', at: 11 }, { id: '2', kind: 'standalone', at: 27 }] },
    });
  });

  it('rejects an answer that lost a code', () => {
    const checked = checkAnswer(seg('s1', 'Der <1>Kreml</1> sagte.'), 'The Kremlin said.');
    expect(checked).toMatchObject({ ok: false, reasons: [{ ruleId: 'mt/inline-codes', unit: 's1', reason: 'inline code(s) missing from the answer: open 1, close 1' }] });
  });

  it('rejects an answer that adds markup or repeats a code', () => {
    expect(checkAnswer(seg('s1', 'Ja<1/>.'), 'Yes<x id="1"/><b>!</b>.')).toMatchObject({ ok: false, reasons: [{ ruleId: 'mt/inline-codes' }, { ruleId: 'mt/inline-codes' }] });
    expect(checkAnswer(seg('s1', 'Ja<1/>.'), 'Yes<x id="1"/><x id="1"/>.')).toMatchObject({ ok: false, reasons: [{ reason: expect.stringContaining('that the source does not have (or has once): standalone 1') }] });
  });

  it('accepts codes in another order (word order moves formatting; the quality checks judge it)', () => {
    const two = seg('s1', '<1>Eins</1> und <2>zwei</2>.');
    expect(checkAnswer(two, '<g id="2">Two</g> and <g id="1">one</g>.').ok).toBe(true);
  });

  it('accepts a target that breaks the glossary: terms are the quality checks\' business, not the library\'s', () => {
    expect(checkAnswer(seg('s1', 'Der Kreml sagte.'), 'The Kreml said.').ok).toBe(true);
  });
});
