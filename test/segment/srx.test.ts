import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import * as srxModule from '../../pipeline/segment/srx.js';
import { parseSrx, rulesForLanguage } from '../../pipeline/segment/srx.js';

/** An SRX document with the given language rules body and maps. */
function srx(languageRules: string, maps: string, cascade = 'no'): string {
  return `<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="${cascade}"/>
  <body>
    <languagerules>
${languageRules}
    </languagerules>
    <maprules>
${maps}
    </maprules>
  </body>
</srx>`;
}

const TWO_LANGUAGES = srx(
  `      <languagerule languagerulename="German">
        <rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule><beforebreak>[.?!]+</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule>`,
  `      <languagemap languagepattern="DE.*" languagerulename="German"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>`,
);

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseSrx', () => {
  it('reads language rules in order with their break flag (default yes) and position', () => {
    const doc = parseSrx(TWO_LANGUAGES, 'two.srx');
    expect([...doc.languageRules.keys()]).toEqual(['German', 'Default']);
    const german = doc.languageRules.get('German')?.rules[0];
    expect(german).toMatchObject({ break: false, before: '\\bDr\\.', after: '\\s', index: 1, line: 7 });
    expect(doc.languageRules.get('Default')?.rules[0]?.break).toBe(true);
    expect(doc.cascade).toBe(false);
    expect(doc.segmentSubflows).toBe(true);
  });

  it('treats a missing beforebreak or afterbreak as matching anything', () => {
    const doc = parseSrx(srx('<languagerule languagerulename="A"><rule break="yes"><beforebreak>;</beforebreak></rule></languagerule>', '<languagemap languagepattern=".*" languagerulename="A"/>'), 'a.srx');
    const rule = doc.languageRules.get('A')?.rules[0];
    rule!.test.lastIndex = 2;
    expect(rule?.test.test('a;b')).toBe(true);
  });

  it('uses only the first matching map without cascade, ignoring case in the language pattern', () => {
    const doc = parseSrx(TWO_LANGUAGES, 'two.srx');
    expect(rulesForLanguage(doc, 'de-AT').map((r) => r.languageRule)).toEqual(['German']);
    expect(rulesForLanguage(doc, 'fr').map((r) => r.languageRule)).toEqual(['Default']);
  });

  it('uses every matching map in order with cascade="yes"', () => {
    const doc = parseSrx(TWO_LANGUAGES.replace('cascade="no"', 'cascade="yes"'), 'two.srx');
    expect(rulesForLanguage(doc, 'de').map((r) => r.languageRule)).toEqual(['German', 'Default']);
    expect(rulesForLanguage(doc, 'en').map((r) => r.languageRule)).toEqual(['Default']);
  });

  it('matches the language pattern against the whole code', () => {
    const doc = parseSrx(srx('<languagerule languagerulename="A"><rule><beforebreak>\\.</beforebreak></rule></languagerule>', '<languagemap languagepattern="de" languagerulename="A"/>'), 'a.srx');
    expect(rulesForLanguage(doc, 'de')).toHaveLength(1);
    expect(rulesForLanguage(doc, 'de-CH')).toHaveLength(0);
  });

  it('refuses a DOCTYPE (no entity is ever resolved)', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE srx [<!ENTITY x "boom">]>\n<srx version="2.0"><body/></srx>';
    const error = inputError(() => parseSrx(xml, 'evil.srx'));
    expect(error.detail).toMatchObject({ ruleId: 'segment/srx-doctype', file: 'evil.srx', line: 2 });
  });

  it('refuses absurd nesting through the shared XML parser', () => {
    const xml = `<srx version="2.0"><body>${'<x>'.repeat(300)}${'</x>'.repeat(300)}</body></srx>`;
    expect(inputError(() => parseSrx(xml, 'deep.srx')).detail).toMatchObject({ ruleId: 'segment/srx-too-deep', file: 'deep.srx' });
  });

  it('reports malformed XML with file, line and column', () => {
    const error = inputError(() => parseSrx('<srx version="2.0">\n  <body>\n</srx>', 'bad.srx'));
    expect(error.detail.ruleId).toBe('segment/srx-malformed');
    expect(error.detail.file).toBe('bad.srx');
    expect(error.detail.line).toBe(3);
  });

  it('refuses another root element, another version, an unknown rule name and bad yes/no values', () => {
    expect(inputError(() => parseSrx('<rules/>', 'x.srx')).detail.ruleId).toBe('segment/srx-not-srx');
    expect(inputError(() => parseSrx('<srx version="1.0"/>', 'x.srx')).detail.ruleId).toBe('segment/srx-version');
    expect(inputError(() => parseSrx(srx('', '<languagemap languagepattern=".*" languagerulename="Nope"/>'), 'x.srx')).detail).toMatchObject({ ruleId: 'segment/srx-unknown-rule', line: 9 });
    expect(inputError(() => parseSrx(srx('<languagerule languagerulename="A"><rule break="maybe"/></languagerule>', ''), 'x.srx')).detail.ruleId).toBe('segment/srx-bad-attribute');
  });

  it('names the rule, file, line and column of a regex it cannot translate', () => {
    const xml = srx(
      `      <languagerule languagerulename="Possessive">
        <rule break="no"><beforebreak>\\w++\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule>`,
      '<languagemap languagepattern=".*" languagerulename="Possessive"/>',
    );
    const error = inputError(() => parseSrx(xml, 'rules/custom.srx'));
    expect(error.detail).toMatchObject({ ruleId: 'segment/srx-unsupported-regex', file: 'rules/custom.srx', line: 7, column: 9 });
    expect(error.detail.reason).toContain('rule 1 of language rule "Possessive"');
    expect(error.detail.reason).toContain('Possessive quantifier');
    expect(error.message).toMatch(/^rules\/custom\.srx:7:9: /u);
    expect(error.detail.hint).toBeTruthy();
  });
});

describe('the srx module', () => {
  it('still exports the names of the former single module', () => {
    expect(typeof srxModule.translateJavaRegex).toBe('function');
    expect(typeof srxModule.RegexTranslationError).toBe('function');
    expect(typeof srxModule.compileRule).toBe('function');
    expect(typeof srxModule.loadSrx).toBe('function');
  });
});
