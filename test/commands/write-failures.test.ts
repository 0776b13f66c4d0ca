/**
 * Writes that fail the way disks and folders fail: a full disk (ENOSPC), a folder without write
 * permission (EACCES), a read-only file system (EROFS), a file where a folder should be (ENOTDIR).
 * The failures are injected: `writeFileSync` of `node:fs` throws the system's error for paths in
 * the folder a test names, everything else is written for real. (`interrupt.test.ts` runs a real
 * process against a read-only folder.)
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

/** Paths containing this fragment fail to be written with `code`. */
const failing: { fragment: string | undefined; code: string } = { fragment: undefined, code: 'ENOSPC' };

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof actual.writeFileSync = (file, ...rest) => {
    if (failing.fragment !== undefined && String(file).split(path.sep).join('/').includes(failing.fragment)) {
      const error = Object.assign(new Error(`${failing.code}: simulated, write '${String(file)}'`), { code: failing.code, syscall: 'write' });
      throw error;
    }
    return actual.writeFileSync(file, ...rest);
  };
  return { ...actual, writeFileSync, default: { ...actual, writeFileSync } };
});

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
  failing.fragment = undefined;
});

/** Every hidden temporary file left anywhere in the project. */
function temporaryFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((f) => path.basename(f).startsWith('.l10n-tmp-'));
}

describe('extract when a file cannot be written', () => {
  it('on a full disk: one message for the file, the other languages and the memory written, exit 3', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    project.write('translations/fr/gipfel.xlf', project.read('translations/fr/gipfel.xlf').replace('<body>', '<body>\n'));
    project.write('translations/en/gipfel.xlf', project.read('translations/en/gipfel.xlf').replace('<body>', '<body>\n'));
    Object.assign(failing, { fragment: '/translations/fr/', code: 'ENOSPC' });
    const result = await project.run(['extract']);
    expect(result.code).toBe(3);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).not.toMatch(/\n\s+at /u);
    expect(result.stderr).toContain('translations/fr/gipfel.xlf: error: the XLIFF file could not be written: the disk is full (ENOSPC) [extract/write]');
    expect(result.stderr).toMatch(/free space/u);
    expect(result.stderr).toContain('translations/en/gipfel.xlf: written');
    expect(result.stderr).toContain('translations/es/gipfel.xlf: unchanged');
    expect(result.stderr).not.toContain('translations/fr/gipfel.xlf: written');
    expect(temporaryFiles(project.root)).toEqual([]);
  });

  it('when the memory cannot be written: one message for it, the XLIFF files written, exit 3', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    rmSync(path.join(project.root, 'translations/memory'), { recursive: true });
    Object.assign(failing, { fragment: 'de-fr.tmx', code: 'EACCES' });
    const result = await project.run(['extract']);
    expect(result.code).toBe(3);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('translations/memory/de-fr.tmx: error: the translation memory could not be written: permission denied (EACCES) [memory/write]');
    expect(result.stderr).toContain('translations/memory/de-en.tmx: written (translation memory)');
    expect(result.stderr).toContain('translations/memory/de-es.tmx: written (translation memory)');
    expect(temporaryFiles(project.root)).toEqual([]);
  });

  it('names what to do for each kind of failure: read-only file system, a file in place of a folder', async () => {
    project = tempProject({ fixture: 'artikel' });
    Object.assign(failing, { fragment: '/translations/en/', code: 'EROFS' });
    const readOnly = await project.run(['extract']);
    expect(readOnly.code).toBe(3);
    expect(readOnly.stderr).toContain('could not be written: the file system is read-only (EROFS) [extract/write]');
    Object.assign(failing, { fragment: '/translations/en/', code: 'ENOTDIR' });
    const notFolder = await project.run(['extract']);
    expect(notFolder.stderr).toContain('could not be written: a file stands where a folder should be (ENOTDIR) [extract/write]');
    expect(existsSync(path.join(project.root, 'translations/fr/gipfel.xlf'))).toBe(true);
  });
});

describe('build when an output cannot be written', () => {
  it('on a full disk: says which files were not written, never "wrote" them, and writes the other languages', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    Object.assign(failing, { fragment: '/output/fr/', code: 'ENOSPC' });
    const result = await project.run(['build']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('output/fr/gipfel.txt: error: the output could not be written: the disk is full (ENOSPC); 2 more files were not written after it [build/write]');
    expect(result.stderr).toMatch(/free space/u);
    expect(result.stderr).not.toMatch(/permissions/u);
    expect(result.stderr).not.toContain('fr: 8/8 segments published; wrote');
    expect(result.stderr).toContain('fr: 8/8 segments published; not written: the outputs could not be written');
    expect(result.stderr).toContain('en: 8/8 segments published; wrote output/en/gipfel.txt, output/en/gipfel.md');
    expect(result.stderr).toContain('es: 8/8 segments published; wrote output/es/gipfel.txt, output/es/gipfel.md');
    expect(temporaryFiles(project.root)).toEqual([]);
  });

  it('when `output` is a file: a message that says so, exit 3', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    project.write('output', 'not a folder\n');
    const result = await project.run(['build']);
    expect(result.code).toBe(3);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toMatch(/a file stands where a folder should be \((ENOTDIR|EEXIST)\) \[build\/write\]/u);
    expect(result.stderr).not.toMatch(/; wrote /u);
  });
});
