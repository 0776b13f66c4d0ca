/**
 * What the `xliff` npm package (v6, a devDependency) loses when it reads files the way CAT tools
 * leave them. These assertions pin what we observed, so the README's claim ("it drops data on
 * edited files; we read XLIFF with our own adapter") stays true or this test tells us it changed.
 * Reads only; writes nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliff } from '../../pipeline/xliff/index.js';

/** The two readers we measure. The package ships no types; this is the shape we call. */
interface XliffPackage {
  xliff12ToJs(xml: string, options?: { inlineAsString?: boolean }): Promise<unknown>;
  xliff2js(xml: string, options?: { inlineAsString?: boolean }): Promise<unknown>;
}
// A non-literal specifier keeps TypeScript from looking for the declarations the package lacks.
const PACKAGE: string = 'xliff';
const { xliff12ToJs, xliff2js } = (await import(PACKAGE)) as XliffPackage;

const fixture = (name: string): string => readFileSync(path.resolve('test/fixtures/xliff', name), 'utf8').replace(/^\uFEFF/u, '');
const file12 = (units: string): string =>
  `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="o" source-language="de" target-language="en" datatype="plaintext"><body>${units}</body></file></xliff>`;
const file21 = (segments: string): string =>
  `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="de" trgLang="en"><file id="f"><unit id="u">${segments}</unit></file></xliff>`;

type Units = Record<string, Record<string, unknown>>;
const unitsOf = (result: unknown, file: string): Units => (result as { resources: Record<string, Units> }).resources[file] ?? {};
const ours = (xml: string) => readXliff(new TextEncoder().encode(xml), 'probe.xlf');

describe('the xliff package (v6) on XLIFF 1.2', () => {
  it('drops the state of <target> (and state-qualifier); keeps approved as an attribute', async () => {
    const xml = file12('<trans-unit id="a" approved="yes"><source>Eins</source><target state="signed-off" state-qualifier="exact-match">One</target></trans-unit>');
    const unit = unitsOf(await xliff12ToJs(xml), 'o').a;
    expect(unit).toEqual({ source: 'Eins', target: 'One', additionalAttributes: { approved: 'yes' } });
    expect(JSON.stringify(unit)).not.toContain('signed-off');
    expect(ours(xml).units[0]).toMatchObject({ rawState: 'signed-off', state: 'reviewed' });
    expect(ours(xml).units[0]?.segments[0]?.subState).toBe('exact-match');
  });

  it('drops every target state of a Trados-style file', async () => {
    const units = (await xliff12ToJs(fixture('trados-style-12.xlf'))) as unknown;
    expect(JSON.stringify(units)).not.toMatch(/translated|signed-off|needs-review/u);
  });

  it('keeps both segments of a split target as <mrk> objects but leaves <seg-source> unparsed', async () => {
    const unit = unitsOf(await xliff12ToJs(fixture('multiseg-12.xlf')), 'source/treffen.txt').s51bad67ede2b;
    expect(unit?.target).toEqual([
      { Marker: { mtype: 'seg', mid: '0', contents: 'Kim spoke of ' } },
      { Marker: { mtype: 'seg', mid: '1', contents: 'a “brotherly duty”.' } },
    ]);
    // The source segments exist only as a raw xml-js element, not as source text.
    expect(unit?.source).toBe('Kim sprach von „brüderlicher Pflicht“.');
    expect((unit?.additionalElements as Array<{ name: string }>).map((e) => e.name)).toEqual(['seg-source']);
  });

  it('keeps text inside <mrk> in 1.2', async () => {
    const unit = unitsOf(await xliff12ToJs(fixture('trados-style-12.xlf')), 'source/treffen.txt').b8fd3fc851991;
    expect(JSON.stringify(unit)).toContain('"contents":"Peking"');
  });

  it('drops <it> codes and the attributes of notes, and cuts a trailing line break from text', async () => {
    const xml = file12('<trans-unit id="a"><source>Eins\n  </source><target><g id="1">Putin</g> meets<it id="3" pos="open">&lt;i&gt;</it> Kim\nTwo\n</target><note from="reviewer" priority="2">n</note></trans-unit>');
    const unit = unitsOf(await xliff12ToJs(xml, { inlineAsString: true }), 'o').a;
    expect(unit).toEqual({ source: 'Eins', target: '<g id="1">Putin</g> meets Kim\nTwo', note: 'n' });
    expect(ours(xml).units[0]?.target?.text).toBe('Putin meets Kim\nTwo\n');
  });

  it('keeps only the last of two units with the same id, silently', async () => {
    const xml = file12('<trans-unit id="a"><source>1</source><target>one</target></trans-unit><trans-unit id="a"><source>2</source><target>two</target></trans-unit>');
    expect(unitsOf(await xliff12ToJs(xml), 'o')).toEqual({ a: { source: '2', target: 'two' } });
  });

  it('loses a unit with id "__proto__" (it becomes the prototype of the result object)', async () => {
    const xml = file12('<trans-unit id="__proto__"><source>A</source><target>a</target></trans-unit><trans-unit id="constructor"><source>B</source><target>b</target></trans-unit>');
    const units = unitsOf(await xliff12ToJs(xml), 'o');
    expect(Object.keys(units)).toEqual(['constructor']);
    expect(ours(xml).units.map((u) => u.id)).toEqual(['__proto__', 'constructor']);
  });

  it('fails with a TypeError, not a parse error, on a prefixed XLIFF namespace and on a truncated file', async () => {
    await expect(xliff12ToJs(fixture('memoq-style-12.xlf'))).rejects.toThrow(TypeError);
    await expect(xliff12ToJs(file12('<trans-unit id="a"><source>A</source><target>a</target></trans-unit>').slice(0, 150))).rejects.toThrow(TypeError);
  });
});

describe('the xliff package (v6) on XLIFF 2.1', () => {
  it('keeps only the last segment of a unit with several', async () => {
    const xml = file21('<segment id="a" state="final"><source>Eins.</source><target>One.</target></segment><segment id="b"><source>Zwei.</source><target>Two.</target></segment><segment id="c"><source>Drei.</source><target>Three.</target></segment>');
    expect(unitsOf(await xliff2js(xml), 'f')).toEqual({ u: { source: 'Drei.', target: 'Three.' } });
    expect(ours(xml).units[0]?.segments.map((s) => s.target?.text)).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('drops segment states', async () => {
    const xml = file21('<segment id="a" state="final"><source>Eins.</source><target>One.</target></segment>');
    expect(JSON.stringify(await xliff2js(xml))).not.toContain('final');
  });

  it('drops the text inside <mrk>', async () => {
    const xml = file21('<segment><source>Zwei <mrk id="m1" type="term">Peking</mrk>.</source><target>Two <mrk id="m1" type="term">Beijing</mrk>.</target></segment>');
    expect(unitsOf(await xliff2js(xml), 'f').u).toEqual({ source: ['Zwei ', '', '.'], target: ['Two ', '', '.'] });
    expect(unitsOf(await xliff2js(xml, { inlineAsString: true }), 'f').u).toEqual({ source: 'Zwei .', target: 'Two .' });
    expect(ours(xml).units[0]?.target?.text).toBe('Two Beijing.');
  });

  it('fails with a TypeError on a prefixed core namespace', async () => {
    await expect(xliff2js(fixture('tool-21.xlf'))).rejects.toThrow(TypeError);
  });
});
