import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlobs, globToRegExp } from '../../pipeline/strings/glob.js';

describe('globToRegExp', () => {
  it.each([
    ['src/**/*.js', ['src/a.js', 'src/x/y/b.js'], ['src/a.ts', 'lib/a.js', 'src/a.js/x']],
    ['src/*.{js,jsx}', ['src/a.js', 'src/b.jsx'], ['src/x/a.js', 'src/a.ts']],
    ['**/node_modules/**', ['node_modules/a', 'src/node_modules/x/y'], ['src/node_modulesx/a']],
    ['a?.html', ['ab.html'], ['a.html', 'a/b.html', 'abc.html']],
    ['file[1].js', ['file[1].js'], ['file1.js']],
  ])('%s matches what it should and nothing else', (glob, yes, no) => {
    const pattern = globToRegExp(glob);
    for (const p of yes) expect(pattern.test(p), p).toBe(true);
    for (const p of no) expect(pattern.test(p), p).toBe(false);
  });
});

describe('expandGlobs', () => {
  it('lists matching files sorted, leaving out ignored and hidden folders', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'l10n-glob-'));
    for (const file of ['src/b.js', 'src/a/c.tsx', 'src/node_modules/x.js', 'src/.cache/y.js', 'src/readme.md', 'other/d.js']) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), '');
    }
    expect(expandGlobs(root, ['src/**/*.{js,tsx}'], ['**/node_modules/**'])).toEqual(['src/a/c.tsx', 'src/b.js']);
    expect(expandGlobs(root, ['src/**/*.js', '**/*.js'], ['**/node_modules/**'])).toEqual(['other/d.js', 'src/b.js']);
    expect(expandGlobs(root, ['missing/**/*.js'])).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });
});
