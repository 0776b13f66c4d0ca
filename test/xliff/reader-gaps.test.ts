/**
 * Reader gaps found with the tool corpus (test/xliff/corpus.test.ts), one test each: XLIFF 1.1,
 * states tools write in their own namespaces, tracked changes, xml:space="default", targets of
 * white space only, HTML entities, and inline constructs (protected markers, <sub> in codes,
 * CDATA, character references, 2.x data references and ignorables with text).
 */
import { describe, expect, it } from 'vitest';
import { InputError, segmentsOf } from '../../pipeline/model.js';
import { entriesOf, matchTranslations, readXliff } from '../../pipeline/xliff/index.js';
import { makeDocument } from '../helpers/document.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const SDL = 'xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0"';
const file12 = (body: string, root = '', ns = 'urn:oasis:names:tc:xliff:document:1.2', version = '1.2'): Uint8Array =>
  utf8(`<?xml version="1.0"?>\n<xliff version="${version}" xmlns="${ns}"${root}><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>${body}</body></file></xliff>`);
const file2x = (body: string): Uint8Array =>
  utf8(`<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f"><unit id="u">${body}</unit></file></xliff>`);

function refusal(bytes: Uint8Array): InputError {
  try {
    readXliff(bytes, 'f.xlf');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('reader gaps found with the tool corpus', () => {
  it('reads XLIFF 1.1 (Translate Toolkit, Weblate, Virtaal) and 1.0 (Passolo) as the 1.2 family, and refuses 0.9', () => {
    const parsed = readXliff(file12('<trans-unit id="a" approved="yes"><source>Ja</source><target state="translated">Yes</target></trans-unit>', '', 'urn:oasis:names:tc:xliff:document:1.1', '1.1'), 'f.xlf');
    expect(parsed.version).toBe('1.1');
    expect(parsed.units[0]).toMatchObject({ id: 'a', state: 'reviewed', target: { text: 'Yes' } });
    expect(entriesOf(parsed).map((e) => [e.id, e.family])).toEqual([['a', '1.2']]);
    const bare = readXliff(utf8('<xliff version="1.1"><file original="a" source-language="de" datatype="plaintext"><body><trans-unit id="b"><source>x</source></trans-unit></body></file></xliff>'), 'f.xlf');
    expect(bare.messages.map((m) => m.ruleId)).toEqual(['xliff/no-namespace']);
    const v10 = readXliff(utf8('<xliff version="1.0"><file original="a" source-language="de" datatype="plaintext"><body><trans-unit id="c"><source>x</source><target>y</target></trans-unit></body></file></xliff>'), 'f.xlf');
    expect([v10.version, v10.messages, entriesOf(v10).map((e) => [e.id, e.family, e.state])]).toEqual(['1.0', [], [['c', '1.2', 'translated']]]);
    expect(refusal(utf8('<xliff version="0.9"><file original="a" source-language="de" datatype="plaintext"><body/></file></xliff>')).detail.ruleId).toBe('xliff/unsupported-version');
  });

  it('maps Trados confirmation levels (sdl:seg conf) to states per segment; an XLIFF state on the target wins', () => {
    const confs = ['Draft', 'Translated', 'RejectedTranslation', 'ApprovedTranslation', 'RejectedSignOff', 'ApprovedSignOff', 'Unspecified'];
    const marks = (side: 'src' | 'tgt'): string => confs.map((c, i) => `<mrk mtype="seg" mid="${i + 1}">${side === 'src' ? 'Satz' : 'Sentence'} ${c}.</mrk>`).join(' ');
    const defs = confs.map((c, i) => `<sdl:seg id="${i + 1}" conf="${c}"/>`).join('');
    const parsed = readXliff(file12(`<trans-unit id="t"><source>x</source><seg-source>${marks('src')}</seg-source><target>${marks('tgt')}</target><sdl:seg-defs>${defs}</sdl:seg-defs></trans-unit>`, ` ${SDL}`), 'f.xlf');
    const unit = parsed.units[0];
    expect(unit?.segments.map((s) => [s.id, s.state, s.needsReview])).toEqual([
      ['1', 'translated', true],
      ['2', 'translated', false],
      ['3', 'translated', true],
      ['4', 'reviewed', false],
      ['5', 'translated', true],
      ['6', 'final', false],
      // Unspecified says nothing: a target with text and no state is translated.
      ['7', 'translated', false],
    ]);
    expect([unit?.state, unit?.needsReview]).toEqual(['translated', true]);
    const signedOff = readXliff(file12(`<trans-unit id="t"><source>x</source><seg-source><mrk mtype="seg" mid="1">x</mrk></seg-source><target><mrk mtype="seg" mid="1">y</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff"/></sdl:seg-defs></trans-unit>`, ` ${SDL}`), 'f.xlf');
    expect(signedOff.units[0]?.state).toBe('final');
    const withState = readXliff(file12(`<trans-unit id="t"><source>x</source><seg-source><mrk mtype="seg" mid="1">x</mrk></seg-source><target state="needs-review-translation"><mrk mtype="seg" mid="1">y</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff"/></sdl:seg-defs></trans-unit>`, ` ${SDL}`), 'f.xlf');
    expect([withState.units[0]?.state, withState.units[0]?.needsReview]).toEqual(['translated', true]);
  });

  it('maps memoQ row statuses and Phrase m:confirmed; an empty target stays untranslated whatever they say', () => {
    const rows: Array<[string, string, string]> = [
      ['ManuallyConfirmed', 'Source', ''],
      ['PartiallyEdited', 'Sou', ''],
      ['Reviewer1Confirmed', 'Source', ''],
      ['Reviewer2Confirmed', 'Source', ''],
      ['NotStarted', '', ''],
      ['ManuallyConfirmed', '', ''],
      ['SomethingNew', 'Source', ''],
      ['Reviewer2Confirmed', 'Source', ' state="needs-review-translation"'],
    ];
    const body = rows.map(([status, target, state], i) => `<trans-unit id="${i}" mq:status="${status}"><source>Quelle</source><target${state}>${target}</target></trans-unit>`).join('');
    const parsed = readXliff(file12(body, ' xmlns:mq="MQXliff"'), 'f.xlf');
    expect(parsed.units.map((u) => [u.state, u.needsReview])).toEqual([
      ['translated', false],
      ['translated', true],
      ['reviewed', false],
      ['final', false],
      ['initial', false],
      // Confirmed, but nothing in the target.
      ['initial', false],
      // A status we do not know: the XLIFF reading holds.
      ['translated', false],
      // The XLIFF state wins.
      ['translated', true],
    ]);
    const phrase = readXliff(file12('<trans-unit id="a" m:confirmed="1"><source>x</source><target>y</target></trans-unit><trans-unit id="b" m:confirmed="0"><source>x</source><target>y</target></trans-unit>', ' xmlns:m="http://www.memsource.com/mxlf/2.0"'), 'f.xlf');
    expect(phrase.units.map((u) => [u.state, u.needsReview])).toEqual([['translated', false], ['translated', true]]);
  });

  it('reads Trados tracked changes as the text with insertions and without deletions, marked for review', () => {
    const parsed = readXliff(file12(`<trans-unit id="t"><source>Der Hund bellt.</source><target>The <mrk mtype="x-sdl-deleted" sdl:revid="r1">cat</mrk><mrk mtype="x-sdl-added" sdl:revid="r2">dog</mrk> barks.</target></trans-unit>`, ` ${SDL}`), 'f.xlf');
    const unit = parsed.units[0];
    expect(unit?.target?.text).toBe('The dog barks.');
    expect([unit?.state, unit?.needsReview]).toEqual(['translated', true]);
    expect(parsed.messages.map((m) => m.ruleId)).toEqual(['xliff/tracked-changes']);
    // The deleted text is kept in the tree, not dropped.
    expect(JSON.stringify(unit?.target?.nodes)).toContain('cat');
  });

  it('applies xml:space="default" (runs of white space become one space, edges trimmed) and nothing else', () => {
    const wrapped = '\n        The meeting\n        took   place.\n      ';
    const parsed = readXliff(file12(
      `<trans-unit id="d" xml:space="default"><source>Das Treffen fand statt.</source><target>${wrapped}</target></trans-unit>` +
      `<trans-unit id="p" xml:space="default"><source>x</source><target xml:space="preserve">${wrapped}</target></trans-unit>` +
      `<trans-unit id="n"><source>x</source><target>${wrapped}</target></trans-unit>`,
    ), 'f.xlf');
    expect(parsed.units.map((u) => u.target?.text)).toEqual(['The meeting took place.', wrapped, wrapped]);
    const two = readXliff(file2x(`<segment id="s"><source>Satz.</source><target xml:space="default"> A <pc id="1">bold</pc>\n   word. </target></segment>`), 'f.xlf');
    expect(two.units[0]?.segments[0]?.target?.text).toBe('A bold word.');
  });

  it('reads a target of white space only as no target, keeping the state for qa/untranslated to report', () => {
    const doc = makeDocument([['paragraph', ['Der Hund bellt.']]], { name: 'hund' });
    const id = segmentsOf(doc)[0]?.id as string;
    const parsed = readXliff(utf8(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="${doc.path}" source-language="de" target-language="en" datatype="plaintext"><body><trans-unit id="${id}"><source>Der Hund bellt.</source><target state="translated">  \n </target></trans-unit></body></file></xliff>`), 'f.xlf');
    const { bySegment, messages } = matchTranslations(doc, parsed, { sourceLanguage: 'de', targetLanguage: 'en' });
    expect(bySegment.get(id)).toMatchObject({ target: undefined, state: 'translated', needsReview: false });
    expect(messages).toEqual([]);
  });

  it('refuses an HTML entity with a hint that names the fix', () => {
    const error = refusal(file12('<trans-unit id="a"><source>x</source><target>8&nbsp;Uhr</target></trans-unit>'));
    expect(error.detail).toMatchObject({ ruleId: 'xliff/not-well-formed', line: 2 });
    expect(error.detail.reason).toContain('&nbsp;');
    expect(error.detail.hint).toContain('&#160;');
  });

  it('reads CDATA and character references in targets as text', () => {
    const parsed = readXliff(file12('<trans-unit id="a"><source>x</source><target><![CDATA[It’s <b>]]>8&#160;a.m.&#x2019;</target></trans-unit>'), 'f.xlf');
    expect(parsed.units[0]?.target?.text).toBe('It’s <b>8\u00a0a.m.\u2019');
  });

  it('keeps protected markers as text, and <sub> inside a code as code data (kept in the tree), not as sentence text', () => {
    const parsed = readXliff(file12('<trans-unit id="a"><source>Siehe <mrk mtype="protected">ISO 9001</mrk><ph id="1">&lt;img alt="<sub>Logo</sub>"/&gt;</ph>.</source><target>See <mrk mtype="protected">ISO 9001</mrk><ph id="1">&lt;img alt="<sub>Logo</sub>"/&gt;</ph>.</target></trans-unit>'), 'f.xlf');
    const unit = parsed.units[0];
    expect(unit?.source.text).toBe('Siehe ISO 9001.');
    expect(unit?.target?.text).toBe('See ISO 9001.');
    expect(unit?.target?.marks.map((m) => m.type)).toEqual(['protected']);
    expect(unit?.target?.codes.map((c) => [c.element, c.data])).toEqual([['ph', '<img alt="Logo"/>']]);
    expect(JSON.stringify(unit?.target?.nodes)).toContain('"local":"sub"');
  });

  it('2.x: codes with data references are codes, <originalData> is not text, an ignorable with text stays in the unit but is no entry', () => {
    const parsed = readXliff(file2x('<originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data></originalData><segment id="s1" state="translated"><source><pc id="1" dataRefStart="d1" dataRefEnd="d2">Fett</pc>.</source><target><pc id="1" dataRefStart="d1" dataRefEnd="d2">Bold</pc>.</target></segment><ignorable><source> (Ende) </source></ignorable><segment id="s2"><source>Zwei.</source></segment>'), 'f.xlf');
    const unit = parsed.units[0];
    expect(unit?.segments[0]?.target?.codes.map((c) => [c.element, c.id])).toEqual([['pc', '1']]);
    expect(unit?.source.text).toBe('Fett. (Ende) Zwei.');
    expect(unit?.target?.text).toBe('Bold. (Ende) ');
    expect(entriesOf(parsed).map((e) => [e.id, e.source])).toEqual([['s1', 'Fett.'], ['s2', 'Zwei.']]);
  });
});
