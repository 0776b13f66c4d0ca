/**
 * The match stage holds the locks extract wrote against the current glossary: `build` unlocks a
 * unit whose sentence now has something to translate, `status` (which does not load the
 * glossary) counts the files as they are.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('locked units after a glossary change', () => {
  it('build no longer publishes a locked credit whose term became translatable; status still counts the file\'s lock until extract', async () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('l10n.config.yaml', `${project.read('l10n.config.yaml')}policies:\n  untranslated: hold\n`);
    expect((await project.run(['extract', '--lang', 'en'])).code).toBe(0);
    expect(project.read('translations/en/treffen.xlf')).toMatch(/resname="credit-4\.1" translate="no"/u);
    // "dpa" gets a translation: the credit has something to translate now.
    project.write('glossary/terms.yaml', project.read('glossary/terms.yaml').replace(/(source: dpa\n\s+kind: organization\n)\s+dnt: true\n/u, '$1    targets:\n      en: German Press Agency\n'));
    expect(project.read('glossary/terms.yaml')).toMatch(/source: dpa\n\s+kind: organization\n\s+targets:\n\s+en: German Press Agency\n/u);

    const built = await project.run(['build', '--lang', 'en', '--format', 'json']);
    const [report] = JSON.parse(built.stdout) as Array<{ documents: Array<{ counts: { held?: number } }>; messages: Array<{ ruleId: string; reason: string }> }>;
    // Nothing of the document is translated any more: the credit no longer counts as ready.
    expect(report?.documents[0]?.counts.held).toBe(0);
    const status = JSON.parse((await project.run(['status', '--lang', 'en', '--json'])).stdout) as { rows: Array<{ segments: Record<string, number> }> };
    expect(status.rows[0]?.segments).toMatchObject({ final: 1, initial: 4 });

    expect((await project.run(['extract', '--lang', 'en'])).code).toBe(0);
    expect(project.read('translations/en/treffen.xlf')).not.toContain('translate="no"');
    const after = JSON.parse((await project.run(['status', '--lang', 'en', '--json'])).stdout) as { rows: Array<{ segments: Record<string, number> }> };
    expect(after.rows[0]?.segments).toMatchObject({ final: 0, initial: 5 });
  });
});
