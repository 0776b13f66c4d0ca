/**
 * A language with more messages than a JavaScript call takes arguments (about 125,000): the
 * translator's file holds 130,000 units that are no sentence of the document (an export of
 * another version, an archive). Spreading such a list into `push(...)` or `Math.max(...)`
 * overflows the stack; `build` and `check` must report the findings instead.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

const UNITS = 130_000;

describe('a language with 130,000 findings', () => {
  it('build and check report every unknown unit and exit 1, without a stack overflow', async () => {
    project = tempProject({ fixture: 'kurz' });
    mkdirSync(path.join(project.root, 'many'), { recursive: true });
    project.write('l10n.config.yaml', 'targetLanguages: [en]\ndocuments: [many/many.txt]\n');
    project.write('many/many.txt', 'Ein Satz.\n');
    expect((await project.run(['extract'])).code).toBe(0);
    const file = 'translations/en/many.xlf';
    const unknown = Array.from({ length: UNITS }, (_, i) => `<trans-unit id="old${i}"><source>Alt ${i}.</source></trans-unit>`).join('\n');
    project.write(file, project.read(file).replace('</body>', `${unknown}\n</body>`));
    for (const command of ['build', 'check']) {
      const result = await project.run([command]);
      expect(result.stderr).not.toContain('Maximum call stack');
      expect(result.stderr).toContain(`${command}: 1 error, ${UNITS} warnings`);
      expect(result.code).toBe(1);
    }
  }, 180_000);
});
