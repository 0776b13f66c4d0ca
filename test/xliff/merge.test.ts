import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../pipeline/model.js';
import { segmentsOf } from '../../pipeline/model.js';
import { entriesOf } from '../../pipeline/xliff/entries.js';
import { exportXliff, readXliff, type ExportOptions, type ParsedXliff } from '../../pipeline/xliff/index.js';
import { planMerge } from '../../pipeline/xliff/merge.js';
import { fixtureDocument, makeDocument } from '../helpers/document.js';
import { schemasAvailable, validateXliff } from '../helpers/xliff-schema.js';

const read = (xml: string): ParsedXliff => readXliff(new TextEncoder().encode(xml), 'f.xlf');

type Blocks = Array<['paragraph', string[]]>;

const SENTENCES = [
  'Putin traf Kim in Peking.',
  'Das Treffen dauerte anderthalb Stunden.',
  'Der Kreml bestritt eine Verschwörung.',
  'Trump äußerte sich enttäuscht.',
  'Lawrow und Belousow nahmen teil.',
  'Nordkorea liefert Munition.',
  'Die Parade fand am Mittwoch statt.',
  'Xi Jinping stand zwischen den beiden.',
];

/** Translates every untranslated unit of a 1.2 or 2.1 file ("EN " + source), the way a translator would. */
function translateAll(xml: string, version: '1.2' | '2.1'): string {
  if (version === '1.2') {
    return xml.replace(/(<source xml:space="preserve">)(.*?)(<\/source>)(?!\s*<target)/gsu, (_m, open: string, body: string, close: string) => `${open}${body}${close}<target state="translated">EN ${body.replace(/<[^>]+>/gu, '')}</target>`);
  }
  return xml.replace(/(<segment id="[^"]+") state="initial">(\s*<source xml:space="preserve">)(.*?)(<\/source>)(?!\s*<target)/gsu, (_m, seg: string, open: string, body: string, close: string) => `${seg} state="translated">${open}${body}${close}<target>EN ${body.replace(/<[^>]+>/gu, '')}</target>`);
}

/** Translations of a file by sentence text. */
function targetsBySource(parsed: ParsedXliff): Map<string, string | undefined> {
  const map = new Map<string, string | undefined>();
  for (const e of entriesOf(parsed)) if (map.get(e.source) === undefined) map.set(e.source, e.target?.text);
  return map;
}

const doc = (blocks: Blocks): Document => makeDocument(blocks, { name: 'article' });

describe.each(['1.2', '2.1'] as const)('merging (XLIFF %s)', (version) => {
  const options: ExportOptions = { version, sourceLanguage: 'de', targetLanguage: 'en', original: 'source/article.txt' };
  const first = doc([['paragraph', SENTENCES.slice(0, 3)], ['paragraph', SENTENCES.slice(3, 5)]]);
  const translated = read(translateAll(exportXliff(first, undefined, undefined, options).xliff, version));

  it('keeps target and state of unchanged sentences, and a second run changes nothing', () => {
    const again = exportXliff(first, translated, undefined, options);
    expect(again.stats).toEqual({ kept: 5, candidates: 0, added: 0, setAside: 0, restored: 0 });
    expect(exportXliff(first, read(again.xliff), undefined, options).xliff).toBe(again.xliff);
  });

  it('keeps translations when a sentence is inserted elsewhere', () => {
    const inserted = doc([['paragraph', [SENTENCES[0]!, SENTENCES[6]!, ...SENTENCES.slice(1, 3)]], ['paragraph', SENTENCES.slice(3, 5)]]);
    const result = exportXliff(inserted, translated, undefined, options);
    expect(result.stats).toEqual({ kept: 5, candidates: 0, added: 1, setAside: 0, restored: 0 });
  });

  it('offers the old translation of a changed sentence as a candidate, marked for review', () => {
    const changed = doc([['paragraph', [SENTENCES[0]!, 'Das Treffen dauerte zwei Stunden.', SENTENCES[2]!]], ['paragraph', SENTENCES.slice(3, 5)]]);
    const result = exportXliff(changed, translated, undefined, options);
    expect(result.stats).toMatchObject({ kept: 4, candidates: 1, added: 0, setAside: 1 });
    const unit = entriesOf(read(result.xliff)).find((e) => e.source === 'Das Treffen dauerte zwei Stunden.');
    expect(unit?.target?.text).toBe('EN Das Treffen dauerte anderthalb Stunden.');
    expect(unit?.needsReview).toBe(true);
    expect(unit?.candidates[0]).toMatchObject({ source: 'Das Treffen dauerte anderthalb Stunden.', quality: 80 });
    if (version === '1.2') expect(result.xliff).toContain('<alt-trans match-quality="80" origin="previous-version" alttranstype="previous-version">');
    else expect(result.xliff).toContain('similarity="80" origin="previous-version"');
    // Idempotent with the candidate in place.
    const aside = result.aside === undefined ? undefined : read(result.aside);
    const second = exportXliff(changed, read(result.xliff), aside, options);
    expect(second.xliff).toBe(result.xliff);
    expect(second.aside).toBe(result.aside);
  });

  it('sets a deleted sentence aside and restores it with target and state when it returns', () => {
    const deleted = doc([['paragraph', [SENTENCES[0]!, SENTENCES[2]!]], ['paragraph', SENTENCES.slice(3, 5)]]);
    const cut = exportXliff(deleted, translated, undefined, options);
    expect(cut.stats).toEqual({ kept: 4, candidates: 0, added: 0, setAside: 1, restored: 0 });
    expect(cut.aside).toContain('Das Treffen dauerte anderthalb Stunden.');
    const back = exportXliff(first, read(cut.xliff), read(cut.aside!), options);
    expect(back.stats).toEqual({ kept: 4, candidates: 0, added: 0, setAside: 0, restored: 1 });
    expect(back.aside).toBeUndefined();
    expect(back.xliff).toBe(exportXliff(first, translated, undefined, options).xliff);
  });

  it('restores a translator-set state from the aside file', () => {
    const reviewed = read(exportXliff(first, translated, undefined, options).xliff.replace(/state="translated"/gu, version === '1.2' ? 'state="final"' : 'state="final"'));
    const deleted = doc([['paragraph', [SENTENCES[0]!]]]);
    const cut = exportXliff(deleted, reviewed, undefined, options);
    const back = exportXliff(first, read(cut.xliff), read(cut.aside!), options);
    expect(entriesOf(read(back.xliff)).map((e) => e.state)).toEqual(['final', 'final', 'final', 'final', 'final']);
  });
});

describe('merging OmegaT-style files', () => {
  it('neither offers nor sets aside an untouched copy of the source', () => {
    const options: ExportOptions = { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/article.txt', profile: 'omegat' };
    const before = doc([['paragraph', SENTENCES.slice(0, 3)]]);
    const copies = read(exportXliff(before, undefined, undefined, options).xliff);
    const after = doc([['paragraph', [SENTENCES[0]!, 'Das Treffen dauerte zwei Stunden.']]]);
    const result = exportXliff(after, copies, undefined, options);
    expect(result.stats).toEqual({ kept: 1, candidates: 0, added: 1, setAside: 0, restored: 0 });
    expect(result.aside).toBeUndefined();
    expect(result.xliff).toContain('<target state="needs-translation" xml:space="preserve">Das Treffen dauerte zwei Stunden.</target>');
  });
});

describe('planMerge', () => {
  it('offers a candidate for every sentence of a long document where every sentence changed', () => {
    const long = Array.from({ length: 600 }, (_, i) => `Satz Nummer ${i} handelt von ${SENTENCES[i % SENTENCES.length]}`);
    const options: ExportOptions = { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/article.txt' };
    const old = read(translateAll(exportXliff(doc([['paragraph', long]]), undefined, undefined, options).xliff, '1.2'));
    const plan = planMerge(doc([['paragraph', long.map((s) => s.replace('Satz', 'Der Satz'))]]), entriesOf(old), []);
    expect(plan.stats.candidates).toBe(600);
  });

  it('prefers the old sentence between the same neighbours over a similar one elsewhere', () => {
    const a = doc([['paragraph', ['Eins ist hier.', 'Die Zahl ist 5.', 'Zwei ist hier.', 'Drei ist hier.', 'Die Zahl ist 7.', 'Vier ist hier.']]]);
    const b = doc([['paragraph', ['Eins ist hier.', 'Die Zahl ist 6.', 'Zwei ist hier.', 'Drei ist hier.', 'Die Zahl ist 8.', 'Vier ist hier.']]]);
    const old = read(translateAll(exportXliff(a, undefined, undefined, { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/article.txt' }).xliff, '1.2'));
    const plan = planMerge(b, entriesOf(old), []);
    const [, six, , , eight] = segmentsOf(b);
    expect(plan.bySegment.get(six!.id)?.entry?.source).toBe('Die Zahl ist 5.');
    expect(plan.bySegment.get(eight!.id)?.entry?.source).toBe('Die Zahl ist 7.');
  });
});

describe('planMerge when several sentences change at once', () => {
  const options: ExportOptions = { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/article.txt' };
  const before = ['Eins ist hier.', 'Der Umsatz stieg um fünf Prozent.', 'Die Kosten fielen um drei Prozent.', 'Vier ist hier.'];
  const old = entriesOf(read(translateAll(exportXliff(doc([['paragraph', before]]), undefined, undefined, options).xliff, '1.2')));
  const offered = (sentences: string[]): Array<[string, string | undefined]> => {
    const plan = planMerge(doc([['paragraph', sentences]]), old, []);
    return [...plan.bySegment.values()].filter((p) => p.kind === 'candidate').map((p) => [p.segment.text, p.entry?.source]);
  };

  it('gives each of two neighbouring changed sentences its own old version', () => {
    expect(offered(['Eins ist hier.', 'Der Umsatz stieg um sechs Prozent.', 'Die Kosten fielen um vier Prozent.', 'Vier ist hier.'])).toEqual([
      ['Der Umsatz stieg um sechs Prozent.', 'Der Umsatz stieg um fünf Prozent.'],
      ['Die Kosten fielen um vier Prozent.', 'Die Kosten fielen um drei Prozent.'],
    ]);
  });

  it('follows two sentences that were swapped and changed', () => {
    expect(offered(['Eins ist hier.', 'Die Kosten fielen um vier Prozent.', 'Der Umsatz stieg um sechs Prozent.', 'Vier ist hier.'])).toEqual([
      ['Die Kosten fielen um vier Prozent.', 'Die Kosten fielen um drei Prozent.'],
      ['Der Umsatz stieg um sechs Prozent.', 'Der Umsatz stieg um fünf Prozent.'],
    ]);
  });
});

/** A random edit of a list of sentences. */
type Edit = { kind: 'insert' | 'delete' | 'change'; at: number; text: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'change'),
  at: fc.nat(20),
  text: fc.constantFrom(...SENTENCES, 'Ein ganz neuer Satz.', 'Noch ein Satz & mehr <hier>.'),
});

function applyEdits(sentences: string[], edits: readonly Edit[]): string[] {
  const out = [...sentences];
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.kind === 'insert') out.splice(at, 0, e.text);
    else if (e.kind === 'delete' && out.length > 1) out.splice(at, 1);
    else if (e.kind === 'change' && out.length > 0) out[at] = `${out[at]!.replace(/\.$/u, '')} heute.`;
  }
  return out;
}

const toBlocks = (sentences: string[], size: number): Blocks => {
  const blocks: Blocks = [];
  for (let i = 0; i < sentences.length; i += size) blocks.push(['paragraph', sentences.slice(i, i + size)]);
  return blocks;
};

describe.each(['1.2', '2.1'] as const)('merging, property-based (XLIFF %s)', (version) => {
  const options: ExportOptions = { version, sourceLanguage: 'de', targetLanguage: 'en', original: 'source/article.txt' };

  it('never loses the translation of an unchanged sentence, and a second export changes nothing', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 8 }),
        fc.array(editArb, { maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        (sentences, edits, size) => {
          const before = doc(toBlocks(sentences, size));
          const work = read(translateAll(exportXliff(before, undefined, undefined, options).xliff, version));
          const known = targetsBySource(work);
          const after = doc(toBlocks(applyEdits(sentences, edits), size));
          const merged = exportXliff(after, work, undefined, options);
          const mergedTargets = targetsBySource(read(merged.xliff));
          for (const s of segmentsOf(after)) {
            if (known.has(s.text)) expect(mergedTargets.get(s.text)).toBe(known.get(s.text));
          }
          // Every translation is either in the new file or aside.
          const asideTargets = merged.aside === undefined ? new Map() : targetsBySource(read(merged.aside));
          for (const [source, target] of known) {
            expect(mergedTargets.get(source) === target || asideTargets.get(source) === target).toBe(true);
          }
          const aside = merged.aside === undefined ? undefined : read(merged.aside);
          const again = exportXliff(after, read(merged.xliff), aside, options);
          expect(again.xliff).toBe(merged.xliff);
          expect(again.aside).toBe(merged.aside);
          // Undoing the edits brings every translation back.
          const undone = exportXliff(before, read(merged.xliff), aside, options);
          const undoneTargets = targetsBySource(read(undone.xliff));
          for (const [source, target] of known) expect(undoneTargets.get(source)).toBe(target);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('re-extracting over files CAT tools wrote', () => {
  const options: ExportOptions = { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/treffen.txt' };
  const fixture = (name: string): ParsedXliff => readXliff(readFileSync(path.resolve('test/fixtures/xliff', name)), name);

  it.each(['trados-style-12.xlf', 'memoq-style-12.xlf', 'tool-21.xlf'])('keeps every translation of %s (same version) and settles after one run', async (name) => {
    const doc = fixtureDocument();
    const parsed = fixture(name);
    const before = new Map(entriesOf(parsed).map((e) => [e.id, e.target?.text] as const));
    const language = 'en';
    const version = parsed.version === '1.2' ? '1.2' : '2.1';
    const first = exportXliff(doc, parsed, undefined, { ...options, version, targetLanguage: language });
    expect(first.messages.filter((m) => m.severity !== 'info').map((m) => m.ruleId)).toEqual(name.startsWith('trados') ? ['xliff/language-variant'] : []);
    const after = new Map(entriesOf(read(first.xliff)).map((e) => [e.id, e.target?.text] as const));
    for (const [id, target] of before) if (target !== '') expect(after.get(id)).toBe(target);
    expect(exportXliff(doc, read(first.xliff), undefined, { ...options, version, targetLanguage: language }).xliff).toBe(first.xliff);
    if (schemasAvailable) expect((await validateXliff(first.xliff, version)).errors).toEqual([]);
  });
});

describe('the aside file keeps what a restore gives back', () => {
  const gone = makeDocument([['paragraph', ['Ganz neuer Text hier.']]], { name: 'a' });
  const options12: ExportOptions = { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/a.txt' };
  const options21: ExportOptions = { ...options12, version: '2.1' };

  it('1.2: approval, translators\' notes and candidates survive the aside file and come back with the sentence', () => {
    const back = makeDocument([['paragraph', ['Alter Satz eins.']]], { name: 'a' });
    const fresh = exportXliff(back, undefined, undefined, options12).xliff;
    const worked = read(
      fresh
        .replace('<trans-unit id=', '<trans-unit approved="yes" id=')
        .replace('</source>', '</source><target state="translated">Old one.</target><note from="translator">n1</note><alt-trans origin="mt"><target>Alt one.</target></alt-trans>'),
    );
    expect(entriesOf(worked)[0]?.state).toBe('reviewed');
    const cut = exportXliff(gone, worked, undefined, options12);
    const aside = entriesOf(read(cut.aside!));
    expect(aside.map((e) => [e.state, e.approved, e.notes.map((n) => n.text), e.candidates.map((c) => c.target.text)])).toEqual([
      ['reviewed', true, ['n1'], ['Alt one.']],
    ]);
    const restored = exportXliff(back, read(cut.xliff), read(cut.aside!), options12);
    expect(restored.stats.restored).toBe(1);
    const entry = entriesOf(read(restored.xliff))[0];
    expect([entry?.state, entry?.approved, entry?.candidates.map((c) => c.origin)]).toEqual(['reviewed', true, ['mt']]);
  });

  it('2.1: the candidates of a set-aside sentence are kept as matches of its segment', () => {
    const back = makeDocument([['paragraph', ['Alter Satz eins.']]], { name: 'a' });
    const fresh = exportXliff(back, undefined, undefined, options21).xliff;
    const worked = read(
      fresh
        .replace(/(<segment id="([^"]+)") state="initial">/u, '<mtc:matches><mtc:match ref="#$2" origin="mt"><source>Alter Satz eins.</source><target>Alt one.</target></mtc:match></mtc:matches>$1 state="final">')
        .replace('</source>\n', '</source><target>Old one.</target>\n'),
    );
    expect(entriesOf(worked)[0]?.candidates.map((c) => c.target.text)).toEqual(['Alt one.']);
    const cut = exportXliff(gone, worked, undefined, options21);
    const restored = exportXliff(back, read(cut.xliff), read(cut.aside!), options21);
    const entry = entriesOf(read(restored.xliff))[0];
    expect([entry?.state, entry?.target?.text, entry?.candidates.map((c) => c.target.text)]).toEqual(['final', 'Old one.', ['Alt one.']]);
  });

  it.skipIf(!schemasAvailable)('2.1: segments another tool left without an NMTOKEN id are set aside, all of them, in a valid file', async () => {
    const tool = `<?xml version="1.0"?><xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f1" original="source/a.txt"><unit id="u 1"><segment state="reviewed"><source>Alter Satz eins.</source><target>Old one.</target></segment><segment state="final"><source>Alter Satz zwei.</source><target>Old two.</target></segment></unit></file></xliff>`;
    const cut = exportXliff(gone, read(tool), undefined, options21);
    expect((await validateXliff(cut.aside!, '2.1')).errors).toEqual([]);
    expect(entriesOf(read(cut.aside!)).map((e) => [e.id, e.state, e.target?.text])).toEqual([
      ['u_1_1', 'reviewed', 'Old one.'],
      ['u_1_2', 'final', 'Old two.'],
    ]);
  });

  it.skipIf(!schemasAvailable)('1.2 → 2.1: an alt-trans without a source becomes a match with the sentence\'s source, valid', async () => {
    const doc1 = makeDocument([['paragraph', ['Alter Satz eins.']]], { name: 'a' });
    const worked = read(exportXliff(doc1, undefined, undefined, options12).xliff.replace('</source>', '</source><alt-trans origin="mt"><target>Alt one.</target></alt-trans>'));
    const xliff = exportXliff(doc1, worked, undefined, options21).xliff;
    expect(xliff).toContain('<mtc:match ref="#');
    expect(xliff).toMatch(/<mtc:match [^>]*>\s*<source xml:space="preserve">Alter Satz eins\.<\/source>/u);
    expect((await validateXliff(xliff, '2.1')).errors).toEqual([]);
  });
});
