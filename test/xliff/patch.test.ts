import { describe, expect, it } from 'vitest';
import { entriesOf, exportXliff, patchXliff, readXliff, XliffWriteRefused, type ExportOptions, type SegmentPatch } from '../../pipeline/xliff/index.js';
import { fixtureDocument } from '../helpers/document.js';
import { schemasAvailable, SKIP_REASON, validateXliff } from '../helpers/xliff-schema.js';

const T = '2025-09-04T10:15:00.000Z';
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const entry = (bytes: Uint8Array, unitId: string, segmentIndex = 0) => {
  const found = entriesOf(readXliff(bytes, 'f.xlf')).find((e) => e.unitId === unitId && e.segmentIndex === segmentIndex);
  if (found === undefined) throw new Error(`no unit ${unitId}`);
  return found;
};
const place12 = (unitId: string) => ({ fileIndex: 0, unitId, segmentIndex: 0, family: '1.2' as const });

/** A translator's 1.2 file with what the review page does not show: other namespaces, attributes, extensions, notes, candidates. */
const FOREIGN_12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:acme="urn:example:acme">
  <file original="source/treffen.txt" source-language="de" target-language="en" datatype="plaintext" acme:job="J-17">
    <header>
      <acme:settings mode="strict"/>
    </header>
    <body>
      <group id="g1" restype="x-title" acme:color="red">
        <trans-unit id="u1" resname="title-1.1" acme:owner="lena" translate="yes">
          <source xml:space="preserve">Putin trifft Kim</source>
          <target state="needs-review-translation" state-qualifier="leveraged-mt" acme:engine="x">Putin meets Kim</target>
          <note from="Lena">Check the name.</note>
          <alt-trans match-quality="80" origin="deepl"><target>Putin meets Kim</target></alt-trans>
          <acme:extra>keep &amp; me</acme:extra>
        </trans-unit>
        <trans-unit id="u2">
          <source>Zweiter Satz</source>
        </trans-unit>
      </group>
    </body>
  </file>
</xliff>
`;

describe('patchXliff 1.2', () => {
  it('edits one target and leaves every other byte of a file with foreign namespaces, attributes and extensions as it was', () => {
    const out = decode(patchXliff(encode(FOREIGN_12), 'f.xlf', { place: place12('u1'), target: { text: 'Putin hosts Kim', codes: [] }, state: 'translated', record: { edited: { by: 'Ana', at: T } } }));
    const expected = FOREIGN_12.replace(
      '<target state="needs-review-translation" state-qualifier="leveraged-mt" acme:engine="x">Putin meets Kim</target>',
      `<target state="translated" acme:engine="x">Putin hosts Kim</target>\n          <note from="l10n-review" annotates="target">edited by Ana (${T})</note>`,
    );
    expect(out).toBe(expected);
    const read = entry(encode(out), 'u1');
    expect(read).toMatchObject({ state: 'translated', needsReview: false, editedBy: { by: 'Ana', at: T } });
    expect(read.target?.text).toBe('Putin hosts Kim');
    expect(read.candidates.map((c) => c.origin)).toEqual(['deepl']);
    expect(read.notes.map((n) => n.text)).toEqual(['Check the name.']);
  });

  it('confirms: signed-off and approved, the origin kept, who confirmed recorded; final likewise', () => {
    const reviewed = patchXliff(encode(FOREIGN_12), 'f.xlf', { place: place12('u1'), state: 'reviewed', record: { decided: { by: 'Ana', at: T, how: 'confirmed' } } });
    const text = decode(reviewed);
    expect(text).toContain('<trans-unit id="u1" resname="title-1.1" acme:owner="lena" translate="yes" approved="yes">');
    expect(text).toContain('<target state="signed-off" state-qualifier="leveraged-mt" acme:engine="x">Putin meets Kim</target>');
    expect(entry(reviewed, 'u1')).toMatchObject({ state: 'reviewed', needsReview: false, reviewedBy: { by: 'Ana', at: T, decision: 'confirmed' } });
    const final = patchXliff(reviewed, 'f.xlf', { place: place12('u1'), state: 'final', record: { decided: { by: 'Ben', at: T, how: 'confirmed' } } });
    expect(decode(final)).toContain('<target state="final"');
    expect(decode(final).match(/from="l10n-review"/gu)).toHaveLength(1);
    expect(entry(final, 'u1')).toMatchObject({ state: 'final', reviewedBy: { by: 'Ben' } });
  });

  it('sends back: needs-translation, not approved, the target kept, the comment a note with author and time', () => {
    const confirmed = patchXliff(encode(FOREIGN_12), 'f.xlf', { place: place12('u1'), state: 'reviewed' });
    const back = patchXliff(confirmed, 'f.xlf', {
      place: place12('u1'),
      state: 'sent-back',
      record: { decided: { by: 'Ana', at: T, how: 'sent back' } },
      note: { author: 'Ana', time: T, text: 'Say "hosts" & keep <Kim>.' },
    });
    const text = decode(back);
    expect(text).toContain('<trans-unit id="u1" resname="title-1.1" acme:owner="lena" translate="yes">');
    expect(text).toContain(`<note from="Ana (${T})" annotates="target">Say "hosts" &amp; keep &lt;Kim&gt;.</note>`);
    const read = entry(back, 'u1');
    expect(read).toMatchObject({ state: 'initial', reviewedBy: { by: 'Ana', decision: 'sent-back' } });
    expect(read.target?.text).toBe('Putin meets Kim');
    expect(read.notes.map((n) => [n.text, n.author, n.time])).toEqual([
      ['Check the name.', undefined, undefined],
      ['Say "hosts" & keep <Kim>.', 'Ana', T],
    ]);
  });

  it('writes a first target after the source, and removes one that the reviewer emptied', () => {
    const added = patchXliff(encode(FOREIGN_12), 'f.xlf', { place: place12('u2'), target: { text: 'Second sentence', codes: [] }, state: 'translated' });
    expect(decode(added)).toContain('<source>Zweiter Satz</source>\n          <target state="translated" xml:space="preserve">Second sentence</target>\n');
    const removed = patchXliff(added, 'f.xlf', { place: place12('u2'), target: null, state: 'initial' });
    expect(decode(removed)).toBe(FOREIGN_12);
  });

  it('keeps a hostile target as text in the file, and it reads back the same', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> ]]> &amp;';
    const out = patchXliff(encode(FOREIGN_12), 'f.xlf', { place: place12('u2'), target: { text: hostile, codes: [] }, state: 'translated' });
    expect(decode(out)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt; ]]&gt; &amp;amp;');
    expect(decode(out)).not.toContain('<script');
    expect(entry(out, 'u2').target?.text).toBe(hostile);
  });

  it('keeps line ends, byte order mark and UTF-16', () => {
    const crlf = '\uFEFF' + FOREIGN_12.replace(/\n/gu, '\r\n');
    const out = patchXliff(Buffer.from(crlf, 'utf8'), 'f.xlf', { place: place12('u2'), target: { text: 'Zwei', codes: [] }, state: 'translated', note: { author: 'Ana', time: T, text: 'ok' } });
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(out).replace(/\r\n/gu, '')).not.toContain('\n');
    const utf16 = Buffer.from('\uFEFF' + FOREIGN_12.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le');
    const out16 = patchXliff(utf16, 'f.xlf', { place: place12('u2'), target: { text: 'Zwei ✓', codes: [] }, state: 'translated' });
    expect([...out16.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(entry(out16, 'u2').target?.text).toBe('Zwei ✓');
  });

  it('refuses a file in a legacy encoding, a unit a tool split into segments, and a unit that is gone, saying what to do', () => {
    const latin1 = Buffer.from(FOREIGN_12.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('Zweiter', 'Zweiter Straße'), 'latin1');
    const write = (bytes: Uint8Array, unitId = 'u2') => patchXliff(bytes, 'f.xlf', { place: place12(unitId), target: { text: 'x', codes: [] }, state: 'translated' });
    expect(() => write(latin1)).toThrow(XliffWriteRefused);
    expect(() => write(latin1)).toThrow('f.xlf is in windows-1252; the review page writes only UTF-8 and UTF-16 files');
    const segmented = FOREIGN_12.replace('<source>Zweiter Satz</source>', '<source>Zweiter Satz</source><seg-source><mrk mtype="seg" mid="1">Zweiter Satz</mrk></seg-source>');
    expect(() => write(encode(segmented))).toThrow('was split into segments by a translation tool');
    expect(() => write(encode(FOREIGN_12), 'u9')).toThrow('unit "u9" is no longer in f.xlf');
  });
});

describe('patchXliff codes', () => {
  const CODES = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.md" source-language="de" target-language="en" datatype="x-markdown">
    <body>
      <trans-unit id="c1">
        <source xml:space="preserve">Das ist <bpt id="1" ctype="bold">**</bpt>wichtig<ept id="1">**</ept><ph id="2" ctype="lb">&lt;br/&gt;</ph> und <g id="3" ctype="italic">kursiv</g>.</source>
      </trans-unit>
    </body>
  </file>
</xliff>
`;
  const codes = [
    { id: '1', kind: 'open', at: 8 },
    { id: '1', kind: 'close', at: 17 },
    { id: '3', kind: 'open', at: 22 },
    { id: '3', kind: 'close', at: 28 },
    { id: '2', kind: 'standalone', at: 28 },
  ] as const;
  const patch = (target: SegmentPatch['target']) => patchXliff(encode(CODES), 'f.xlf', { place: place12('c1'), target, state: 'translated' });

  it('writes each code of the target as the source writes it, moved with the text', () => {
    const out = decode(patch({ text: 'This is important and italic.', codes }));
    expect(out).toContain('<target state="translated" xml:space="preserve">This is <bpt id="1" ctype="bold">**</bpt>important<ept id="1">**</ept> and <g id="3" ctype="italic">italic</g><ph id="2" ctype="lb">&lt;br/&gt;</ph>.</target>');
    expect(entry(encode(out), 'c1').target?.codes.map((c) => `${c.element}#${c.id}`)).toEqual(['bpt#1', 'ept#1', 'g#3', 'ph#2']);
  });

  it('refuses a code the source does not have, a code twice, and a container closed before it opens', () => {
    expect(() => patch({ text: 'x', codes: [{ id: '9', kind: 'standalone', at: 0 }] })).toThrow('the target has the code ⟦9/⟧, which the source of this segment does not have');
    expect(() => patch({ text: 'xy', codes: [{ id: '2', kind: 'standalone', at: 0 }, { id: '2', kind: 'standalone', at: 1 }] })).toThrow('the target has the code ⟦2/⟧ twice');
    expect(() => patch({ text: 'xy', codes: [{ id: '3', kind: 'close', at: 0 }, { id: '3', kind: 'open', at: 1 }] })).toThrow('the code ⟦/3⟧ closes what it did not open');
    expect(() => patch({ text: 'xy', codes: [{ id: '3', kind: 'open', at: 0 }] })).toThrow('the code ⟦3⟧ is not closed in the target');
  });
});

describe('patchXliff on the project\'s own files', () => {
  const doc = fixtureDocument();
  const [title, first, second] = doc.blocks.flatMap((b) => b.segments);
  const options = (version: '1.2' | '2.1'): ExportOptions => ({ version, sourceLanguage: 'de', targetLanguage: 'en', original: 'source/treffen.txt' });
  const places = (bytes: Uint8Array) => new Map(entriesOf(readXliff(bytes, 'f.xlf')).map((e) => [e.id, e] as const));

  /** Every action of the review page, one after the other, on one file. */
  function review(version: '1.2' | '2.1'): Uint8Array {
    let bytes = encode(exportXliff(doc, undefined, undefined, options(version)).xliff);
    const at = (id: string) => places(bytes).get(id) as NonNullable<ReturnType<ReturnType<typeof places>['get']>>;
    bytes = patchXliff(bytes, 'f.xlf', { place: at(title!.id), target: { text: 'Putin meets Kim in Beijing', codes: [] }, state: 'reviewed', record: { edited: { by: 'Ana', at: T }, decided: { by: 'Ana', at: T, how: 'confirmed' } } });
    bytes = patchXliff(bytes, 'f.xlf', { place: at(second!.id), target: { text: 'Kim spoke of "brotherly duty".', codes: [] }, state: 'translated', record: { edited: { by: 'Ana', at: T } } });
    bytes = patchXliff(bytes, 'f.xlf', { place: at(second!.id), state: 'sent-back', record: { edited: { by: 'Ana', at: T }, decided: { by: 'Ana', at: T, how: 'sent back' } }, note: { author: 'Ana', time: T, text: 'Use the quote marks of English.' } });
    bytes = patchXliff(bytes, 'f.xlf', { place: at(first!.id), note: { author: 'Ben', time: T, text: 'Fine as it is.' } });
    return bytes;
  }

  for (const version of ['1.2', '2.1'] as const) {
    it(`${version}: every action reads back, only on its own segment`, () => {
      const read = places(review(version));
      expect(read.get(title!.id)).toMatchObject({ state: 'reviewed', editedBy: { by: 'Ana' }, reviewedBy: { by: 'Ana', decision: 'confirmed' } });
      expect(read.get(second!.id)).toMatchObject({ state: 'initial', reviewedBy: { by: 'Ana', decision: 'sent-back' } });
      expect(read.get(second!.id)?.target?.text).toBe('Kim spoke of "brotherly duty".');
      const comments = (id: string) => read.get(id)?.allNotes.filter((n) => n.author !== undefined).map((n) => `${n.author}: ${n.text}`);
      expect(comments(second!.id)).toEqual(['Ana: Use the quote marks of English.']);
      expect(comments(first!.id)).toEqual(['Ben: Fine as it is.']);
      expect(comments(title!.id)).toEqual([]);
      expect(read.get(first!.id)?.target).toBeUndefined();
    });

    it.skipIf(!schemasAvailable)(`${version}: stays valid against the schema after every action`, async () => {
      const result = await validateXliff(decode(review(version)), version);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    }, 60_000);

    it(`${version}: extract keeps what the review wrote (targets, states, who edited and confirmed, comments)`, async () => {
      const reviewed = review(version);
      const again = exportXliff(doc, readXliff(reviewed, 'f.xlf'), undefined, options(version)).xliff;
      const before = places(reviewed);
      const after = places(encode(again));
      for (const id of [title!.id, first!.id, second!.id]) {
        const pick = (e: ReturnType<typeof before.get>) => ({
          target: e?.target?.text,
          state: e?.state,
          editedBy: e?.editedBy,
          reviewedBy: e?.reviewedBy,
          comments: e?.allNotes.filter((n) => n.author !== undefined).map((n) => [n.author, n.time, n.text]),
        });
        expect(pick(after.get(id)), id).toEqual(pick(before.get(id)));
      }
      if (schemasAvailable) expect((await validateXliff(again, version)).errors).toEqual([]);
    }, 60_000);
  }

  if (!schemasAvailable) it.skip(SKIP_REASON, () => undefined);
});
