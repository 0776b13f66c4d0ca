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
    expect(status.rows.map((r) => [r.language, r.segments.translated, r.totalSegments])).toEqual([
      ['en', 8, 8],
      ['fr', 8, 8],
      ['es', 8, 8],
    ]);
    expect(status.rows[0]!.totalWords).toBe(52);
  });

  it('counts a fresh extract as initial and fails with --fail-if-incomplete', async () => {
    project = tempProject({ fixture: 'artikel' });
    await project.run(['extract', '--lang', 'en']);
    const plain = await project.run(['status', '--lang', 'en']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('0/8 segments');
    const strict = await project.run(['status', '--lang', 'en', '--fail-if-incomplete']);
    expect(strict.code).toBe(1);
  });

  it('counts without reading the glossary, which only term matching needs', async () => {
    project = tempProject({ withTranslations: true });
    project.write('glossary/broken.yaml', 'terms:\n  - source: [unclosed\n');
    expect((await project.run(['extract', '--lang', 'en'])).code).toBe(2);
    const status = await project.run(['status', '--json', '--lang', 'en']);
    expect(status.code).toBe(0);
    expect((JSON.parse(status.stdout) as StatusJson).rows.map((r) => [r.language, r.segments.translated])).toEqual([['en', 29]]);
  });

  it('warns about a language without a translation file', async () => {
    project = tempProject({ fixture: 'artikel' });
    const result = await project.run(['status', '--lang', 'fr']);
    expect(result.stderr).toContain('no translation file yet [status/missing-xliff]');
  });
});
