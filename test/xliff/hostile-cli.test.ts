/**
 * Hostile XLIFF through the CLI: paths in <file original>, a foreign target language, broken
 * inline codes. No output path is ever derived from the file: build writes only
 * output/<lang>/<document>.* and report.json.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readXliff } from '../../pipeline/xliff/index.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const DOC = 'gipfel';
const FILE = `translations/en/${DOC}.xlf`;
let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

/** Every file under a folder, relative to it. */
function files(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(root, full) : [path.relative(root, full).split(path.sep).join('/')];
  });
}

/** Translates every unit (target = "EN " + source without markers). */
function translated(xliff: string): string {
  return xliff.replace(/(<source xml:space="preserve">)([\s\S]*?)(<\/source>)/gu, (_m, open: string, body: string, close: string) =>
    `${open}${body}${close}<target state="translated">${body.replace(/<[^>]+>/gu, '')}</target>`,
  );
}

describe('hostile XLIFF through extract and build', () => {
  it.each([['../../etc/passwd'], ['/etc/passwd'], ['C:\\Windows\\system32\\evil.txt'], ['..\\..\\evil.txt']])(
    '<file original="%s"> never becomes a path: build writes only output/en/<document>.*',
    async (original) => {
      project = tempProject({ fixture: 'artikel' });
      await project.run(['extract', '--lang', 'en']);
      const before = new Set(files(project.root));
      project.write(FILE, translated(project.read(FILE)).replace('original="source/gipfel.txt"', `original="${original.replace(/\\/gu, '\\')}"`));
      expect(readXliff(new TextEncoder().encode(project.read(FILE)), FILE).files[0]?.original).toBe(original);
      const build = await project.run(['build', '--lang', 'en']);
      expect([0, 1]).toContain(build.code);
      const created = files(project.root).filter((f) => !before.has(f));
      for (const f of created) expect(f).toMatch(new RegExp(`^output/en/(${DOC}\\.(txt|md|review\\.html)|report\\.json)$`, 'u'));
      // extract keeps the translator's file as its work (matched by sentence id) and writes only its own paths.
      const extract = await project.run(['extract', '--lang', 'en']);
      expect(extract.code).not.toBe(3);
      expect(files(project.root).filter((f) => !before.has(f) && !f.startsWith('output/en/') && !f.startsWith('translations/'))).toEqual([]);
    },
  );

  it('reports a target language that is not the job\'s, in build and extract, without overwriting the file', async () => {
    project = tempProject({ fixture: 'artikel' });
    await project.run(['extract', '--lang', 'en']);
    const foreign = translated(project.read(FILE)).replace('target-language="en"', 'target-language="ja"');
    project.write(FILE, foreign);
    const build = await project.run(['build', '--lang', 'en']);
    expect(build.code).toBe(3);
    expect(build.stderr.match(/\[(?:xliff|qa|build)\/[a-z-]+\]/gu)).toEqual(['[xliff/wrong-language]']);
    const extract = await project.run(['extract', '--lang', 'en']);
    expect(extract.code).toBe(3);
    expect(extract.stderr).toContain('[xliff/wrong-language]');
    expect(project.read(FILE)).toBe(foreign);
  });

  it('reports missing, extra and unpaired inline codes instead of crashing', async () => {
    project = tempProject({ fixture: 'artikel' });
    await project.run(['extract', '--lang', 'en']);
    let n = 0;
    const broken = translated(project.read(FILE)).replace(/<target state="translated">/gu, (t) => {
      n += 1;
      if (n === 1) return `${t}<x id="99"/>`;
      if (n === 2) return `${t}<bpt id="7">&lt;b&gt;</bpt>`;
      if (n === 3) return `${t}<g id="1">x</g><ept id="8">&lt;/b&gt;</ept>`;
      return t;
    });
    project.write(FILE, broken);
    const build = await project.run(['build', '--lang', 'en']);
    expect([0, 1]).toContain(build.code);
    expect(build.stderr).not.toMatch(/\n\s+at /u);
    const inspect = JSON.parse((await project.run(['inspect', FILE, '--json'])).stdout) as { inlineCodes: Record<string, number> };
    expect(inspect.inlineCodes).toMatchObject({ x: 1, bpt: 1, ept: 1, g: 1 });
  });
});
