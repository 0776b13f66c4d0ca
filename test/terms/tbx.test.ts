import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryOf, loadGlossary } from '../../pipeline/terms/glossary.js';
import type { GlossaryEntry } from '../../pipeline/terms/glossary.js';
import { exportTbx, importTbx } from '../../pipeline/terms/tbx.js';
import { FIXTURES } from './helpers.js';

/** The fields a round trip must keep (origin is where the entry was read from, so it differs). */
const comparable = (e: GlossaryEntry): Omit<GlossaryEntry, 'origin'> => {
  const { origin: _origin, ...rest } = e;
  return rest;
};

describe('exportTbx', () => {
  const { glossary } = loadGlossary([path.join(FIXTURES, 'basic.yaml')]);
  const tbx = exportTbx(glossary);

  it('writes TBX-Basic in the TBX 2 martif form', () => {
    expect(tbx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<martif type="TBX-Basic" xml:lang="de">/);
    expect(tbx).toContain('<termEntry id="weisses-haus">');
    expect(tbx).toContain('<term>White House</term>');
    expect(tbx).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    expect(tbx).toContain('<termNote type="grammaticalGender">masculine</termNote>');
  });

  it('round-trips every entry through importTbx', () => {
    const back = importTbx(tbx, 'x.tbx');
    expect(back.messages).toEqual([]);
    expect(back.entries.map(comparable)).toEqual(glossary.entries.map(comparable));
  });

  it('limits the languages when asked', () => {
    const onlyFr = exportTbx(glossary, { languages: ['fr'] });
    expect(onlyFr).not.toContain('xml:lang="en"');
    expect(onlyFr).toContain('Maison-Blanche');
  });
});

describe('importTbx', () => {
  it('reads TBX 3 (tbx / conceptEntry / langSec / termSec) with preferred, admitted and deprecated terms', () => {
    const xml = `<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <descrip type="subjectField">politics</descrip>
      <langSec xml:lang="de-DE"><termSec><term>Kreml</term><termNote type="partOfSpeech">properNoun</termNote></termSec></langSec>
      <langSec xml:lang="EN-us">
        <termSec><term>the Kremlin leadership</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
        <termSec><term>Kremlin</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
        <termSec><term>Kreml</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c2"><langSec xml:lang="en"><termSec><term>orphan</term></termSec></langSec></conceptEntry>
  </body></text>
</tbx>`;
    const { entries, messages } = importTbx(xml, 'x.tbx', { defaultKind: 'institution' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'c1', source: 'Kreml', kind: 'institution', pos: 'proper-noun', domain: 'politics',
      targets: { 'en-US': ['Kremlin', 'the Kremlin leadership'] }, forbidden: { 'en-US': ['Kreml'] } });
    expect(messages.map((m) => m.ruleId)).toEqual(['tbx/no-source-term']);
  });

  it('refuses a DOCTYPE', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x "boom">]>\n<martif type="TBX-Basic"><text><body/></text></martif>';
    const { entries, messages } = importTbx(xml, 'x.tbx');
    expect(entries).toEqual([]);
    expect(messages[0]).toMatchObject({ ruleId: 'tbx/doctype', fatal: true, line: 2 });
  });

  it('accepts the DOCTYPE MultiTerm writes (an external DTD only, never read) and decodes bytes strictly', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif type="TBX"><text><body>'
      + '<termEntry id="e1"><langSet xml:lang="de"><tig><term>Kreml</term></tig></langSet><langSet xml:lang="en"><tig><term>Kremlin</term></tig></langSet></termEntry>'
      + '</body></text></martif>';
    const { entries, messages } = importTbx(new TextEncoder().encode(xml), 'x.tbx');
    expect(messages).toEqual([]);
    expect(entries[0]).toMatchObject({ source: 'Kreml', targets: { en: ['Kremlin'] } });
    const latin1 = new TextEncoder().encode(xml.replace('Kreml<', 'Kr#ml<'));
    latin1[latin1.indexOf('#'.charCodeAt(0))] = 0xe9;
    expect(importTbx(latin1, 'x.tbx').messages[0]).toMatchObject({ ruleId: 'tbx/invalid-utf8', fatal: true, line: 3 });
    expect(importTbx(xml.replace('UTF-8', 'x-unknown-7'), 'x.tbx').messages[0]).toMatchObject({ ruleId: 'tbx/encoding', fatal: true });
    const fixed = Uint8Array.from([...latin1.subarray(0, xml.indexOf('UTF-8')), ...new TextEncoder().encode('ISO-8859-1'), ...latin1.subarray(xml.indexOf('UTF-8') + 5)]);
    expect(importTbx(fixed, 'x.tbx').entries[0]).toMatchObject({ source: 'Kréml' });
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `<martif><text><body>${'<termEntry>'.repeat(300)}${'</termEntry>'.repeat(300)}</body></text></martif>`;
    expect(importTbx(deep, 'x.tbx').messages[0]).toMatchObject({ ruleId: 'tbx/too-deep', fatal: true, line: 1 });
  });

  it('reports malformed XML and foreign roots as fatal messages', () => {
    expect(importTbx('<martif><text>', 'x.tbx').messages[0]).toMatchObject({ ruleId: 'tbx/xml-syntax', fatal: true });
    expect(importTbx('<html/>', 'x.tbx').messages[0]).toMatchObject({ ruleId: 'tbx/not-tbx' });
  });

  it('produces entries that pass the duplicate check', () => {
    const { glossary } = loadGlossary([path.join(FIXTURES, 'basic.yaml')]);
    const again = importTbx(exportTbx(glossary), 'x.tbx');
    expect(glossaryOf(again.entries).messages).toEqual([]);
  });
});
