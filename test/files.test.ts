import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clashReason, decodeUtf8, documentName, documentNameClashes, maxFileBytes, projectRelative, readBoundedFile, resolveInside, writeFileAtomic } from '../pipeline/files.js';
import { InputError } from '../pipeline/model.js';

const folders: string[] = [];
const tempFolder = (): string => {
  const folder = mkdtempSync(path.join(tmpdir(), 'l10n-files-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function decodeError(bytes: Uint8Array) {
  try {
    decodeUtf8(bytes, 'doc.txt');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).detail;
  }
  throw new Error('expected a decoding error');
}

describe('decodeUtf8', () => {
  it('decodes UTF-8 and keeps a byte order mark as U+FEFF', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFGrüße', 'utf8'), 'doc.txt')).toBe('\uFEFFGrüße');
  });

  it('names line, column and byte of the first invalid byte (a Latin-1 umlaut)', () => {
    const detail = decodeError(Buffer.from('Titel\nEin Absatz über Köln.\n', 'latin1'));
    expect(detail).toMatchObject({ file: 'doc.txt', line: 2, column: 12, ruleId: 'read/encoding' });
    expect(detail.reason).toContain('byte 17 is 0xfc');
    expect(detail.hint).toContain('UTF-8');
  });

  it('points at the lead byte of a sequence cut short', () => {
    const bytes = Buffer.concat([Buffer.from('ab', 'utf8'), Buffer.from([0xe2, 0x80]), Buffer.from('cd', 'utf8')]);
    expect(decodeError(bytes)).toMatchObject({ line: 1, column: 3 });
    expect(decodeError(bytes).reason).toContain('byte 2 is 0xe2');
  });

  it('points at a stray continuation byte', () => {
    const bytes = Buffer.concat([Buffer.from('abc', 'utf8'), Buffer.from([0x80]), Buffer.from('d', 'utf8')]);
    expect(decodeError(bytes).reason).toContain('byte 3 is 0x80');
  });
});

describe('resolveInside', () => {
  const root = path.resolve('/project');
  it('resolves a relative path inside the root', () => {
    expect(resolveInside(root, 'output/en', 'paths.output')).toBe(path.join(root, 'output', 'en'));
  });
  for (const escape of ['../elsewhere', 'a/../../b', '/etc/passwd', 'C:/Windows', 'sub\\file']) {
    it(`refuses "${escape}"`, () => {
      expect(() => resolveInside(root, escape, 'paths.output')).toThrow(/points outside the project folder/);
    });
  }
  it('gives project-relative paths with forward slashes', () => {
    expect(projectRelative(root, path.join(root, 'translations', 'en', 'a.xlf'))).toBe('translations/en/a.xlf');
  });
});

describe('writeFileAtomic', () => {
  it('creates folders, writes the content and leaves no temporary file', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'output', 'en', 'doc.txt');
    writeFileAtomic(file, 'Hello\n');
    expect(readFileSync(file, 'utf8')).toBe('Hello\n');
    expect(readdirSync(path.dirname(file))).toEqual(['doc.txt']);
  });

  it('leaves the old file whole when the write fails', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'doc.txt');
    writeFileSync(file, 'old');
    // A folder where the temporary file would go makes the write fail before the rename.
    mkdirSync(path.join(folder, `.l10n-tmp-${process.pid}-doc.txt`));
    expect(() => writeFileAtomic(file, 'new')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
  });
});

describe('documentName and documentNameClashes', () => {
  it('takes the path below the source folder without its last extension, whatever the extension\'s case', () => {
    expect(documentName('source/a/putin-kim.txt')).toBe('a/putin-kim');
    expect(documentName('source/Bericht.TXT')).toBe('Bericht');
    expect(documentName('source/v1.2-notes.txt')).toBe('v1.2-notes');
    expect(documentName('texte/neu/x.txt', 'texte')).toBe('neu/x');
    expect(documentName('other/x.txt', 'source')).toBe('x');
  });

  it('finds later paths whose name an earlier one has: other case, other extension, or its aside file; other folders are other names', () => {
    const clashes = documentNameClashes(['source/a/x.txt', 'source/b/x.txt', 'source/A/X.txt', 'source/a/x.aside.txt', 'source/a/x.md', 'source/y.txt']);
    expect(clashes.map((c) => [c.index, c.path, c.first, c.what])).toEqual([
      [2, 'source/A/X.txt', 'source/a/x.txt', 'name'],
      [3, 'source/a/x.aside.txt', 'source/a/x.txt', 'name'],
      [4, 'source/a/x.md', 'source/a/x.txt', 'name'],
    ]);
    expect(clashReason(clashes[0]!)).toBe('"source/A/X.txt" has the same document name as "source/a/x.txt", so both would write the same XLIFF and output files');
    expect(documentNameClashes(['source/report.txt', 'source/x.txt'])).toEqual([]);
  });

  it('finds documents whose formats would write the same output file, or the build report', () => {
    const outputs = (p: string): string[] => (p.endsWith('.json') ? [p.slice('source/'.length)] : [documentName(p) + '.md']);
    const clashes = documentNameClashes(['source/x.txt', 'source/y/x.txt', 'source/report.json'], 'source', outputs);
    expect(clashes.map((c) => clashReason(c))).toEqual(['"source/report.json" would write the output file "report.json", as the build report does']);
  });
});

describe('readBoundedFile', () => {
  it('reads a file within the limit', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'a.xlf'), 'abc');
    expect(Buffer.from(readBoundedFile(path.join(folder, 'a.xlf'), 'a.xlf', 10, 'xliff')).toString()).toBe('abc');
  });

  it('refuses a file over the limit before reading it', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'big.xlf'), 'x'.repeat(11));
    expect(() => readBoundedFile(path.join(folder, 'big.xlf'), 'big.xlf', 10, 'xliff')).toThrow(
      expect.objectContaining({ detail: expect.objectContaining({ ruleId: 'xliff/too-large', file: 'big.xlf', actual: '11' }) }),
    );
  });

  it('names a missing file with the format\'s missing rule, and says it does not exist', () => {
    expect(() => readBoundedFile('/nonexistent/m.tmx', 'm.tmx', 10, 'tmx')).toThrow(
      expect.objectContaining({ detail: expect.objectContaining({ ruleId: 'tmx/missing', file: 'm.tmx', reason: 'the file does not exist' }) }),
    );
  });

  it('refuses a file larger than Node can read (2.5 GB, sparse) as too large, naming the limit and how to raise it', () => {
    const folder = tempFolder();
    const huge = path.join(folder, 'huge.xlf');
    writeFileSync(huge, '');
    truncateSync(huge, 2.5 * 1024 ** 3);
    expect(() => readBoundedFile(huge, 'huge.xlf', 100 * 1024 * 1024, 'xliff')).toThrow(
      expect.objectContaining({
        detail: expect.objectContaining({
          ruleId: 'xliff/too-large',
          reason: 'the file is 2560.0 MB (2684354560 bytes), more than the limit of 100 MB',
          hint: expect.stringContaining('L10N_MAX_FILE_MB'),
        }),
      }),
    );
  });
});

describe('maxFileBytes', () => {
  it('is 100 MB by default and follows L10N_MAX_FILE_MB', () => {
    expect(maxFileBytes({})).toBe(100 * 1024 * 1024);
    expect(maxFileBytes({ L10N_MAX_FILE_MB: '2047' })).toBe(2047 * 1024 * 1024);
  });

  it('refuses a value that is not a whole number of megabytes from 1 to 2047, as a config error', () => {
    for (const value of ['0', '2048', 'abc', '1.5', '']) {
      expect(() => maxFileBytes({ L10N_MAX_FILE_MB: value })).toThrow(
        expect.objectContaining({ detail: expect.objectContaining({ ruleId: 'config/max-file-mb', actual: value, fatal: true }) }),
      );
    }
  });
});
