/**
 * `l10n check` and the parts of `build` it shares: config, acceptances, formats, exit codes,
 * publishing policy, `--lang`, determinism; and `l10n status`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishedFiles, tempProject, type TempProject } from '../helpers/project.js';

const DOC = 'gipfel';
const EN = `translations/en/${DOC}.xlf`;
const BAD_NUMBER: readonly [string, string] = ['plans 1,000 new jobs', 'plans new jobs'];
const FIRST_HEADING = '>New aid for industry</target>';
/** The sentence the number is in, as the tests find it in the XLIFF file. */
const NUMBER_SENTENCE = 'Die Regierung plant 1.000 neue Stellen';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

function translatedProject(): TempProject {
  project = tempProject({ fixture: 'artikel', withTranslations: true });
  return project;
}
/** The id of the unit whose source starts with `text`. */
function unitOf(p: TempProject, text: string): string {
  const id = new RegExp(`<trans-unit id="([^"]+)"[^>]*>\\s*<source[^>]*>${text}`, 'u').exec(p.read(EN))?.[1];
  expect(id).toBeDefined();
  return id ?? '';
}
function replace(p: TempProject, file: string, from: string, to: string): void {
  const text = p.read(file);
  expect(text).toContain(from);
  p.write(file, text.replace(from, to));
}

describe('l10n check', () => {
  it('exits 0 on complete, clean translations and writes nothing', async () => {
    const p = translatedProject();
    const result = await p.run(['check']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('check: 0 errors, 0 warnings');
    expect(existsSync(path.join(p.root, 'output'))).toBe(false);
  });

  it('exits 1 on an error, grouped by file and unit with source and target', async () => {
    const p = translatedProject();
    replace(p, EN, ...BAD_NUMBER);
    const result = await p.run(['check', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`  ${EN.replace(/\./gu, '\\.')}:\\d+ unit ${unitOf(p, NUMBER_SENTENCE)}\\n      source: ${NUMBER_SENTENCE}`, 'u'));
    expect(result.stderr).toContain('error: the number 1.000 of the source is missing from the target [qa/numbers]');
  });

  it('--fail-on warning makes a warning fail; the config can turn a check off or raise it', async () => {
    const p = translatedProject();
    replace(p, EN, FIRST_HEADING, '>New aid for industry.</target>');
    expect((await p.run(['check', '--lang', 'en'])).code).toBe(0);
    expect((await p.run(['check', '--lang', 'en', '--fail-on', 'warning'])).code).toBe(1);
    p.write('l10n.config.yaml', p.read('l10n.config.yaml') + 'checks:\n  qa/final-punctuation: error\n');
    expect((await p.run(['check', '--lang', 'en'])).code).toBe(1);
    p.write('l10n.config.yaml', p.read('l10n.config.yaml').replace('qa/final-punctuation: error', 'qa/final-punctuation: off'));
    const off = await p.run(['check', '--lang', 'en', '--fail-on', 'info']);
    expect(off.stderr).not.toContain('qa/final-punctuation');
  });

  it('refuses an unknown check in the config with line and column (exit 2)', async () => {
    const p = translatedProject();
    p.write('l10n.config.yaml', p.read('l10n.config.yaml') + 'checks:\n  qa/spelling: warning\n');
    const result = await p.run(['check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/l10n\.config\.yaml:\d+:3: error: checks: expected a check's rule id/u);
  });

  it('reports an accepted finding as info with the reviewer\'s reason', async () => {
    const p = translatedProject();
    replace(p, EN, FIRST_HEADING, `>New aid for industry.</target>\n          <note from="l10n-accept">qa/final-punctuation: house style ends this heading with a full stop</note>`);
    const result = await p.run(['check', '--lang', 'en', '--format', 'json', '--fail-on', 'warning']);
    expect(result.code).toBe(0);
    const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; severity: string; accepted?: string }> }>;
    expect(report!.messages.filter((m) => m.ruleId === 'qa/final-punctuation')).toEqual([
      expect.objectContaining({ severity: 'info', accepted: 'house style ends this heading with a full stop' }),
    ]);
  });

  it('warns about an acceptance note that accepts nothing or cannot be read', async () => {
    const p = translatedProject();
    replace(p, EN, FIRST_HEADING, `${FIRST_HEADING}\n          <note from="l10n-accept">qa/numbers: no longer needed</note>\n          <note from="l10n-accept">looks fine</note>`);
    const result = await p.run(['check', '--lang', 'en']);
    expect(result.stderr.match(/warning: .*\[qa\/acceptance\]/gu)).toHaveLength(2);
  });

  it('--format github prints escaped workflow commands pointing at the unit', async () => {
    const p = translatedProject();
    replace(p, EN, ...BAD_NUMBER);
    const result = await p.run(['check', '--lang', 'en', '--format', 'github']);
    expect(result.code).toBe(1);
    // The reader's repairs are counted in one notice, not annotated on every pull request.
    expect(result.stdout).not.toMatch(/^::notice file=/mu);
    expect(result.stdout).toMatch(/^::notice title=l10n notices::2 notice\(s\): read\/credit 1, read\/glued-heading 1; /mu);
    expect(result.stdout).toMatch(new RegExp(`^::error file=${EN.replace(/\./gu, '\\.')},line=\\d+,title=qa/numbers \\(${unitOf(p, NUMBER_SENTENCE)}\\)::the number 1.000 of the source is missing from the target%0Aexpected: 1,000%0A`, 'mu'));
  });

  it('exits 3 when a language cannot be built (no XLIFF file)', async () => {
    const p = translatedProject();
    p.write(`translations/fr/${DOC}.xlf`, '');
    expect((await p.run(['check'])).code).toBe(3);
  });

  it('exits 2 on a bad --format', async () => {
    expect((await translatedProject().run(['check', '--format', 'xml'])).code).toBe(2);
  });
});

describe('l10n build with checks', () => {
  it('writes nothing for a language with an error and everything for the others', async () => {
    const p = translatedProject();
    replace(p, EN, ...BAD_NUMBER);
    const result = await p.run(['build']);
    expect(result.code).toBe(1);
    expect(publishedFiles(p.root, 'en')).toEqual([]);
    expect(existsSync(path.join(p.root, 'output', 'fr', `${DOC}.txt`))).toBe(true);
  });

  it('--lang fr builds French only', async () => {
    const p = translatedProject();
    expect((await p.run(['build', '--lang', 'fr'])).code).toBe(0);
    expect(existsSync(path.join(p.root, 'output', 'fr', `${DOC}.md`))).toBe(true);
    expect(existsSync(path.join(p.root, 'output', 'en'))).toBe(false);
  });

  it('gives identical bytes on two builds', async () => {
    const p = translatedProject();
    await p.run(['build']);
    const first = ['en', 'fr', 'es'].flatMap((l) => [`${DOC}.txt`, `${DOC}.md`, 'report.json'].map((f) => p.read(`output/${l}/${f}`)));
    await p.run(['build']);
    const second = ['en', 'fr', 'es'].flatMap((l) => [`${DOC}.txt`, `${DOC}.md`, 'report.json'].map((f) => p.read(`output/${l}/${f}`)));
    expect(second).toEqual(first);
  });

  it('publishState reviewed keeps translated segments out', async () => {
    const p = translatedProject();
    p.write('l10n.config.yaml', p.read('l10n.config.yaml').replace('publishState: translated', 'publishState: reviewed'));
    const result = await p.run(['build', '--lang', 'en', '--format', 'json']);
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; reason: string }> }>;
    const untranslated = report!.messages.filter((m) => m.ruleId === 'build/untranslated');
    // Seven: the credit "dpa" has nothing to translate, so it is final (locked).
    expect(untranslated).toHaveLength(7);
    expect(untranslated.every((m) => m.reason.includes('its state is "translated", below the published state "reviewed"'))).toBe(true);
    expect(publishedFiles(p.root, 'en')).toEqual([]);
  });
});

describe('l10n status', () => {
  it('prints plain text without a terminal and a documented JSON shape', async () => {
    const p = translatedProject();
    const text = await p.run(['status']);
    expect(text.stdout).toMatch(/^en {2}gipfel {2}8\/8 segments/mu);
    expect(text.stdout).not.toContain('█');
    const json = JSON.parse((await p.run(['status', '--json'])).stdout) as { statusVersion: number; rows: Array<{ language: string; totalSegments: number; segments: Record<string, number> }> };
    expect(json.statusVersion).toBe(1);
    // The locked credit "dpa" counts as final.
    expect(json.rows.map((r) => [r.language, r.totalSegments, r.segments.translated, r.segments.final])).toEqual([['en', 8, 7, 1], ['fr', 8, 7, 1], ['es', 8, 7, 1]]);
  });

  it('--fail-if-incomplete exits 1 when a segment is untranslated, 0 when all are done', async () => {
    const p = translatedProject();
    expect((await p.run(['status', '--fail-if-incomplete'])).code).toBe(0);
    replace(p, EN, '>Both talked about energy prices.</target>', '></target>');
    const result = await p.run(['status', '--fail-if-incomplete']);
    expect(result.code).toBe(1);
  });
});
