import { rmSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const DOC = 'gipfel';
let project: TempProject | undefined;

/** A project with the committed translations but without a memory, so each test starts from none. */
function withTranslations(): TempProject {
  const p = tempProject({ fixture: 'artikel', withTranslations: true });
  rmSync(path.join(p.root, 'translations/memory'), { recursive: true, force: true });
  return p;
}

afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('translation memory through the CLI', () => {
  it('extract writes translations/memory/de-<lang>.tmx from the approved translations, deterministically', async () => {
    project = withTranslations();
    const first = await project.run(['extract']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('translations/memory/de-en.tmx: written');
    const tmx = project.read('translations/memory/de-en.tmx');
    // Seven: the locked credit "dpa" (nothing to translate) teaches the memory nothing.
    expect(tmx.match(/<tu>/gu)?.length).toBe(7);
    const again = await project.run(['extract']);
    expect(again.stderr).not.toContain('de-en.tmx: written');
    expect(project.read('translations/memory/de-en.tmx')).toBe(tmx);
  });

  it('leaves translated-only work out when the project publishes reviewed or final', async () => {
    project = withTranslations();
    project.write('l10n.config.yaml', project.read('l10n.config.yaml').replace('publishState: translated', 'publishState: final'));
    await project.run(['memory', 'update']);
    const xliff = project.read(`translations/en/${DOC}.xlf`);
    // Final targets the translators wrote; the locked credit's is the source and not learned.
    const finals = (xliff.match(/state="final"/gu) ?? []).length - (xliff.match(/translate="no"/gu) ?? []).length;
    let tmx = '';
    try {
      tmx = project.read('translations/memory/de-en.tmx');
    } catch {
      tmx = '';
    }
    expect((tmx.match(/<tu>/gu) ?? []).length).toBe(finals);
  });

  it('pre-fills a new document from the memory, marked for review', async () => {
    project = withTranslations();
    await project.run(['extract', '--lang', 'en']);
    // A second document that repeats the article's title sentence.
    const title = project.read(`source/${DOC}.txt`).split('\n')[0] ?? '';
    project.write('source/zweiter.txt', `${title}\n\nEin ganz neuer Satz steht hier.\n`);
    expect((await project.run(['extract', '--lang', 'en'])).code).toBe(0);
    const second = project.read('translations/en/zweiter.xlf');
    expect(second).toMatch(/<target state="needs-review-translation" xml:space="preserve">[^<]+<\/target>/u);
    expect(second).toMatch(/<alt-trans match-quality="100" origin="memory">/u);
    expect(second).not.toMatch(/state="(final|signed-off)"/u);
  });

  it('imports a Trados-style and a memoQ-style TMX into the memories of the target languages', async () => {
    project = tempProject({ fixture: 'artikel' });
    const trados = await project.run(['memory', 'import', path.resolve('test/fixtures/memory/trados-style.tmx')]);
    expect(trados.code).toBe(0);
    expect(trados.stderr).toContain('en: 1 pair(s) in the file, 1 new');
    expect(trados.stderr).toContain('fr: 1 pair(s) in the file, 1 new');
    const memoq = await project.run(['memory', 'import', path.resolve('test/fixtures/memory/memoq-style.tmx'), '--lang', 'es']);
    expect(memoq.code).toBe(0);
    expect(project.read('translations/memory/de-es.tmx')).toContain('<seg>Putin se reúne con Kim en Pekín</seg>');
    expect(project.read('translations/memory/de-en.tmx')).toContain('<prop type="x-l10n-origin">SDL Language Platform</prop>');
  });

  it('refuses a hostile TMX with exit 3 and one positioned message', async () => {
    project = tempProject({ fixture: 'artikel' });
    project.write('bad.tmx', '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<tmx version="1.4"><header srclang="de"/><body/></tmx>');
    const result = await project.run(['memory', 'import', 'bad.tmx']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^bad\.tmx:2:1: error: .+ \[tmx\/doctype\]/mu);
  });
});

describe('memory files: size', () => {
  it('refuses a translation memory larger than the limit by its size on disk (2.5 GB, sparse)', async () => {
    const p = tempProject({ withTranslations: true });
    try {
      truncateSync(path.join(p.root, 'translations/memory/de-en.tmx'), 2.5 * 1024 ** 3);
      const result = await p.run(['memory', 'update', '--lang', 'en']);
      expect(result.stderr).toContain('[tmx/too-large]');
      expect(result.stderr).toContain('L10N_MAX_FILE_MB');
    } finally {
      p.remove();
    }
  });
});
