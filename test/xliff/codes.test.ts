/**
 * Inline codes of the model through XLIFF: segmentation cuts pairs into isolated halves, the 1.2
 * and 2.1 writers emit them (valid against the official schemas), the readers map a translator's
 * codes back to the model by id, and qa/inline-codes sees what a target lost.
 */
import { describe, expect, it } from 'vitest';
import { segmentIdBase } from '../../pipeline/ids.js';
import { segmentsOf, type Document, type InlineCode } from '../../pipeline/model.js';
import { runChecks } from '../../pipeline/qa/index.js';
import { createSegmenter } from '../../pipeline/segment/engine.js';
import { segmentDocument } from '../../pipeline/segment/stage.js';
import { exportXliff, matchTranslations, readXliff, type ExportOptions } from '../../pipeline/xliff/index.js';
import { taggedFormat } from '../helpers/tagged-format.js';
import { schemasAvailable, SKIP_REASON, validateXliff } from '../helpers/xliff-schema.js';

const SOURCE = 'Kurz\n<i>Das ist <b>wichtig</b>. Der <a href="https://x">Link</a> führt<img src="a.png"/> weiter.</i>\n';

function taggedDocument(text = SOURCE): Document {
  const { document } = taggedFormat.read({ text, path: 'source/t.tagged', name: 't', language: 'de' });
  segmentDocument(createSegmenter({ language: 'de' }))(document);
  return document;
}

const options = (version: '1.2' | '2.1'): ExportOptions => ({ version, sourceLanguage: 'de', targetLanguage: 'en', original: 'source/t.tagged', datatype: 'x-tagged' });
const brief = (codes: readonly InlineCode[]): string[] => codes.map((c) => `${c.kind}:${c.type}#${c.id}@${c.at}`);

describe('segmenting content with inline codes', () => {
  it('segments the text without markup, gives each code to its sentence, and cuts a pair into isolated halves', () => {
    const doc = taggedDocument();
    const [title, first, second] = segmentsOf(doc);
    expect([first!.text, second!.text]).toEqual(['Das ist wichtig.', 'Der Link führt weiter.']);
    expect(brief(first!.codes)).toEqual(['open:i#1@0', 'open:b#2@8', 'close:b#2@15']);
    expect(brief(second!.codes)).toEqual(['open:a#3@4', 'close:a#3@8', 'standalone:img#4@14', 'close:i#1@22']);
    // Source ranges include the markup of codes inside the sentence.
    expect(doc.text.slice(first!.start, first!.end)).toBe('Das ist <b>wichtig</b>.');
    // A sentence without codes keeps the id of its text alone; codes are part of the others' ids.
    expect(title!.id).toBe(segmentIdBase('Kurz'));
    expect(first!.id).not.toBe(segmentIdBase('Das ist wichtig.'));
    expect(first!.id).toBe(segmentIdBase('Das ist wichtig.', first!.codes));
  });

  it('keeps a code between sentences in the gap, one at a sentence\'s end with the sentence, and reassembly gives back the source byte for byte', () => {
    const source = 'Titel\nErster Satz. <br/> Zweiter Satz.<hr/>\n';
    const doc = taggedDocument(source);
    const block = doc.blocks[1]!;
    expect(block.segments.map((s) => brief(s.codes))).toEqual([[], ['standalone:hr#2@13']]);
    expect(block.gaps?.map((g) => [g.text, brief(g.codes)])).toEqual([['', []], ['  ', ['standalone:br#1@1']], ['', []]]);
    expect(taggedFormat.write(doc, new Map(), { language: 'en' })).toEqual([{ name: 't.tagged', content: source }]);
    expect(taggedFormat.write(taggedDocument(), new Map(), { language: 'en' })[0]!.content).toBe(SOURCE);
  });
});

describe('XLIFF 1.2 with inline codes', () => {
  it('writes pairs as <bpt>/<ept>, standalone codes as <ph>, cut halves as <it>, the markup escaped inside', () => {
    const { xliff } = exportXliff(taggedDocument(), undefined, undefined, options('1.2'));
    expect(xliff).toContain('datatype="x-tagged"');
    expect(xliff).toContain('<source xml:space="preserve"><it id="1" pos="open" ctype="x-i">&lt;i&gt;</it>Das ist <bpt id="2" ctype="x-b">&lt;b&gt;</bpt>wichtig<ept id="2">&lt;/b&gt;</ept>.</source>');
    expect(xliff).toContain(
      '<source xml:space="preserve">Der <bpt id="3" ctype="x-a">&lt;a href="https://x"&gt;</bpt>Link<ept id="3">&lt;/a&gt;</ept> führt<ph id="4" ctype="x-img">&lt;img src="a.png"/&gt;</ph> weiter.<it id="1" pos="close" ctype="x-i">&lt;/i&gt;</it></source>',
    );
  });

  it.skipIf(!schemasAvailable)('is valid against the XLIFF 1.2 strict schema', async () => {
    const { xliff } = exportXliff(taggedDocument(), undefined, undefined, options('1.2'));
    expect((await validateXliff(xliff, '1.2')).errors).toEqual([]);
  });
  if (!schemasAvailable) it.skip(SKIP_REASON, () => undefined);

  it('maps a translator\'s codes back to the model by id, with the source\'s type and markup', () => {
    const doc = taggedDocument();
    const [, first, second] = segmentsOf(doc);
    const { xliff } = exportXliff(doc, undefined, undefined, options('1.2'));
    // The translator moves the codes with the words; a tool may write the pair as <g>.
    const translated = xliff
      .replace('wichtig<ept id="2">&lt;/b&gt;</ept>.</source>', 'wichtig<ept id="2">&lt;/b&gt;</ept>.</source><target state="translated"><it id="1" pos="open">&lt;i&gt;</it>This is <g id="2">important</g>.</target>')
      .replace('weiter.<it id="1" pos="close" ctype="x-i">&lt;/i&gt;</it></source>', 'weiter.<it id="1" pos="close" ctype="x-i">&lt;/i&gt;</it></source><target state="translated">The <bpt id="3">&lt;a&gt;</bpt>link<ept id="3">&lt;/a&gt;</ept> leads<x id="4"/> on.<it id="1" pos="close">&lt;/i&gt;</it></target>');
    const { bySegment } = matchTranslations(doc, readXliff(new TextEncoder().encode(translated), 'en.xlf'), { sourceLanguage: 'de', targetLanguage: 'en' });
    const one = bySegment.get(first!.id)!;
    expect(one.target?.text).toBe('This is important.');
    expect(brief(one.target!.codes)).toEqual(['open:i#1@0', 'open:b#2@8', 'close:b#2@17']);
    expect(one.target!.codes.map((c) => c.data)).toEqual(['<i>', '<b>', '</b>']);
    expect(one.source.codes).toEqual(first!.codes);
    const two = bySegment.get(second!.id)!;
    expect(brief(two.target!.codes)).toEqual(['open:a#3@4', 'close:a#3@8', 'standalone:img#4@14', 'close:i#1@18']);
    expect(two.target!.codes[0]!.data).toBe('<a href="https://x">');
    expect(runChecks({ doc, language: 'en', sourceLanguage: 'de', file: 'en.xlf', targets: bySegment }).filter((m) => m.ruleId === 'qa/inline-codes')).toEqual([]);
  });

  it('reports a target that loses, adds or breaks a code (qa/inline-codes)', () => {
    const doc = taggedDocument();
    const { xliff } = exportXliff(doc, undefined, undefined, options('1.2'));
    const withTarget = (target: string): string[] => {
      const file = xliff.replace('wichtig<ept id="2">&lt;/b&gt;</ept>.</source>', `wichtig<ept id="2">&lt;/b&gt;</ept>.</source><target state="translated">${target}</target>`);
      const { bySegment } = matchTranslations(doc, readXliff(new TextEncoder().encode(file), 'en.xlf'), { sourceLanguage: 'de', targetLanguage: 'en' });
      return runChecks({ doc, language: 'en', sourceLanguage: 'de', file: 'en.xlf', targets: bySegment })
        .filter((m) => m.ruleId === 'qa/inline-codes')
        .map((m) => m.reason);
    };
    expect(withTarget('<it id="1" pos="open">&lt;i&gt;</it>This is <bpt id="2">&lt;b&gt;</bpt>important.')).toEqual(['inline code(s) missing from the target: b#2:close']);
    expect(withTarget('<it id="1" pos="open">&lt;i&gt;</it>This is <bpt id="2">&lt;b&gt;</bpt>important<ept id="2">&lt;/b&gt;</ept>.<x id="9"/>')).toEqual([
      'inline code(s) in the target that the source does not have: x#9',
    ]);
    expect(withTarget('<it id="1" pos="open">&lt;i&gt;</it>This is <ept id="2">&lt;/b&gt;</ept>important<bpt id="2">&lt;b&gt;</bpt>.')).toEqual([
      'a paired code closes before it opens in the target: b#2:close',
    ]);
  });
});

describe('XLIFF 2.1 with inline codes', () => {
  it('writes pairs as <sc>/<ec> (across the sentences of a unit too), standalone codes as <ph>, the markup in <originalData>', () => {
    const { xliff } = exportXliff(taggedDocument(), undefined, undefined, options('2.1'));
    expect(xliff).toContain('<originalData>');
    expect(xliff).toContain('<data id="d1">&lt;i&gt;</data>');
    expect(xliff).toContain('<data id="d6">&lt;img src="a.png"/&gt;</data>');
    expect(xliff).toContain('<source xml:space="preserve"><sc id="1" dataRef="d1" type="other" subType="l10n:i"/>Das ist <sc id="2" dataRef="d2" type="other" subType="l10n:b"/>wichtig<ec startRef="2" dataRef="d3" type="other" subType="l10n:b"/>.</source>');
    expect(xliff).toContain('<ph id="4" dataRef="d6" type="other" subType="l10n:img"/> weiter.<ec startRef="1" dataRef="d7" type="other" subType="l10n:i"/></source>');
  });

  it.skipIf(!schemasAvailable)('is valid against the XLIFF 2.1 schemas', async () => {
    const { xliff } = exportXliff(taggedDocument(), undefined, undefined, options('2.1'));
    expect((await validateXliff(xliff, '2.1')).errors).toEqual([]);
  });

  it('maps a translator\'s codes back to the model by id', () => {
    const doc = taggedDocument();
    const [, first] = segmentsOf(doc);
    const { xliff } = exportXliff(doc, undefined, undefined, options('2.1'));
    const translated = xliff.replace(
      'wichtig<ec startRef="2" dataRef="d3" type="other" subType="l10n:b"/>.</source>',
      'wichtig<ec startRef="2" dataRef="d3" type="other" subType="l10n:b"/>.</source><target><sc id="1" dataRef="d1"/>This is <pc id="2" dataRefStart="d2" dataRefEnd="d3">important</pc>.</target>',
    ).replace(`<segment id="${first!.id}" state="initial">`, `<segment id="${first!.id}" state="translated">`);
    const { bySegment } = matchTranslations(doc, readXliff(new TextEncoder().encode(translated), 'en.xlf'), { sourceLanguage: 'de', targetLanguage: 'en' });
    const target = bySegment.get(first!.id)!.target!;
    expect(brief(target.codes)).toEqual(['open:i#1@0', 'open:b#2@8', 'close:b#2@17']);
    expect(target.codes.map((c) => c.data)).toEqual(['<i>', '<b>', '</b>']);
  });
});
