/**
 * The project's review store on real XLIFF files: views from the build chain's model, each
 * action written into the file, versions as content hashes, conflicts refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../pipeline/bench/random.js';
import { openProject } from '../../pipeline/index.js';
import { createProjectStore, versionOf } from '../../pipeline/review-store.js';
import type { ActionRequest, ApplyResult, DocumentRef, ReviewAction, ReviewStore } from '../../pipeline/review/index.js';
import { readXliff, entriesOf } from '../../pipeline/xliff/index.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const EN: DocumentRef = { document: 'gipfel', language: 'en' };
const T = '2025-09-04T10:15:00.000Z';
const CHANCELLOR = 's9ae8ac9d29de';
const ENERGY = 's70a4d6b2a639';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

function setUp(config?: (text: string) => string): { store: ReviewStore; file: (lang?: string) => string; root: string } {
  project = tempProject({ fixture: 'artikel', withTranslations: true });
  if (config !== undefined) project.write('l10n.config.yaml', config(project.read('l10n.config.yaml')));
  const root = project.root;
  return { store: createProjectStore(openProject(root)), file: (lang = 'en') => path.join(root, 'translations', lang, 'gipfel.xlf'), root };
}

async function act(store: ReviewStore, action: ReviewAction, ref: DocumentRef = EN, version?: string, author = 'Ana'): Promise<ApplyResult> {
  const loaded = await store.load(ref);
  const request: ActionRequest = { action, version: version ?? loaded?.version ?? '', author, time: T };
  return store.apply(ref, request);
}

describe('the project review store', () => {
  it('lists every document and language with a translation file, with counts per state', async () => {
    const { store } = setUp();
    const list = await store.list();
    expect(list.map((s) => [s.document, s.language, s.segments, s.states.translated, s.file])).toEqual([
      ['gipfel', 'en', 8, 7, 'translations/en/gipfel.xlf'],
      ['gipfel', 'fr', 8, 7, 'translations/fr/gipfel.xlf'],
      ['gipfel', 'es', 8, 7, 'translations/es/gipfel.xlf'],
    ]);
  });

  it('shows source, terms with approved and forbidden renderings, targets, findings of the checks, candidates and notes', async () => {
    const { store, file } = setUp();
    const xml = readFileSync(file(), 'utf8')
      .replace('The Chancellor met the French president in Paris on Monday.', 'The Federal Chancellor met the French president in Paris on Monday.')
      .replace(
        '<note from="glossary">Bundeskanzler → Chancellor; Paris → Paris</note>',
        '<note from="glossary">Bundeskanzler → Chancellor; Paris → Paris</note>\n          <note from="Lena">Check the title.</note>\n          <alt-trans match-quality="100" origin="deepl" alttranstype="x-mt"><target>The chancellor met the French president in Paris on Monday.</target></alt-trans>',
      );
    writeFileSync(file(), xml);
    const loaded = await store.load(EN);
    expect(loaded?.version).toBe(versionOf(readFileSync(file())));
    const segment = loaded?.view.segments.find((s) => s.id === CHANCELLOR);
    expect(segment?.source.terms.find((t) => t.term === 'Bundeskanzler')).toMatchObject({ approved: ['Chancellor'], forbidden: ['Federal Chancellor'], dnt: false });
    expect(segment?.target?.text).toBe('The Federal Chancellor met the French president in Paris on Monday.');
    expect(segment?.findings.map((f) => f.ruleId)).toContain('qa/forbidden-term');
    expect(segment?.candidates).toEqual([{ kind: 'machine', target: { text: 'The chancellor met the French president in Paris on Monday.', codes: [] }, quality: 100, origin: 'deepl' }]);
    expect(segment?.notes).toEqual([{ author: 'Lena', text: 'Check the title.' }]);
    expect(segment?.origin).toEqual({ kind: 'translator' });
  });

  it('edits and confirms: the file gets the target, signed-off, approved, who edited and confirmed; the checks run again', async () => {
    const { store, file } = setUp();
    const bad = await act(store, { kind: 'edit', segment: CHANCELLOR, target: { text: 'The Federal Chancellor met the French President in Paris on Monday.', codes: [] } });
    expect(bad.status).toBe('applied');
    if (bad.status !== 'applied') return;
    expect(bad.segment.findings.map((f) => f.ruleId)).toContain('qa/forbidden-term');
    expect(bad.segment).toMatchObject({ state: 'translated', origin: { kind: 'reviewer', provider: 'Ana' } });
    const good = await act(store, { kind: 'confirm', segment: CHANCELLOR, target: { text: 'The Chancellor met the French President in Paris on Monday.', codes: [] } }, EN, bad.version);
    expect(good).toMatchObject({ status: 'applied', segment: { state: 'reviewed', findings: [], confirmedBy: { name: 'Ana', time: T } } });
    if (good.status !== 'applied') return;
    const bytes = readFileSync(file());
    expect(good.version).toBe(versionOf(bytes));
    const xml = bytes.toString('utf8');
    expect(xml).toContain(`<trans-unit id="${CHANCELLOR}" resname="paragraph-2.1" approved="yes">`);
    expect(xml).toContain('<target state="signed-off" xml:space="preserve">The Chancellor met the French President in Paris on Monday.</target>');
    expect(xml).toContain(`<note from="l10n-review" annotates="target">edited by Ana (${T}); confirmed by Ana (${T})</note>`);
    // A fresh store (a reload, another session) reads the same from the file.
    const again = (await createProjectStore(openProject(path.dirname(path.dirname(path.dirname(file()))))).load(EN))?.view.segments.find((s) => s.id === CHANCELLOR);
    expect(again).toEqual(good.segment);
  });

  it('sends back with the comment as a note with author and time, and adds comments', async () => {
    const { store, file } = setUp();
    const back = await act(store, { kind: 'send-back', segment: ENERGY, comment: 'Say "energy costs".' });
    expect(back).toMatchObject({ status: 'applied', segment: { state: 'needs-translation', notes: [{ author: 'Ana', time: T, text: 'Say "energy costs".' }] } });
    const commented = await act(store, { kind: 'comment', segment: CHANCELLOR, comment: 'Fine.' }, EN, undefined, 'Ben');
    expect(commented).toMatchObject({ status: 'applied', segment: { state: 'translated', notes: [{ author: 'Ben', time: T, text: 'Fine.' }] } });
    const xml = readFileSync(file(), 'utf8');
    expect(xml).toContain('<target state="needs-translation" xml:space="preserve">Both talked about energy prices.</target>');
    expect(xml).toContain(`<note from="Ana (${T})" annotates="target">Say "energy costs".</note>`);
    expect(xml).toContain(`<note from="Ben (${T})" annotates="target">Fine.</note>`);
  });

  it('refuses an action on a version that is no longer on disk, writes nothing, and names the current version', async () => {
    const { store, file } = setUp();
    const loaded = await store.load(EN);
    const changed = readFileSync(file(), 'utf8').replace('New aid for industry', 'New help for industry');
    writeFileSync(file(), changed);
    const result = await store.apply(EN, { action: { kind: 'confirm', segment: CHANCELLOR }, version: loaded?.version ?? '', author: 'Ana', time: T });
    expect(result).toEqual({ status: 'conflict', version: versionOf(Buffer.from(changed)), reason: 'the document changed since it was loaded' });
    expect(readFileSync(file(), 'utf8')).toBe(changed);
  });

  it('keeps what the page does not show: other units, foreign namespaces, attributes and extensions', async () => {
    const { store, file } = setUp();
    const foreign = readFileSync(file(), 'utf8')
      .replace('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">', '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:acme="urn:example:acme">')
      .replace(`<trans-unit id="${ENERGY}" resname="paragraph-2.2">`, `<trans-unit id="${ENERGY}" resname="paragraph-2.2" acme:owner="lena">`)
      .replace('<target state="translated" xml:space="preserve">Both talked about energy prices.</target>', '<target state="translated" xml:space="preserve" acme:engine="human">Both talked about energy prices.</target>\n          <acme:extra>keep &amp; me</acme:extra>');
    writeFileSync(file(), foreign);
    const result = await act(store, { kind: 'edit', segment: ENERGY, target: { text: 'Both discussed energy prices.', codes: [] } });
    expect(result.status).toBe('applied');
    const expected = foreign
      .replace('<target state="translated" xml:space="preserve" acme:engine="human">Both talked about energy prices.</target>', '<target state="translated" xml:space="preserve" acme:engine="human">Both discussed energy prices.</target>')
      .replace('<acme:extra>keep &amp; me</acme:extra>', `<acme:extra>keep &amp; me</acme:extra>`);
    const written = readFileSync(file(), 'utf8');
    // The only other change: the record of the edit, after the unit's own notes.
    expect(written.replace(/\n\s*<note from="l10n-review" annotates="target">edited by Ana \([^)]*\)<\/note>/u, '')).toBe(expected);
  });

  it('keeps a hostile target as text in the file and in the view', async () => {
    const { store, file } = setUp();
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const result = await act(store, { kind: 'edit', segment: ENERGY, target: { text: hostile, codes: [] } });
    expect(result).toMatchObject({ status: 'applied', segment: { target: { text: hostile } } });
    const xml = readFileSync(file(), 'utf8');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt;');
    expect(xml).not.toContain('<script');
    expect(entriesOf(readXliff(readFileSync(file()), 'f.xlf')).find((e) => e.id === ENERGY)?.target?.text).toBe(hostile);
  });

  it('refuses what a file cannot take, with the reason, and writes nothing', async () => {
    const { store, file } = setUp();
    const before = readFileSync(file(), 'utf8');
    const unknownCode = await act(store, { kind: 'edit', segment: ENERGY, target: { text: 'x', codes: [{ id: '7', kind: 'standalone', at: 0 }] } });
    expect(unknownCode).toEqual({ status: 'invalid', reason: 'the target has the code ⟦7/⟧, which the source of this segment does not have; Remove it, or copy the code from the source.' });
    expect(await act(store, { kind: 'confirm', segment: 'nope' })).toEqual({ status: 'not-found', reason: 'no segment "nope" in "gipfel"' });
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('in a 2.1 file whose language publishes only final work, confirms as final, and build publishes it naming who confirmed', async () => {
    const { file } = setUp((config) =>
      config.replace('xliff:\n  version: "1.2"', 'xliff:\n  version: "1.2"\n  languages:\n    fr: { version: "2.1" }').replace('  failOn: error', '  failOn: error\n  languages:\n    fr: { publishState: final, untranslated: source }'),
    );
    expect((await project!.run(['extract', '--lang', 'fr'])).code).toBe(0);
    const FR: DocumentRef = { document: 'gipfel', language: 'fr' };
    const store = createProjectStore(openProject(project!.root));
    const confirmed = await act(store, { kind: 'confirm', segment: CHANCELLOR }, FR);
    expect(confirmed).toMatchObject({ status: 'applied', segment: { state: 'final', confirmedBy: { name: 'Ana' } } });
    const xml = readFileSync(file('fr'), 'utf8');
    expect(xml).toMatch(new RegExp(`<segment id="${CHANCELLOR}" state="final">`, 'u'));
    expect(xml).toContain(`<mda:metaGroup category="l10n:review"><mda:meta type="segment">${CHANCELLOR}</mda:meta><mda:meta type="reviewed-by">Ana</mda:meta><mda:meta type="reviewed-at">${T}</mda:meta><mda:meta type="decision">confirmed</mda:meta></mda:metaGroup>`);
    const build = await project!.run(['build', '--lang', 'fr', '--format', 'json']);
    const report = (JSON.parse(build.stdout) as Array<{ documents: Array<{ counts: { published: number; fellBack: number }; review?: unknown }> }>)[0]?.documents[0];
    expect(report?.counts).toMatchObject({ published: 2, fellBack: 6 }); // the confirmed sentence and the locked credit
    expect(report?.review).toEqual({ reviewed: 0, final: 1, confirmations: [{ unit: CHANCELLOR, state: 'final', by: 'Ana', at: T }], unnamed: 0 });
    expect(build.stderr).toContain('fr: gipfel: 1 final; confirmed by Ana 1');
  });

  it('loses no edit in 200 random edits and confirmations with changes made to the file on disk in between, and never writes over one it has not seen', async () => {
    const { store, file } = setUp();
    const ids = entriesOf(readXliff(readFileSync(file()), 'f.xlf')).map((e) => e.id);
    const random = seededRandom(20261203);
    const pick = (n: number): number => Math.floor(random() * n);
    const alphabet = ['a', 'é', 'ß', ' ', '<', '>', '&', '"', "'", '✓', '😀'];
    const escape = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
    const expected = new Map(entriesOf(readXliff(readFileSync(file()), 'f.xlf')).map((e) => [e.id, { text: e.target?.text ?? '', state: e.state as string }]));
    /** A CAT tool saves the file: another target for one unit, state translated. */
    const changeOnDisk = (id: string, step: number): void => {
      const text = `outside ${step} <&>`;
      const xml = readFileSync(file(), 'utf8').replace(
        new RegExp(`(<trans-unit id="${id}"[^>]*>[\\s\\S]*?)<target state="[^"]*"([^>]*)>[\\s\\S]*?</target>`, 'u'),
        `$1<target state="translated"$2>${escape(text)}</target>`,
      );
      writeFileSync(file(), xml);
      expected.set(id, { text, state: 'translated' });
    };
    let version = (await store.load(EN))?.version ?? '';
    let conflicts = 0;
    for (let step = 0; step < 200; step += 1) {
      const id = ids[pick(ids.length)] ?? '';
      const text = `edit ${step} ` + Array.from({ length: 1 + pick(6) }, () => alphabet[pick(alphabet.length)]).join('');
      const confirm = random() < 0.4;
      let stale = false;
      if (random() < 0.15) {
        changeOnDisk(ids[pick(ids.length)] ?? '', step);
        stale = true;
      }
      const request = (v: string): ActionRequest => ({ action: { kind: confirm ? 'confirm' : 'edit', segment: id, target: { text, codes: [] } }, version: v, author: 'Ana', time: T });
      let result = await store.apply(EN, request(version));
      if (stale) {
        // The page's version is older than the file: refused, nothing written; a reload gives the current one.
        expect(result.status, `step ${step}`).toBe('conflict');
        conflicts += 1;
        version = (await store.load(EN))?.version ?? '';
        result = await store.apply(EN, request(version));
      }
      expect(result.status, `step ${step}`).toBe('applied');
      if (result.status === 'applied') version = result.version;
      const before = expected.get(id);
      expected.set(id, { text, state: confirm ? 'reviewed' : before?.text === text ? (before?.state ?? 'translated') : 'translated' });
    }
    const written = new Map(entriesOf(readXliff(readFileSync(file()), 'f.xlf')).map((e) => [e.id, { text: e.target?.text ?? '', state: e.state as string }]));
    expect(written).toEqual(expected);
    expect(conflicts).toBeGreaterThan(15);
  }, 120_000);
});
