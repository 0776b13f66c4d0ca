import { describe, expect, it } from 'vitest';
import { createLeverage, FUZZY_THRESHOLD } from '../../pipeline/memory/leverage.js';
import { exportXliff, readXliff, type ExportOptions } from '../../pipeline/xliff/index.js';
import { fixtureDocument } from '../helpers/document.js';
import { schemasAvailable, validateXliff } from '../helpers/xliff-schema.js';

const memory = {
  sourceLanguage: 'de',
  targetLanguage: 'en',
  entries: [
    { source: 'Das Treffen fand in Peking statt.', target: 'The meeting took place in Beijing.', origin: 'project', state: 'reviewed' },
    { source: 'Kim sprach von „schwesterlicher Pflicht“.', target: 'Kim spoke of a “sisterly duty”.', origin: 'MemoQ', state: 'imported' },
    { source: 'Etwas ganz anderes.', target: 'Something else.', origin: 'project', state: 'final' },
  ],
};
const options = (version: '1.2' | '2.1'): ExportOptions => ({ version, sourceLanguage: 'de', targetLanguage: 'en', original: 'source/treffen.txt', leverage: createLeverage(memory) });

describe('leverage', () => {
  it("prefers the project's own entry as the exact match when one source has several targets", () => {
    const source = 'Das Treffen fand in Peking statt.';
    const find = createLeverage({
      sourceLanguage: 'de',
      targetLanguage: 'en',
      // Sorted as the memory stores them (by source, then target): the imported ones come first.
      entries: [
        { source, target: 'A meeting happened in Peking.', origin: 'MemoQ', state: 'imported' },
        { source, target: 'Meeting in Beijing.', origin: 'project', state: 'translated' },
        { source, target: 'The meeting took place in Beijing.', origin: 'project', state: 'final' },
        { source, target: 'Zzz imported.', origin: 'Trados', state: 'imported' },
      ],
    });
    expect(find(source)[0]).toMatchObject({ quality: 100, target: 'The meeting took place in Beijing.', origin: 'project' });
    const importedOnly = createLeverage({ sourceLanguage: 'de', targetLanguage: 'en', entries: [
      { source, target: 'B imported.', origin: 'MemoQ', state: 'imported' },
      { source, target: 'C imported.', origin: 'Trados', state: 'imported' },
    ] });
    // Among equals the memory's order decides, so the choice is stable from run to run.
    expect(importedOnly(source)[0]?.target).toBe('B imported.');
  });

  it('finds the exact match and fuzzy matches of at least 75%, best first', () => {
    const find = createLeverage(memory);
    expect(find('Das Treffen fand in Peking statt.')[0]).toMatchObject({ quality: 100, target: 'The meeting took place in Beijing.' });
    const fuzzy = find('Kim sprach von „brüderlicher Pflicht“.');
    expect(fuzzy).toHaveLength(1);
    expect(fuzzy[0]?.quality).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(fuzzy[0]?.quality).toBeLessThan(100);
    expect(find('Putin trifft Kim in Peking')).toEqual([]);
  });

  it('1.2: pre-fills an exact match as needs-review-translation with an alt-trans, offers fuzzy ones', () => {
    const result = exportXliff(fixtureDocument(), undefined, undefined, options('1.2'));
    expect(result.fromMemory).toBe(1);
    const units = readXliff(new TextEncoder().encode(result.xliff), 'f.xlf').units;
    const [title, exact, fuzzy] = units;
    expect(title?.target).toBeUndefined();
    expect(exact?.target?.text).toBe('The meeting took place in Beijing.');
    expect(exact?.rawState).toBe('needs-review-translation');
    expect(exact?.candidates).toMatchObject([{ quality: 100, origin: 'memory' }]);
    expect(fuzzy?.target).toBeUndefined();
    expect(fuzzy?.candidates).toMatchObject([{ origin: 'memory:MemoQ', source: 'Kim sprach von „schwesterlicher Pflicht“.' }]);
    expect(fuzzy?.candidates[0]?.quality).toBeGreaterThanOrEqual(75);
  });

  it('2.1: pre-fills as translated with subState l10n:needs-review and offers mtc:match with similarity', async () => {
    const { xliff } = exportXliff(fixtureDocument(), undefined, undefined, options('2.1'));
    expect(xliff).toMatch(/<segment id="[^"]+" state="translated" subState="l10n:needs-review">/u);
    expect(xliff).toMatch(/<mtc:match ref="#[^"]+" similarity="100" origin="memory" type="tm">/u);
    if (schemasAvailable) expect((await validateXliff(xliff, '2.1')).errors).toEqual([]);
  });

  it('never makes a pre-filled match final, never replaces a translator target, and a re-export changes nothing', async () => {
    const first = exportXliff(fixtureDocument(), undefined, undefined, options('1.2')).xliff;
    const again = exportXliff(fixtureDocument(), readXliff(new TextEncoder().encode(first), 'f.xlf'), undefined, options('1.2')).xliff;
    expect(again).toBe(first);
    expect(first).not.toMatch(/state="(final|signed-off|translated)"/u);
    const edited = first.replace('>The meeting took place in Beijing.</target>', '>The meeting was held in Beijing.</target>').replace('needs-review-translation', 'translated');
    const kept = exportXliff(fixtureDocument(), readXliff(new TextEncoder().encode(edited), 'f.xlf'), undefined, options('1.2')).xliff;
    expect(kept).toContain('<target state="translated" xml:space="preserve">The meeting was held in Beijing.</target>');
    if (schemasAvailable) expect((await validateXliff(first, '1.2')).errors).toEqual([]);
  });
});
