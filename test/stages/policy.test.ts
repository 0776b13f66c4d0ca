/**
 * The publishing policy as newsrooms use it: findings on targets that are not published are the
 * translator's business, not the build's; `untranslated: hold` keeps an incomplete document
 * unpublished in that language instead of failing the build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishedFiles, tempProject, type TempProject } from '../helpers/project.js';

const DOC = 'gipfel';
const EN = `translations/en/${DOC}.xlf`;
/** The English sentence with a number, and the same sentence with the number gone (a qa/numbers error). */
const GOOD = 'plans 1,000 new jobs';
const BAD = 'plans new jobs';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

interface Report {
  written?: boolean;
  summary: { errors: number; warnings: number; notices: number };
  documents: Array<{ document: string; held?: boolean; outputs: string[]; counts: Record<string, number> }>;
  messages: Array<{ ruleId: string; severity: string; unit?: string; unpublished?: string; hint?: string }>;
}

function withPolicy(p: TempProject, policy: string): void {
  p.write('l10n.config.yaml', p.read('l10n.config.yaml').replace('untranslated: fail', `untranslated: ${policy}`));
}

/** Breaks the number of one English sentence; `review` also marks that unit for review. */
function breakNumber(p: TempProject, review: boolean): void {
  const xliff = p.read(EN);
  const at = xliff.indexOf(GOOD);
  expect(at).toBeGreaterThan(0);
  const unitStart = xliff.lastIndexOf('<target state="translated"', at);
  let text = xliff.slice(0, at) + BAD + xliff.slice(at + GOOD.length);
  if (review) text = text.slice(0, unitStart) + '<target state="needs-review-translation"' + text.slice(unitStart + '<target state="translated"'.length);
  p.write(EN, text);
}

const report = (p: TempProject, language: string): Report => JSON.parse(p.read(`output/${language}/report.json`)) as Report;

describe('findings on targets that are not published', () => {
  it('under policy "source", a target marked for review is not published: its findings are notices for the translator', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    withPolicy(project, 'source');
    breakNumber(project, true);
    const result = await project.run(['build', '--lang', 'en']);
    expect(result.code).toBe(0);
    const r = report(project, 'en');
    const numbers = r.messages.filter((m) => m.ruleId === 'qa/numbers');
    expect(numbers).toHaveLength(1);
    expect(numbers[0]).toMatchObject({ severity: 'info', unpublished: expect.stringContaining('marked for review') });
    expect(numbers[0]?.hint).toMatch(/^not published/u);
    expect(r.summary.errors).toBe(0);
    expect(r.messages).toContainEqual(expect.objectContaining({ ruleId: 'build/untranslated', severity: 'warning', unit: numbers[0]?.unit }));
    // The German sentence is what was published.
    expect(project.read(`output/en/${DOC}.txt`)).toContain('Die Regierung plant 1.000 neue Stellen');
  });

  it('the same finding on a published target still fails the build', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    withPolicy(project, 'source');
    breakNumber(project, false);
    const result = await project.run(['build', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(report(project, 'en').messages).toContainEqual(expect.objectContaining({ ruleId: 'qa/numbers', severity: 'error' }));
  });
});

describe('policy "hold"', () => {
  /** The artikel project under `hold`, with a new article that nobody has translated yet. */
  function withNewArticle(): TempProject {
    const p = tempProject({ fixture: 'artikel', withTranslations: true });
    withPolicy(p, 'hold');
    p.write('source/neu.txt', 'Ein neuer Artikel\nDer Kreml reagierte am Dienstag.\nDie Regierung plant 2.000 neue Stellen.\n');
    return p;
  }

  it('leaves a new article unpublished in every language with one notice each: check and build pass, the others are published', async () => {
    project = withNewArticle();
    expect((await project.run(['extract'])).code).toBe(0);
    const checked = await project.run(['check']);
    expect(checked.code).toBe(0);
    const built = await project.run(['build']);
    expect(built.code).toBe(0);
    expect(built.stderr).not.toContain('[build/untranslated]');
    for (const language of ['en', 'fr', 'es']) {
      expect(publishedFiles(project.root, language)).toEqual([`${DOC}.md`, `${DOC}.review.html`, `${DOC}.txt`]);
      const r = report(project, language);
      expect(r.written).toBe(true);
      expect(r.documents.find((d) => d.document === 'neu')).toMatchObject({ held: true, outputs: [], counts: { segments: 3, published: 0, held: 0, missing: 3 } });
      expect(r.messages.filter((m) => m.ruleId === 'build/held')).toEqual([expect.objectContaining({ severity: 'info' })]);
      expect(built.stderr).toContain(`${language}: 8/11 segments published; wrote output/${language}/${DOC}.txt, output/${language}/${DOC}.md, output/${language}/${DOC}.review.html; held: neu (0/3 segments ready)`);
    }
  });

  it('shows the held document as pending in status, and --untranslated fail makes the same check fail (release builds)', async () => {
    project = withNewArticle();
    await project.run(['extract']);
    const status = await project.run(['status', '--lang', 'en', '--json']);
    const rows = (JSON.parse(status.stdout) as { rows: Array<{ document: string; held?: boolean }> }).rows;
    expect(rows.find((r) => r.document === 'neu')?.held).toBe(true);
    expect(rows.find((r) => r.document === DOC)?.held).toBeUndefined();
    const text = await project.run(['status', '--lang', 'en']);
    expect(text.stdout).toMatch(/^en {2}neu {2}0\/3 segments .*pending: held until every segment can be published$/mu);
    const strict = await project.run(['check', '--untranslated', 'fail']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('[build/untranslated]');
    expect((await project.run(['check', '--untranslated', 'later'])).code).toBe(2);
  });

  it('reports findings on the partial translation of a held document as notices', async () => {
    project = withNewArticle();
    await project.run(['extract']);
    const file = 'translations/en/neu.xlf';
    // The translator has done one sentence, with the number missing.
    project.write(file, project.read(file).replace(/(<source xml:space="preserve">Die Regierung plant 2\.000 neue Stellen\.<\/source>)/u, '$1<target state="translated" xml:space="preserve">The government plans new jobs.</target>'));
    const built = await project.run(['build', '--lang', 'en']);
    expect(built.code).toBe(0);
    const r = report(project, 'en');
    expect(r.messages).toContainEqual(expect.objectContaining({ ruleId: 'qa/numbers', severity: 'info', unpublished: expect.stringContaining('held') }));
    expect(r.documents.find((d) => d.document === 'neu')?.counts).toMatchObject({ published: 0, held: 1, missing: 2 });
  });

  it('keeps the last published translation of a document that an edit made incomplete', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    withPolicy(project, 'hold');
    expect((await project.run(['build', '--lang', 'en'])).code).toBe(0);
    const published = project.read(`output/en/${DOC}.txt`);
    project.write(`source/${DOC}.txt`, project.read(`source/${DOC}.txt`).replace('Der Kreml reagierte verhalten.', 'Der Kreml reagierte verhalten. Ein Sprecher schwieg.'));
    await project.run(['extract', '--lang', 'en']);
    const built = await project.run(['build', '--lang', 'en']);
    expect(built.code).toBe(0);
    expect(readFileSync(path.join(project.root, `output/en/${DOC}.txt`), 'utf8')).toBe(published);
    expect(report(project, 'en').documents[0]).toMatchObject({ held: true, outputs: [] });
    expect(built.stderr).toContain(`held: ${DOC} (8/9 segments ready)`);
  });
});
