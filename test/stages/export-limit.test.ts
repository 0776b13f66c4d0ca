/**
 * Extract never writes an XLIFF file that l10n itself refuses to read: above the file size limit
 * (`L10N_MAX_FILE_MB`) the file is not written, with one message that says what to do.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateArchive } from '../../pipeline/bench/archive.js';
import { MAX_FILE_MB_VARIABLE } from '../../pipeline/limits.js';
import { defaultHint } from '../../pipeline/xml/index.js';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
const saved = process.env[MAX_FILE_MB_VARIABLE];
afterEach(() => {
  project?.remove();
  project = undefined;
  if (saved === undefined) delete process.env[MAX_FILE_MB_VARIABLE];
  else process.env[MAX_FILE_MB_VARIABLE] = saved;
});

describe('the file size limit', () => {
  it('keeps extract from writing an XLIFF file larger than the limit that the import reads (exit 3, nothing written)', async () => {
    project = tempProject({ fixture: 'kurz' });
    project.write('l10n.config.yaml', 'sourceLanguage: de\ntargetLanguages: [en]\n');
    // About 400 KB of source: far below 1 MB, but its XLIFF file (notes, context) is larger.
    const text = ['Ein langes Archiv', ...generateArchive(120).map((a) => a.text.split('\n').slice(1).join('\n'))].join('\n');
    project.write('source/treffen.txt', `${text}\n`);
    process.env[MAX_FILE_MB_VARIABLE] = '1';
    const result = await project.run(['extract']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/translations\/en\/treffen\.xlf: error: the XLIFF file would be \d+\.\d MB, more than the limit of 1 MB that l10n reads; it was not written \[extract\/too-large\]/u);
    expect(result.stderr).toContain('L10N_MAX_FILE_MB');
    expect(existsSync(path.join(project.root, 'translations/en/treffen.xlf'))).toBe(false);
    delete process.env[MAX_FILE_MB_VARIABLE];
    expect((await project.run(['extract'])).code).toBe(0);
    expect(existsSync(path.join(project.root, 'translations/en/treffen.xlf'))).toBe(true);
  });

  it('names the variable that raises it in the XML reader\'s hint, never an option that does not exist', () => {
    const hint = defaultHint('too-large', 'XLIFF');
    expect(hint).toContain('L10N_MAX_FILE_MB');
    expect(hint).not.toContain('maxBytes');
  });
});
