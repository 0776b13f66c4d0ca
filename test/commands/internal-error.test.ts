/**
 * What reaches the user when something fails that no part of l10n foresaw: one line and a hint,
 * never a stack trace; in `build`, only the document and language it happened in.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishedFiles, tempProject, type TempProject } from '../helpers/project.js';

vi.mock('../../pipeline/commands/inspect.js', () => ({
  inspect: { name: 'inspect', summary: '', usage: 'Usage: l10n inspect', run: () => Promise.reject(new TypeError('Cannot read properties of undefined')) },
}));
vi.mock('../../pipeline/qa/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../pipeline/qa/index.js')>();
  return {
    ...actual,
    runChecks: (...args: Parameters<typeof actual.runChecks>) => {
      if (args[0].language === 'fr') throw new RangeError('Maximum call stack size exceeded');
      return actual.runChecks(...args);
    },
  };
});

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('an internal error', () => {
  it('is one line with a hint and exit 3, without a stack trace', async () => {
    project = tempProject({ fixture: 'artikel' });
    const result = await project.run(['inspect', 'x.xlf']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^l10n inspect: internal error \(TypeError: Cannot read properties of undefined\)\n {2}hint: this is a defect of l10n/u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it('in one language of build stops that language only: the others are written', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    const result = await project.run(['build']);
    expect(result.stderr).toContain('error: this document could not be built in fr: internal error (RangeError: Maximum call stack size exceeded) [build/internal-error]');
    expect(result.stderr).not.toMatch(/\n\s+at /u);
    expect(existsSync(path.join(project.root, 'output', 'en', 'report.json'))).toBe(true);
    expect(publishedFiles(project.root, 'fr')).toEqual([]);
    expect(result.code).toBe(3);
  });
});
