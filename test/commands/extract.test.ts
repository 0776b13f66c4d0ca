/**
 * `l10n extract` as editors and CI run it: a large scraped source with many repairs, and folders
 * that cannot be written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('extract', () => {
  it('shows at most five notices of one rule per file and counts the rest, like build', async () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('l10n.config.yaml', 'targetLanguages: [en]\npaths:\n  glossary: []\n');
    const glued = Array.from({ length: 12 }, (_, i) => `Neue Hilfen für die IndustrieDie Regierung plant neue Stellen Nummer ${i + 1}.`);
    project.write('source/treffen.txt', ['Titel des Artikels', ...glued, ''].join('\n'));
    const result = await project.run(['extract']);
    expect(result.code).toBe(0);
    expect(result.stderr.match(/: info: a sub-heading was glued.*\[read\/glued-heading\]$/gmu)?.length).toBe(5);
    expect(result.stderr).toContain('source/treffen.txt: info: 7 more like the above [read/glued-heading]\n');
    expect(result.stderr).toContain('extract: 0 errors, 0 warnings, 12 notices');
  });
});
