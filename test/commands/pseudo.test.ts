/**
 * `l10n pseudo` with `build`: every Markdown and HTML fixture comes back byte for byte through
 * XLIFF with `--mode identity`, and with `--mode accent` parses with the same structure; the XLIFF
 * it writes is valid; real languages are refused; a script URL in a target is never published.
 */
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { unsafeMarkdownUses } from '../../pipeline/formats/markdown/links.js';
import { fixture } from '../helpers/markup.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { schemasAvailable, SKIP_REASON, validateXliff } from '../helpers/xliff-schema.js';

const SOURCES = [
  ...readdirSync('test/fixtures/formats/markdown').sort().map((name) => ({ format: 'markdown', name })),
  ...readdirSync('test/fixtures/formats/html').sort().map((name) => ({ format: 'html', name })),
];

const CONFIG = `sourceLanguage: de
targetLanguages: [en, en-XA, qps-ploc]
xliff:
  languages:
    qps-ploc: { version: '2.1' }
formats:
  markdown:
    frontMatter: [title, description]
`;

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

/** A project with every Markdown and HTML fixture as a source, besides the short plain-text article. */
function formatsProject(): TempProject {
  const p = tempProject({ fixture: 'kurz' });
  p.write('l10n.config.yaml', CONFIG);
  for (const { format, name } of SOURCES) p.write(`source/${format}/${name}`, fixture(format, name));
  return p;
}

describe('l10n pseudo', () => {
  it('with --mode identity, build gives every Markdown and HTML source back byte for byte, in XLIFF 1.2 and 2.1', async () => {
    project = formatsProject();
    for (const lang of ['en-XA', 'qps-ploc']) {
      const filled = await project.run(['pseudo', '--lang', lang, '--mode', 'identity']);
      expect(filled.stderr).toContain(`pseudo: ${SOURCES.length + 1} documents`);
      expect(filled.code).toBe(0);
      const built = await project.run(['build', '--lang', lang]);
      expect(built.code, built.stderr).toBe(0);
      for (const { format, name } of SOURCES) expect(project.read(`output/${lang}/${format}/${name}`), `${lang} ${name}`).toBe(fixture(format, name));
    }
    expect(project.read('translations/qps-ploc/markdown/artikel.xlf')).toContain('version="2.1"');
    expect(project.read('translations/en-XA/html/artikel.xlf')).toContain('<bpt id=');
  });

  it('with --mode accent, writes every target and build publishes changed text with the same links', async () => {
    project = formatsProject();
    expect((await project.run(['pseudo', '--lang', 'en-XA'])).code).toBe(0);
    const built = await project.run(['build', '--lang', 'en-XA']);
    expect(built.code, built.stderr).toBe(0);
    const markdown = project.read('output/en-XA/markdown/artikel.md');
    expect(markdown).toContain('[Ɓéŕîçĥţ ðéŕ Åĝéñţûŕ](https://example.org/bericht "[Ṁéĥŕ ļéšéñ]")');
    expect(markdown).toContain('title: "[Ĝîþƒéļ îñ Ɓéŕļîñ');
    const html = project.read('output/en-XA/html/artikel.html');
    expect(html).toContain('<html lang="en-XA">');
    expect(html).toContain('<a href="https://example.org/bericht" title="[Ṁéĥŕ ļéšéñ]">Ɓéŕîçĥţ ðéŕ Åĝéñţûŕ</a>');
    expect(project.read('output/en-XA/treffen.txt')).toMatch(/^\[/u);
  });

  it('refuses a real language, a language the config lacks and an unknown mode, changing nothing', async () => {
    project = formatsProject();
    const real = await project.run(['pseudo', '--lang', 'en']);
    expect(real.code).toBe(2);
    expect(real.stderr).toContain('expected a pseudo-locale (en-XA, en-XB, ar-XB, qps-ploc), got "en"');
    const missing = await project.run(['pseudo', '--lang', 'en-XB']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--lang: expected one of en, en-XA, qps-ploc');
    const mode = await project.run(['pseudo', '--lang', 'en-XA', '--mode', 'wild']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('--mode: expected one of identity, accent, got "wild"');
    expect(() => project!.read('translations/en/markdown/artikel.xlf')).toThrow();
  });

  it('holds back a language whose target carries a javascript: link, and never publishes it as a link', async () => {
    project = formatsProject();
    await project.run(['pseudo', '--lang', 'en-XA', '--mode', 'identity']);
    const file = 'translations/en-XA/markdown/verschachtelt.xlf';
    const xliff = project.read(file);
    // A target that types a link, and one whose code markup was edited to a script URL.
    const tampered = xliff
      .replace(/(<target[^>]*>)Autolink/u, '$1[Klick](javascript:alert(x)) Autolink')
      .replace(/(<target[^>]*>[^]*?)https:\/\/example\.org\/a_b/u, '$1javascript:alert(y)');
    expect(tampered).not.toBe(xliff);
    project.write(file, tampered);
    const built = await project.run(['build', '--lang', 'en-XA']);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('qa/unsafe-link');
    expect(built.stderr).toContain('javascript:');
    expect(() => project!.read('output/en-XA/markdown/verschachtelt.md')).toThrow();
    // With the check lowered to a warning the page is published: the typed link is text, the code's link the source's.
    project.write('l10n.config.yaml', `${CONFIG}checks:\n  qa/unsafe-link: warning\n`);
    const lowered = await project.run(['build', '--lang', 'en-XA']);
    expect(lowered.code, lowered.stderr.split('\n').filter((l) => /error/u.test(l)).join('\n')).toBe(0);
    const published = project.read('output/en-XA/markdown/verschachtelt.md');
    expect(published).toContain('\\[Klick\\](javascript:alert(x)) Autolink');
    expect(published).toContain('](https://example.org/a_b)');
    expect(unsafeMarkdownUses(published)).toEqual([]);
  });
});

describe.skipIf(!schemasAvailable)('XLIFF from Markdown and HTML', () => {
  // Validation with libxml2 in WebAssembly takes a few seconds per file on a shared machine.
  it('is valid against the strict 1.2 schema and 2.1 with modules, with every target filled', { timeout: 180_000 }, async () => {
    project = formatsProject();
    await project.run(['pseudo', '--lang', 'en-XA']);
    await project.run(['pseudo', '--lang', 'qps-ploc']);
    for (const { format, name } of SOURCES) {
      const document = `${format}/${name.replace(/\.[^.]+$/u, '')}`;
      expect((await validateXliff(project.read(`translations/en-XA/${document}.xlf`), '1.2')).errors, `${name} 1.2`).toEqual([]);
      expect((await validateXliff(project.read(`translations/qps-ploc/${document}.xlf`), '2.1')).errors, `${name} 2.1`).toEqual([]);
    }
  });
});

// Shown as a skipped test, with the reason, only on machines without ../shared/schemas.
if (!schemasAvailable) it.skip(SKIP_REASON, () => undefined);
