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
    expect(fr.match(/<target state="needs-translation"/gu)).toHaveLength(8);
    expect(en).not.toContain('<target');
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
    expect(report?.documents[0]?.counts).toMatchObject({ published: 1, fellBack: 7 });
    expect(project.read('output/fr/gipfel.txt').startsWith(TITLE_FR)).toBe(true);
  });
});
