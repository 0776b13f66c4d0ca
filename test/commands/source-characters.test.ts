import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('a source with a NUL character', () => {
  it('extract stops that document with its position, writes no XLIFF for it, and does the others', async () => {
    project = tempProject();
    project.write('l10n.config.yaml', 'targetLanguages: [en]\ndocuments: [source/bad.txt, source/good.txt]\n');
    project.write('source/bad.txt', 'Titel\nDer Kreml\u0000 bestreitet es.\n');
    project.write('source/good.txt', 'Titel\nDer Kreml bestreitet es.\n');
    const result = await project.run(['extract']);
    expect(result.stderr).toContain('source/bad.txt:2:10: error: the text has a NUL character (U+0000), which translators cannot see and XLIFF cannot carry [read/control-character]');
    expect(existsSync(path.join(project.root, 'translations', 'en', 'bad.xlf'))).toBe(false);
    expect(existsSync(path.join(project.root, 'translations', 'en', 'good.xlf'))).toBe(true);
    expect(result.code).toBe(3);
  });
});
