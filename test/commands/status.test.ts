import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

interface StatusJson {
  statusVersion: number;
  rows: Array<{ language: string; segments: Record<string, number>; totalSegments: number; totalWords: number }>;
}

describe('l10n status', () => {
  it('counts complete translations as complete', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    const result = await project.run(['status', '--json', '--fail-if-incomplete']);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as StatusJson;
    // The credit "dpa" is locked by extract (nothing to translate): final.
    expect(status.rows.map((r) => [r.language, r.segments.translated, r.segments.final, r.totalSegments])).toEqual([
      ['en', 7, 1, 8],
      ['fr', 7, 1, 8],
      ['es', 7, 1, 8],
    ]);
    expect(status.rows[0]!.totalWords).toBe(52);
  });

  it('counts a fresh extract as initial (but the locked credit) and fails with --fail-if-incomplete', async () => {
    project = tempProject({ fixture: 'artikel' });
    await project.run(['extract', '--lang', 'en']);
    const plain = await project.run(['status', '--lang', 'en']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('1/8 segments  untranslated 7');
    const strict = await project.run(['status', '--lang', 'en', '--fail-if-incomplete']);
    expect(strict.code).toBe(1);
  });

  it('counts without reading the glossary, which only term matching needs', async () => {
    project = tempProject({ withTranslations: true });
    project.write('glossary/broken.yaml', 'terms:\n  - source: [unclosed\n');
    expect((await project.run(['extract', '--lang', 'en'])).code).toBe(2);
    const status = await project.run(['status', '--json', '--lang', 'en']);
    expect(status.code).toBe(0);
    // 28 translated and the credit "Expansion", locked by extract: final, as the file says.
    expect((JSON.parse(status.stdout) as StatusJson).rows.map((r) => [r.language, r.segments.translated, r.segments.final])).toEqual([['en', 28, 1]]);
  });

  it('counts untranslated, pending, translated, machine, reviewed and final apart, in JSON and in text', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    const file = 'translations/en/gipfel.xlf';
    project.write(
      file,
      project
        .read(file)
        .replace('<target state="translated" xml:space="preserve">Scholz meets Macron in Paris</target>', '<target state="new" xml:space="preserve"></target>')
        .replace('<target state="translated" xml:space="preserve">The Chancellor', '<target state="needs-review-translation" xml:space="preserve">The Chancellor')
        .replace('<target state="translated" xml:space="preserve">Both talked', '<target state="needs-review-translation" state-qualifier="mt-suggestion" xml:space="preserve">Both talked')
        .replace('<target state="translated" xml:space="preserve">New aid', '<target state="signed-off" xml:space="preserve">New aid')
        .replace('<target state="translated" xml:space="preserve">The government', '<target state="final" xml:space="preserve">The government'),
    );
    const json = await project.run(['status', '--json', '--lang', 'en']);
    const row = (JSON.parse(json.stdout) as { rows: Array<{ categories: { segments: Record<string, number> } }> }).rows[0];
    expect(row?.categories.segments).toEqual({ untranslated: 1, pending: 1, translated: 2, machine: 1, reviewed: 1, final: 2 });
    const text = await project.run(['status', '--lang', 'en']);
    expect(text.stdout).toMatch(/untranslated 1 \(\d+ words\), pending 1 \(\d+ words\), translated 2 \(\d+ words\), machine, unreviewed 1 \(\d+ words\), reviewed 1 \(\d+ words\), final 2 \(\d+ words\)/u);
  });

  it('warns about a language without a translation file', async () => {
    project = tempProject({ fixture: 'artikel' });
    const result = await project.run(['status', '--lang', 'fr']);
    expect(result.stderr).toContain('no translation file yet [status/missing-xliff]');
  });
});
