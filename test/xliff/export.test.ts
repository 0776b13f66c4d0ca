import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../pipeline/model.js';
import { entriesOf, exportXliff, matchTranslations, readXliff, type ExportOptions, type ParsedXliff } from '../../pipeline/xliff/index.js';
import { fixtureDocument, makeDocument } from '../helpers/document.js';
import { schemasAvailable, SKIP_REASON, validateXliff } from '../helpers/xliff-schema.js';

const options12: ExportOptions = { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: 'source/treffen.txt' };
const options21: ExportOptions = { ...options12, version: '2.1' };
const read = (xml: string, name = 'f.xlf'): ParsedXliff => readXliff(new TextEncoder().encode(xml), name);

/** A document with what is hard to write: markup characters, quotes, CR, tabs, non-BMP, terms. */
function awkwardDocument(): Document {
  return makeDocument(
    [
      ['title', ['Putin & Kim: <Treffen> in "Peking"']],
      ['heading', ['Zwischentitel']],
      ['paragraph', ['Erster Satz mit Peking und Kim.', 'Zweiter\tSatz\r\nüber Xi 🎉.', 'Dritter ]]> Satz.']],
      ['credit', ['Foto: AFP']],
    ],
    {
      name: 'treffen',
      terms: [
        { text: 'Peking', targets: { en: ['Beijing'], fr: ['Pékin'] } },
        { text: 'Kim', term: 'Kim Jong-un', dnt: true },
        { text: 'Xi', term: 'Xi Jinping', targets: { fr: ['Xi Jinping'] } },
      ],
    },
  );
}

/** Gives every unit of a 1.2 file a target, the way a translator would. */
function translate12(xml: string, state = 'translated'): string {
  return xml.replace(/(<source xml:space="preserve">)(.*?)(<\/source>)/gsu, (_m, open: string, body: string, close: string) => {
    const text = body.replace(/<[^>]+>/gu, '');
    return `${open}${body}${close}\n<target state="${state}">EN ${text}</target>`;
  });
}

describe('exportXliff 1.2', () => {
  it('writes one file, one group per block with its kind, one trans-unit per sentence', () => {
    const doc = fixtureDocument();
    const { xliff, aside, stats } = exportXliff(doc, undefined, undefined, options12);
    expect(xliff.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n')).toBe(true);
    expect(xliff).toContain('<file original="source/treffen.txt" source-language="de" target-language="en" datatype="plaintext">');
    expect(xliff).toContain(`<group id="${doc.blocks[0]!.id}" restype="x-title">`);
    expect(xliff).toContain(`<trans-unit id="${doc.blocks[1]!.segments[1]!.id}" resname="paragraph-2.2">`);
    expect(xliff.endsWith('</xliff>\n')).toBe(true);
    expect(xliff).not.toContain('\r\n');
    expect(aside).toBeUndefined();
    expect(stats).toEqual({ kept: 0, candidates: 0, added: 3, setAside: 0, restored: 0 });
    const parsed = read(xliff);
    expect(parsed.units.map((u) => [u.id, u.source.text, u.type])).toEqual(
      doc.blocks.flatMap((b) => b.segments.map((s) => [s.id, s.text, `x-${b.kind}`])),
    );
  });

  it('adds context notes, a glossary note for the target language, and term markers', () => {
    const doc = awkwardDocument();
    const en = exportXliff(doc, undefined, undefined, options12).xliff;
    expect(en).toContain('<note from="context">previous: Putin &amp; Kim: &lt;Treffen&gt; in "Peking"</note>');
    expect(en).toContain('<note from="context">next: Erster Satz mit Peking und Kim.</note>');
    expect(en).toContain('<note from="glossary">Peking → Beijing; Kim Jong-un → do not translate</note>');
    expect(en).toContain('<note from="glossary">Xi Jinping → (no approved target)</note>');
    expect(en).toContain('Erster Satz mit <mrk mtype="term" comment="Beijing">Peking</mrk> und <mrk mtype="term" comment="do not translate">Kim</mrk>.');
    const fr = exportXliff(doc, undefined, undefined, { ...options12, targetLanguage: 'fr' }).xliff;
    expect(fr).toContain('<note from="glossary">Peking → Pékin; Kim Jong-un → do not translate</note>');
  });

  it('keeps every character of the source through write and read (escaping, CR, tabs, non-BMP)', () => {
    const doc = awkwardDocument();
    for (const options of [options12, options21]) {
      const parsed = read(exportXliff(doc, undefined, undefined, options).xliff);
      const texts = parsed.units.flatMap((u) => u.segments.map((s) => s.source.text));
      expect(texts).toEqual(doc.blocks.flatMap((b) => b.segments.map((s) => s.text)));
    }
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const doc = awkwardDocument();
    const a = exportXliff(doc, undefined, undefined, options12).xliff;
    const b = exportXliff(awkwardDocument(), undefined, undefined, options12).xliff;
    expect(a).toBe(b);
  });

  it('writes states for kept targets and maps them both ways', () => {
    const doc = fixtureDocument();
    const base = exportXliff(doc, undefined, undefined, options12).xliff;
    const states = ['signed-off', 'needs-review-translation', 'x-custom'];
    let i = 0;
    const edited = base.replace(/(<\/source>)/gu, (m) => `${m}<target state="${states[i++]}">EN</target>`);
    const again = exportXliff(doc, read(edited), undefined, options12).xliff;
    expect([...again.matchAll(/<target state="([^"]+)"/gu)].map((m) => m[1])).toEqual(states);
    const as21 = read(exportXliff(doc, read(edited), undefined, options21).xliff);
    expect(as21.units.flatMap((u) => u.segments.map((s) => [s.rawState, s.subState]))).toEqual([
      ['reviewed', undefined],
      ['translated', 'l10n:needs-review'],
      ['translated', 'l10n:needs-review'],
    ]);
  });

  it('pre-fills empty targets with the source for OmegaT, state needs-translation', () => {
    const doc = fixtureDocument();
    const { xliff } = exportXliff(doc, undefined, undefined, { ...options12, profile: 'omegat' });
    expect(xliff).toContain('<target state="needs-translation" xml:space="preserve">Das Treffen fand in Peking statt.</target>');
    expect(read(xliff).units.every((u) => u.state === 'initial')).toBe(true);
  });

  it('carries translator notes and approval of kept units, and drops ours to write them afresh', () => {
    const doc = fixtureDocument();
    const base = translate12(exportXliff(doc, undefined, undefined, options12).xliff)
      .replace('resname="title-1.1"', 'resname="title-1.1" approved="yes"')
      .replace('<note from="glossary">', '<note from="reviewer" priority="2">Keep it short.</note><note from="glossary">');
    const again = exportXliff(doc, read(base), undefined, options12).xliff;
    expect(again).toContain('approved="yes"');
    expect(again.match(/Keep it short/gu)).toHaveLength(1);
    expect(again.match(/<note from="glossary">/gu)).toHaveLength(2);
    expect(exportXliff(doc, read(again), undefined, options12).xliff).toBe(again);
  });

  it('writes kept inline markup back into a 1.2 file, without segment markers or foreign attributes', () => {
    const doc = fixtureDocument();
    const base = exportXliff(doc, undefined, undefined, options12).xliff;
    const edited = base.replace(
      '<note from="context">next:',
      '<target state="translated"><mrk mtype="seg" mid="1"><g id="1" xmlns:t="urn:t" t:x="1">Putin</g> meets Kim in Beijing<x id="2"/></mrk></target><note from="context">next:',
    );
    const again = exportXliff(doc, read(edited), undefined, options12);
    expect(again.xliff).toContain('<target state="translated" xml:space="preserve"><g id="1">Putin</g> meets Kim in Beijing<x id="2"/></target>');
    const to21 = exportXliff(doc, read(edited), undefined, options21);
    expect(to21.xliff).toContain('<target xml:space="preserve">Putin meets Kim in Beijing</target>');
    expect(to21.messages.map((m) => m.ruleId)).toContain('xliff/markup-dropped');
  });

  it('refuses to merge a previous file for another language, with a fatal message', () => {
    const doc = fixtureDocument();
    const fr = translate12(exportXliff(doc, undefined, undefined, { ...options12, targetLanguage: 'fr' }).xliff);
    const result = exportXliff(doc, read(fr, 'translations/en/treffen.xlf'), undefined, options12);
    expect(result.messages.find((m) => m.fatal === true)).toMatchObject({ ruleId: 'xliff/wrong-language', actual: 'fr', expected: 'en' });
    expect(result.stats.kept).toBe(0);
  });

  it('checks its options', () => {
    const doc = fixtureDocument();
    expect(() => exportXliff(doc, undefined, undefined, { ...options12, version: '3.0' as '1.2' })).toThrow(/expected version '1.2' or '2.1', got "3.0"/u);
    expect(() => exportXliff(doc, undefined, undefined, { ...options12, targetLanguage: 'en us' })).toThrow(/expected targetLanguage/u);
  });
});

describe('exportXliff 2.1', () => {
  it('writes a unit per block, a segment per sentence, ignorables, notes and metadata', () => {
    const doc = awkwardDocument();
    const { xliff } = exportXliff(doc, undefined, undefined, options21);
    expect(xliff).toContain('<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" srcLang="de" trgLang="en">');
    expect(xliff).toContain('<mda:meta type="kind">paragraph</mda:meta>');
    expect(xliff).toContain('<mda:meta type="path">source/treffen.txt</mda:meta>');
    expect(xliff).toContain('<ignorable>\n        <source xml:space="preserve"> </source>');
    expect(xliff).toContain('<mrk id="m1-2" translate="no" type="term" value="do not translate">Kim</mrk>');
    const parsed = read(xliff);
    expect(parsed.version).toBe('2.1');
    const paragraph = parsed.units[2];
    expect(paragraph?.segments).toHaveLength(3);
    expect(paragraph?.metadata.get('block/kind')).toBe('paragraph');
    // Segments and ignorables together give the block's text back.
    const block = doc.blocks[2]!;
    expect(paragraph?.source.text).toBe(doc.text.slice(block.start, block.end));
    expect(exportXliff(awkwardDocument(), undefined, undefined, options21).xliff).toBe(xliff);
  });
});

describe.skipIf(!schemasAvailable)('schema validity', () => {
  it('1.2 output (fresh, translated, with candidates, OmegaT, aside) is valid against the strict schema', async () => {
    const doc = awkwardDocument();
    const fresh = exportXliff(doc, undefined, undefined, options12).xliff;
    const translated = translate12(fresh);
    const changed = makeDocument(
      [
        ['title', ['Putin & Kim: <Treffen> in "Peking"']],
        ['paragraph', ['Erster Satz mit Peking und Kim!', 'Dritter ]]> Satz.']],
      ],
      { name: 'treffen' },
    );
    const merged = exportXliff(changed, read(translated), undefined, options12);
    expect(merged.stats.candidates).toBe(1);
    expect(merged.aside).toBeDefined();
    const omegat = exportXliff(doc, undefined, undefined, { ...options12, profile: 'omegat' }).xliff;
    for (const xml of [fresh, translated, merged.xliff, merged.aside!, omegat]) {
      const result = await validateXliff(xml, '1.2');
      expect(result.errors).toEqual([]);
    }
  });

  it('2.1 output (fresh, with matches, OmegaT, aside) is valid against 2.1 with modules', async () => {
    const doc = awkwardDocument();
    const translated = translate12(exportXliff(doc, undefined, undefined, options12).xliff);
    const fresh = exportXliff(doc, read(translated), undefined, options21).xliff;
    const changed = makeDocument([['paragraph', ['Erster Satz mit Peking und Kim!']]], { name: 'treffen' });
    const merged = exportXliff(changed, read(fresh), undefined, options21);
    expect(merged.xliff).toContain('<mtc:match ref="#');
    const omegat = exportXliff(doc, undefined, undefined, { ...options21, profile: 'omegat' }).xliff;
    for (const xml of [fresh, merged.xliff, merged.aside!, omegat]) {
      const result = await validateXliff(xml, '2.1');
      expect(result.errors).toEqual([]);
    }
  });

  it('the validator does catch what the schemas forbid (the checks are real)', async () => {
    const fresh = exportXliff(fixtureDocument(), undefined, undefined, options12).xliff;
    expect((await validateXliff(fresh.replace('restype="x-title"', 'restype="title"'), '1.2')).valid).toBe(false);
    const fresh21 = exportXliff(fixtureDocument(), undefined, undefined, options21).xliff;
    expect((await validateXliff(fresh21.replace('<mda:meta type="kind">', '<mda:meta>'), '2.1')).valid).toBe(false);
  });
});

// Shown as a skipped test, with the reason, only on machines without ../shared/schemas.
if (!schemasAvailable) it.skip(SKIP_REASON, () => undefined);

describe('exportXliff on any text (property)', () => {
  const sentence = fc.string({ unit: fc.constantFrom('a', 'ß', ' ', '&', '<', '>', '"', "'", '\t', '\r', '\n', ']]>', '\u0001', '\u000C', '🎉', '\uD800', 'Peking', '→'), minLength: 1, maxLength: 12 })
    .filter((s) => s.trim() !== '');
  const blocks = fc.array(fc.tuple(fc.constantFrom('title', 'heading', 'paragraph', 'credit'), fc.array(sentence, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 4 });

  it.each(['1.2', '2.1'] as const)('writes what its reader gives back, and a second export changes nothing (%s)', (version) => {
    fc.assert(
      fc.property(blocks, (spec) => {
        const doc = makeDocument(spec, { name: 'treffen', terms: [{ text: 'Peking', targets: { en: ['Beijing'] } }] });
        const options = { ...options12, version };
        const first = exportXliff(doc, undefined, undefined, { ...options, profile: 'omegat' });
        const parsed = read(first.xliff);
        const { messages } = matchTranslations(doc, parsed, { sourceLanguage: 'de', targetLanguage: 'en' });
        expect(messages).toEqual([]);
        expect(exportXliff(doc, parsed, undefined, { ...options, profile: 'omegat' }).xliff).toBe(first.xliff);
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(!schemasAvailable)('stays schema-valid on odd text', async () => {
    const samples = fc.sample(blocks, { numRuns: 8, seed: 42 });
    for (const spec of samples) {
      const doc = makeDocument(spec, { name: 'treffen', terms: [{ text: 'Peking', targets: { en: ['Beijing'] } }] });
      for (const version of ['1.2', '2.1'] as const) {
        const { xliff } = exportXliff(doc, undefined, undefined, { ...options12, version, profile: 'omegat' });
        expect((await validateXliff(xliff, version)).errors).toEqual([]);
      }
    }
  });
});

describe('notes of one sentence through 2.1 (unit-level notes)', () => {
  /** awkwardDocument, translated in 1.2, with a translator's note on the second sentence of the paragraph. */
  function noted(): { doc: Document; xml12: string; id: string; others: string[] } {
    const doc = awkwardDocument();
    const paragraph = doc.blocks[2]!;
    const id = paragraph.segments[1]!.id;
    const xml12 = translate12(exportXliff(doc, undefined, undefined, options12).xliff).replace(
      /(<trans-unit id="([^"]+)"[^>]*>[\s\S]*?<\/target>)/gu,
      (m: string, _all: string, unitId: string) => (unitId === id ? `${m}<note from="translator">Only this sentence.</note>` : m),
    );
    expect(xml12.match(/Only this sentence/gu)).toHaveLength(1);
    return { doc, xml12, id, others: paragraph.segments.filter((s) => s.id !== id).map((s) => s.id) };
  }

  it('1.2 → 2.1 → 1.2 keeps a translator\'s note on its sentence only', () => {
    const { doc, xml12, id, others } = noted();
    const xml21 = exportXliff(doc, read(xml12), undefined, options21).xliff;
    expect(xml21).toMatch(/<note id="n\d+" category="translator">Only this sentence.<\/note>/u);
    expect(xml21).toMatch(/<mrk id="c2-\d+" type="comment" ref="#n=n\d+">/u);
    const parsed21 = read(xml21);
    const entries = matchTranslations(doc, parsed21, { sourceLanguage: 'de', targetLanguage: 'en' });
    expect(entries.messages).toEqual([]);
    // Source text is unchanged by the marker.
    expect(parsed21.units[2]?.segments[1]?.source.text).toBe(doc.blocks[2]!.segments[1]!.text);
    const back = exportXliff(doc, parsed21, undefined, options12).xliff;
    expect(back.match(/Only this sentence/gu)).toHaveLength(1);
    const units = read(back).units;
    expect(units.find((u) => u.id === id)?.notes.map((n) => [n.from, n.text])).toContainEqual(['translator', 'Only this sentence.']);
    for (const other of others) expect(units.find((u) => u.id === other)?.notes.some((n) => n.text === 'Only this sentence.')).toBe(false);
    // Per-sentence glossary notes of the 2.1 file belong to their sentence only.
    const paragraphEntries = entriesOf(parsed21).filter((e) => e.unitId === doc.blocks[2]!.id);
    expect(paragraphEntries.map((e) => e.allNotes.filter((n) => n.from === 'glossary').map((n) => n.text))).toEqual([
      ['Peking → Beijing; Kim Jong-un → do not translate'],
      ['Xi Jinping → (no approved target)'],
      [],
    ]);
  });

  it('re-exports are byte-identical (2.1 and 1.2)', () => {
    const { doc, xml12 } = noted();
    const xml21 = exportXliff(doc, read(xml12), undefined, options21).xliff;
    const again21 = exportXliff(doc, read(xml21), undefined, options21).xliff;
    expect(again21).toBe(xml21);
    expect(exportXliff(doc, read(again21), undefined, options21).xliff).toBe(xml21);
    const back = exportXliff(doc, read(xml21), undefined, options12).xliff;
    const again12 = exportXliff(doc, read(back), undefined, options12).xliff;
    expect(again12).toBe(back);
    expect(exportXliff(doc, read(again12), undefined, options12).xliff).toBe(back);
  });

  it('a note on every sentence of a block, and a note without a marker, stay unit-wide', () => {
    const { doc, xml12 } = noted();
    const paragraph = doc.blocks[2]!;
    const all = xml12.replace(/(<\/target>)/gu, '$1<note from="reviewer">Everywhere.</note>');
    const xml21 = exportXliff(doc, read(all), undefined, options21).xliff;
    expect(xml21).toContain('<note category="reviewer">Everywhere.</note>');
    const entries = matchTranslations(doc, read(xml21), { sourceLanguage: 'de', targetLanguage: 'en' });
    expect(entries.messages).toEqual([]);
    const back = exportXliff(doc, read(xml21), undefined, options12).xliff;
    const units = read(back).units;
    for (const s of paragraph.segments) expect(units.find((u) => u.id === s.id)?.notes.filter((n) => n.text === 'Everywhere.')).toHaveLength(1);
  });

  it('reader: a note with an id no marker refers to belongs to the whole unit; a referenced one to its segments', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <notes>
        <note id="a" category="translator">tied</note>
        <note id="b">free</note>
        <note>plain</note>
      </notes>
      <segment id="s1"><source>Eins.</source></segment>
      <segment id="s2"><source><mrk id="c1" type="comment" ref="#n=a">Zwei.</mrk></source></segment>
    </unit>
  </file>
</xliff>`;
    const entries = entriesOf(read(xml));
    expect(entries.map((e) => [e.id, e.notes.map((n) => n.text)])).toEqual([
      ['s1', ['free', 'plain']],
      ['s2', ['tied', 'free', 'plain']],
    ]);
  });
});

describe.skipIf(!schemasAvailable)('schema validity of tied notes', () => {
  it('2.1 output with notes tied to segments is valid against 2.1 with modules', async () => {
    const doc = awkwardDocument();
    const id = doc.blocks[2]!.segments[1]!.id;
    const xml12 = translate12(exportXliff(doc, undefined, undefined, options12).xliff).replace(
      new RegExp(`(<trans-unit id="${id}"[^>]*>[\\s\\S]*?</target>)`, 'u'),
      '$1<note from="translator">Only this sentence.</note>',
    );
    const xml21 = exportXliff(doc, read(xml12), undefined, options21).xliff;
    expect(xml21).toContain('type="comment"');
    expect((await validateXliff(xml21, '2.1')).errors).toEqual([]);
  });
});
