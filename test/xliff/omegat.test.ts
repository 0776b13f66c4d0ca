/**
 * Round trip through an OmegaT-shaped file: OmegaT translates only text already in <target>, so
 * the 'omegat' profile pre-fills targets with the source. What comes back: no BOM and no final
 * newline, CRLF line ends, untouched units with state="new" and the copy still in place, inline
 * markers dropped from some targets, translated targets whose state was left as it was or set to
 * "translated".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { segmentsOf } from '../../pipeline/model.js';
import { exportXliff, matchTranslations, readXliff } from '../../pipeline/xliff/index.js';
import { makeDocument } from '../helpers/document.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const doc = makeDocument(
  [
    ['title', ['Putin trifft Kim in Peking']],
    ['paragraph', ['Das Treffen fand in Peking statt.', 'Kim sprach von „brüderlicher Pflicht“.', 'Xi schwieg.']],
  ],
  { name: 'treffen', terms: [{ text: 'Peking', targets: { en: ['Beijing'] } }] },
);

/** Translates every other unit the way OmegaT saves a file; returns the file and the translations. */
function omegatEdit(xliff: string, version: '1.2' | '2.1'): { file: string; translated: Map<string, string> } {
  const translated = new Map<string, string>();
  let n = 0;
  const pattern = version === '1.2'
    ? /(<trans-unit id="([^"]+)"[^>]*>\s*<source[^>]*>[\s\S]*?<\/source>\s*)<target state="([^"]+)"([^>]*)>([\s\S]*?)<\/target>/gu
    : /(<segment id="([^"]+)" state="([^"]+)"[^>]*>\s*<source[^>]*>[\s\S]*?<\/source>\s*)<target([^>]*)>([\s\S]*?)<\/target>/gu;
  let file = xliff.replace(pattern, (_all, head: string, id: string, state: string, attrs: string) => {
    n += 1;
    if (n % 2 === 0) {
      // Untouched: OmegaT writes state="new" and leaves the copy.
      return version === '1.2' ? `${head.replace(/state="[^"]+"/u, '')}<target state="new"${attrs}>${sourceOf(id)}</target>` : `${head.replace(`state="${state}"`, 'state="initial"')}<target${attrs}>${sourceOf(id)}</target>`;
    }
    const text = `EN ${sourceOf(id).replace('Peking', 'Beijing')}`;
    translated.set(id, text);
    // Odd units: the first keeps its state (OmegaT does not update it), the others say translated.
    const newState = n === 1 ? state : 'translated';
    return version === '1.2' ? `${head}<target state="${newState}"${attrs}>${text}</target>` : `${head.replace(`state="${state}"`, `state="${newState}"`)}<target${attrs}>${text}</target>`;
  });
  file = file.replace(/\n$/u, '').replace(/\n/gu, '\r\n');
  return { file, translated };
}

function sourceOf(id: string): string {
  return segmentsOf(doc).find((s) => s.id === id)?.text ?? '';
}

describe('OmegaT round trip', () => {
  for (const version of ['1.2', '2.1'] as const) {
    it(`XLIFF ${version}: every translated unit comes back; untouched copies count as untranslated`, () => {
      const { xliff } = exportXliff(doc, undefined, undefined, { version, sourceLanguage: 'de', targetLanguage: 'en', original: doc.path, profile: 'omegat' });
      expect(xliff.startsWith('<?xml')).toBe(true);
      const { file, translated } = omegatEdit(xliff, version);
      expect(translated.size).toBe(2);
      expect(file).toContain('\r\n');
      expect(file.endsWith('>')).toBe(true);
      const { bySegment } = matchTranslations(doc, readXliff(new TextEncoder().encode(file), 'omegat.xlf'), { sourceLanguage: 'de', targetLanguage: 'en', profile: 'omegat' });
      for (const segment of segmentsOf(doc)) {
        const t = bySegment.get(segment.id);
        const expected = translated.get(segment.id);
        if (expected === undefined) {
          expect(t).toMatchObject({ target: undefined, state: 'initial', origin: 'source-copy' });
        } else {
          expect(t).toMatchObject({ target: { text: expected }, state: 'translated', needsReview: false, origin: 'translator' });
        }
      }
    });
  }
});

const TITLE_FR = 'Scholz rencontre Macron à Paris';

describe('OmegaT profile through the CLI', () => {
  let project: TempProject | undefined;
  afterEach(() => {
    project?.remove();
    project = undefined;
  });

  it('pre-fills targets when xliff.languages.<lang>.profile is omegat, and build publishes only what was translated', async () => {
    project = tempProject({ fixture: 'artikel' });
    const config = project.read('l10n.config.yaml')
      .replace('  profile: default\n', '  profile: default\n  languages:\n    fr:\n      profile: omegat\n')
      .replace('untranslated: fail', 'untranslated: source');
    project.write('l10n.config.yaml', config);
    expect((await project.run(['extract'])).code).toBe(0);
    const fr = project.read('translations/fr/gipfel.xlf');
    const en = project.read('translations/en/gipfel.xlf');
    // The credit "dpa" (do not translate) has nothing to translate: locked, its source its final target.
    expect(fr.match(/<target state="needs-translation"/gu)).toHaveLength(7);
    expect(fr.match(/<target state="final" xml:space="preserve">dpa<\/target>/gu)).toHaveLength(1);
    expect(en.match(/<target/gu)).toHaveLength(1);
    // OmegaT saves: translate the first unit without touching its state, the rest stay copies.
    let first = true;
    const edited = fr
      .replace(/<target state="needs-translation"([^>]*)>[^<]*/gu, (all, attrs: string) => {
        if (!first) return all.replace('needs-translation', 'new');
        first = false;
        return `<target state="needs-translation"${attrs}>${TITLE_FR}`;
      })
      .replace(/\n$/u, '')
      .replace(/\n/gu, '\r\n');
    project.write('translations/fr/gipfel.xlf', edited);
    const build = await project.run(['build', '--lang', 'fr', '--format', 'json']);
    const [report] = JSON.parse(build.stdout) as Array<{ documents: Array<{ counts: { published: number; fellBack: number } }> }>;
    expect(report?.documents[0]?.counts).toMatchObject({ published: 2, fellBack: 6 });
    expect(project.read('output/fr/gipfel.txt').startsWith(TITLE_FR)).toBe(true);
  });

  it('publishes a credit that comes back from OmegaT unchanged: locked, counted as done by build and status', async () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('l10n.config.yaml', `${project.read('l10n.config.yaml')}xliff:\n  profile: omegat\n`);
    expect((await project.run(['extract'])).code).toBe(0);
    const file = 'translations/en/treffen.xlf';
    const exported = project.read(file);
    expect(exported).toMatch(/<trans-unit id="s[0-9a-f]+" resname="credit-4\.1" translate="no" approved="yes">/u);
    // OmegaT translates the sentences without updating their states and leaves the credit as it was.
    const english: Record<string, string> = {
      'Treffen in Peking': 'Meeting in Beijing',
      'Der Präsident traf Kim in Peking.': 'The president met Kim in Beijing.',
      'Beide sprachen zwei Stunden lang.': 'They spoke for two hours.',
      'Danach reiste er ab.': 'Then he left.',
    };
    const edited = exported
      .replace(/<target state="needs-translation" xml:space="preserve">([^<]*)<\/target>/gu, (all, text: string) => all.replace(`>${text}<`, `>${english[text] ?? text}<`))
      .replace(/\n$/u, '')
      .replace(/\n/gu, '\r\n');
    project.write(file, edited);
    const built = await project.run(['build', '--lang', 'en']);
    expect(built.stderr).toContain('en: 5/5 segments published; wrote output/en/treffen.txt');
    expect(built.code).toBe(0);
    expect(project.read('output/en/treffen.txt').trimEnd().endsWith('\ndpa')).toBe(true);
    const status = JSON.parse((await project.run(['status', '--lang', 'en', '--json'])).stdout) as { rows: Array<{ segments: Record<string, number> }> };
    expect(status.rows[0]?.segments).toMatchObject({ initial: 0, final: 1, translated: 4 });
    // A CAT tool that drops the lock changes nothing: the credit still has nothing to translate.
    project.write(file, edited.replace(' translate="no"', '').replace('<target state="final"', '<target state="new"'));
    expect((await project.run(['build', '--lang', 'en'])).stderr).toContain('en: 5/5 segments published');
    // The next extract locks it again.
    await project.run(['extract', '--lang', 'en']);
    expect(project.read(file)).toMatch(/resname="credit-4\.1" translate="no"/u);
  });

  it('publishes a sentence that the translator accepts as the same as the source with an l10n-accept note', async () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('l10n.config.yaml', `${project.read('l10n.config.yaml')}xliff:\n  profile: omegat\n`);
    await project.run(['extract']);
    const file = 'translations/en/treffen.xlf';
    const translated = project.read(file)
      .replace('>Treffen in Peking</target>', '>Meeting in Beijing</target>')
      .replace('>Der Präsident traf Kim in Peking.</target>', '>The president met Kim in Beijing.</target>')
      .replace('>Beide sprachen zwei Stunden lang.</target>', '>They spoke for two hours.</target>');
    // "Danach reiste er ab." stays as it is (say, a quotation kept in German).
    project.write(file, translated);
    const refused = await project.run(['build', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('segment not published: it has no translation [build/untranslated]');
    const accepted = translated.replace(
      /(<source xml:space="preserve">Danach reiste er ab\.<\/source>[\s\S]*?)(<\/trans-unit>)/u,
      '$1  <note from="l10n-accept">qa/same-as-source: quoted in German on purpose</note>\n        $2',
    );
    expect(accepted).toContain('l10n-accept');
    project.write(file, accepted);
    const built = await project.run(['build', '--lang', 'en', '--format', 'json']);
    expect(built.code).toBe(0);
    const [report] = JSON.parse(built.stdout) as Array<{ messages: Array<{ ruleId: string; severity: string; accepted?: string }> }>;
    expect(report?.messages).toContainEqual(expect.objectContaining({ ruleId: 'qa/same-as-source', severity: 'info', accepted: 'quoted in German on purpose' }));
    expect(project.read('output/en/treffen.txt')).toContain('Danach reiste er ab.');
  });
});
