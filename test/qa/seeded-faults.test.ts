/**
 * Seeded faults: each fault class is injected into a copy of a clean, complete set of
 * translations (`test/fixtures/projects/artikel`), and `l10n check` must find it with the right
 * rule id, and report nothing else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const DOC = 'gipfel';
const file = (language: string): string => `translations/${language}/${DOC}.xlf`;

interface JsonMessage {
  readonly ruleId: string;
  readonly severity: string;
  readonly file?: string;
  readonly line?: number;
  readonly unit?: string;
}

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

/** Applies edits to one language's XLIFF (each `from` must occur exactly once). */
function edit(p: TempProject, language: string, edits: ReadonlyArray<readonly [string, string]>): void {
  let xliff = p.read(file(language));
  for (const [from, to] of edits) {
    expect(xliff.split(from)).toHaveLength(2);
    xliff = xliff.replace(from, to);
  }
  p.write(file(language), xliff);
}

/** Runs `l10n check --format json` and returns the warnings and errors (notices of the reader aside). */
async function findings(p: TempProject, language?: string): Promise<{ code: number; messages: JsonMessage[] }> {
  const result = await p.run(['check', '--format', 'json', ...(language === undefined ? [] : ['--lang', language])]);
  const reports = JSON.parse(result.stdout) as Array<{ messages: JsonMessage[] }>;
  const seen = new Set<string>();
  const messages = reports
    .flatMap((r) => r.messages)
    .filter((m) => m.severity !== 'info')
    .filter((m) => {
      const key = JSON.stringify(m);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { code: result.code, messages };
}

const rules = (messages: readonly JsonMessage[]): string[] => [...new Set(messages.map((m) => m.ruleId))].sort();

describe('the clean translations of the fixture', () => {
  it('raise no warning and no error in any language', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    const { code, messages } = await findings(project);
    expect(messages).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('seeded faults are found with the right rule id and nothing else', () => {
  const cases: ReadonlyArray<{ name: string; language: string; edits: ReadonlyArray<readonly [string, string]>; expected: string[]; code: number }> = [
    { name: 'a wrong term (Premier for Chancellor)', language: 'en', edits: [['>The Chancellor met', '>The Premier met']], expected: ['qa/terminology'], code: 0 },
    { name: 'a forbidden term (Federal Chancellor in English)', language: 'en', edits: [['>The Chancellor met', '>The Federal Chancellor met']], expected: ['qa/forbidden-term'], code: 1 },
    { name: 'a dropped number', language: 'en', edits: [['plans 1,000 new jobs', 'plans new jobs']], expected: ['qa/numbers'], code: 1 },
    { name: 'a changed number (80e → 81e)', language: 'fr', edits: [['Pour le 80e anniversaire', 'Pour le 81e anniversaire']], expected: ['qa/numbers'], code: 1 },
    { name: 'a German ordinal left in the target', language: 'es', edits: [['En el 80.º aniversario', 'En el 80. aniversario']], expected: ['qa/numbers'], code: 1 },
    {
      name: 'an untranslated segment (state translated, no target)',
      language: 'en',
      edits: [['xml:space="preserve">Both talked about energy prices.</target>', 'xml:space="preserve"></target>']],
      expected: ['qa/untranslated'],
      code: 1,
    },
    { name: 'German quotation marks in English', language: 'en', edits: [['the “friendship of both peoples”', 'the „friendship of both peoples“']], expected: ['qa/quotes'], code: 0 },
    { name: 'English quotation marks as outer quotes in Spanish', language: 'es', edits: [['la «amistad de ambos pueblos»', 'la “amistad de ambos pueblos”']], expected: ['qa/quotes'], code: 0 },
    { name: 'an ordinary space inside French guillemets', language: 'fr', edits: [['des deux peuples\u00A0»', 'des deux peuples »']], expected: ['qa/quotes'], code: 0 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      project = tempProject({ fixture: 'artikel', withTranslations: true });
      edit(project, c.language, c.edits);
      const { code, messages } = await findings(project, c.language);
      expect(rules(messages)).toEqual(c.expected);
      expect(messages.every((m) => m.file === file(c.language) && typeof m.line === 'number' && typeof m.unit === 'string')).toBe(true);
      expect(code).toBe(c.code);
    });
  }

  it('a missing segment: the adapter reports the missing unit and the policy refuses to publish', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    const xliff = project.read(file('fr'));
    const unit = /\s*<trans-unit id="[^"]+" resname="paragraph-\d+\.2">\s*<source[^>]*>Beide sprachen[\s\S]*?<\/trans-unit>/u.exec(xliff);
    expect(unit).not.toBeNull();
    project.write(file('fr'), xliff.replace(unit![0], ''));
    const { code, messages } = await findings(project, 'fr');
    expect(rules(messages)).toEqual(['build/untranslated', 'xliff/missing-id']);
    expect(code).toBe(1);
  });

  it('a lost inline code', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    // First give one unit a placeholder in source and target: that alone is no finding.
    edit(project, 'en', [
      ['>Der <mrk mtype="term" comment="Kremlin">Kreml</mrk> reagierte', '>Der <mrk mtype="term" comment="Kremlin">Kreml</mrk><x id="1"/> reagierte'],
      ['>The Kremlin reacted', '>The Kremlin<x id="1"/> reacted'],
    ]);
    expect((await findings(project, 'en')).messages).toEqual([]);
    edit(project, 'en', [['>The Kremlin<x id="1"/> reacted', '>The Kremlin reacted']]);
    const { code, messages } = await findings(project, 'en');
    expect(rules(messages)).toEqual(['qa/inline-codes']);
    expect(code).toBe(1);
  });
});
