import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import { createSegmenter, type SegmenterOptions } from '../../pipeline/segment/engine.js';

const texts = (text: string, options: SegmenterOptions = { language: 'de' }): string[] =>
  createSegmenter(options)
    .split(text)
    .map((r) => text.slice(r.start, r.end));

function writeSrx(body: string, maps = '<languagemap languagepattern=".*" languagerulename="Test"/>', cascade = 'no'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'srx-'));
  const file = path.join(dir, 'custom.srx');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<srx version="2.0"><header cascade="${cascade}"/><body><languagerules>${body}</languagerules><maprules>${maps}</maprules></body></srx>`,
  );
  return file;
}

describe('createSegmenter options', () => {
  it.each([
    [null, 'Expected segmenter options to be an object, got null'],
    [{}, 'Expected `language` to be a BCP 47 language tag'],
    [{ language: 42 }, 'got 42 (number)'],
    [{ language: 'deutsch sprache' }, 'got "deutsch sprache" (string)'],
    [{ language: 'de', srxPath: 'rules/de.srx' }, 'Expected `srxPath` to be an absolute path'],
    [{ language: 'de', abbreviations: 'Abg' }, 'Expected `abbreviations` to be an array of strings, got "Abg"'],
    [{ language: 'de', abbreviations: ['Abg.'] }, 'without the final full stop (e.g. "Abg"), got "Abg." (string)'],
    [{ language: 'de', abbreviations: [''] }, 'Expected `abbreviations[0]`'],
    [{ language: 'de', abbreviations: ['Oblt', 'a b'] }, 'Expected `abbreviations[1]`'],
  ])('rejects %j', (options, message) => {
    expect(() => createSegmenter(options as unknown as SegmenterOptions)).toThrow(TypeError);
    expect(() => createSegmenter(options as unknown as SegmenterOptions)).toThrow(message);
  });

  it('reports a missing SRX file as an InputError', () => {
    expect(() => createSegmenter({ language: 'de', srxPath: path.join(tmpdir(), 'does-not-exist.srx') })).toThrow(InputError);
  });

  it('reports an SRX file with no rules for the language', () => {
    const file = writeSrx('<languagerule languagerulename="Test"><rule><beforebreak>\\.</beforebreak></rule></languagerule>', '<languagemap languagepattern="fr.*" languagerulename="Test"/>');
    expect(() => createSegmenter({ language: 'de', srxPath: file })).toThrow(/No language rules .* "de"/u);
  });
});

describe('abbreviations from options', () => {
  it('never ends a sentence after an extra abbreviation', () => {
    const text = 'Er sprach mit Oblt. Meier. Dann ging er.';
    expect(texts(text)).toEqual(['Er sprach mit Oblt.', 'Meier.', 'Dann ging er.']);
    expect(texts(text, { language: 'de', abbreviations: ['Oblt'] })).toEqual(['Er sprach mit Oblt. Meier.', 'Dann ging er.']);
  });

  it('matches whole words only and quotes regex characters', () => {
    expect(texts('Er traf XOblt. Meier.', { language: 'de', abbreviations: ['Oblt'] })).toEqual(['Er traf XOblt.', 'Meier.']);
    expect(texts('Das kostet a+b. Mehr nicht.', { language: 'de', abbreviations: ['a+b'] })).toEqual(['Das kostet a+b. Mehr nicht.']);
  });
});

describe('custom SRX files', () => {
  it('segments with the rules of the given file, first rule winning', () => {
    const file = writeSrx(`<languagerule languagerulename="Test">
      <rule break="no"><beforebreak>\\bNo\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      <rule break="yes"><beforebreak>[.;]</beforebreak><afterbreak>\\s</afterbreak></rule>
    </languagerule>`);
    expect(texts('One; two. No. three.', { language: 'en', srxPath: file })).toEqual(['One;', 'two.', 'No. three.']);
  });

  it('keeps first-match order across runs of rules of one kind, also with a rule that refers back to a group', () => {
    // Rules 1-2 (no break) and 4-5 (break) are tested as runs; rule 3 refers back to a group of its
    // own <afterbreak> and is tested alone. The first rule that applies decides, as in SRX.
    const file = writeSrx(`<languagerule languagerulename="Test">
      <rule break="no"><beforebreak>\\bNo\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      <rule break="no"><beforebreak>\\bVol\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      <rule break="no"><beforebreak>\\.</beforebreak><afterbreak>\\s(\\w)\\1</afterbreak></rule>
      <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>
      <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
    </languagerule>`);
    expect(texts('See No. 5; Vol. 2. Top. Pop. oops. ok', { language: 'en', srxPath: file })).toEqual(['See No. 5;', 'Vol. 2.', 'Top.', 'Pop. oops.', 'ok']);
  });

  it('cascades through every matching language rule', () => {
    const file = writeSrx(
      `<languagerule languagerulename="Keep"><rule break="no"><beforebreak>x\\.</beforebreak><afterbreak></afterbreak></rule></languagerule>
       <languagerule languagerulename="Test"><rule><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>`,
      '<languagemap languagepattern="de.*" languagerulename="Keep"/><languagemap languagepattern=".*" languagerulename="Test"/>',
      'yes',
    );
    expect(texts('a x. b. c', { language: 'de', srxPath: file })).toEqual(['a x. b.', 'c']);
    expect(texts('a x. b. c', { language: 'en', srxPath: file })).toEqual(['a x.', 'b.', 'c']);
  });

  it('breaks where a shorter match of a break rule is followed by its afterbreak, as Java does', () => {
    // From index 0 the regex engine prefers "aa" (the longest "a+" followed by "a"); Java's SRX engines
    // test every position, so the break after the first "a" must be found too.
    const file = writeSrx('<languagerule languagerulename="Test"><rule><beforebreak>a+</beforebreak><afterbreak>a</afterbreak></rule></languagerule>');
    expect(texts('aaab', { language: 'en', srxPath: file })).toEqual(['a', 'a', 'ab']);
  });

  it('lets an earlier no-break rule win at a position found through a shorter match', () => {
    const file = writeSrx(`<languagerule languagerulename="Test">
      <rule break="no"><beforebreak>^a</beforebreak><afterbreak></afterbreak></rule>
      <rule><beforebreak>a+</beforebreak><afterbreak>a</afterbreak></rule>
    </languagerule>`);
    expect(texts('aaab', { language: 'en', srxPath: file })).toEqual(['aa', 'ab']);
  });

  it('refuses a back reference inside beforebreak, naming the rule', () => {
    const file = writeSrx('<languagerule languagerulename="Test"><rule break="no"><beforebreak>(\\w)\\1\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>');
    let error: unknown;
    try {
      createSegmenter({ language: 'en', srxPath: file });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).detail).toMatchObject({ ruleId: 'segment/srx-unsupported-regex', line: 2 });
    expect((error as InputError).detail.reason).toContain('back reference inside <beforebreak>');
  });

  it('finds overlapping candidates of one break rule', () => {
    const file = writeSrx('<languagerule languagerulename="Test"><rule><beforebreak>\\w+[.]</beforebreak><afterbreak></afterbreak></rule></languagerule>');
    expect(texts('ab.cd.', { language: 'en', srxPath: file })).toEqual(['ab.', 'cd.']);
  });
});

describe('split', () => {
  const segmenter = createSegmenter({ language: 'de' });

  it('returns nothing for empty or blank text', () => {
    expect(segmenter.split('')).toEqual([]);
    expect(segmenter.split(' \n ')).toEqual([]);
  });

  it('returns ordered, non-overlapping, trimmed ranges', () => {
    const text = '  Er kam.  Sie ging.\n\nEnde  ';
    const ranges = segmenter.split(text);
    expect(ranges).toEqual([
      { start: 2, end: 9 },
      { start: 11, end: 20 },
      { start: 22, end: 26 },
    ]);
  });

  it('keeps offsets right around characters outside the BMP', () => {
    const text = 'Das 😀 lacht. Dann 𝔸 kam.';
    expect(segmenter.split(text).map((r) => text.slice(r.start, r.end))).toEqual(['Das 😀 lacht.', 'Dann 𝔸 kam.']);
  });

  it('splits a long text of many sentences into exactly its sentences', () => {
    // Linear time is shown by the bench (time per MB at three sizes); here only the result counts.
    const paragraph = 'Der 1. FC Köln gewann am 3. Oktober mit 2:1. Dr. Meier war zufrieden. ';
    expect(segmenter.split(paragraph.repeat(16_000))).toHaveLength(32_000);
  });
});
