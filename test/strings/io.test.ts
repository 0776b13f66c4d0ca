import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveStringsOptions } from '../../pipeline/strings/options.js';
import { commentsFromUses, hintsFromUses, readSourceCatalogs, refreshSourceCatalogs, writeTargetCatalogs } from '../../pipeline/strings/io.js';

// Loading i18next-parser (the TypeScript compiler) takes seconds on a busy machine: once, before the tests, with time to spare.
beforeAll(async () => {
  await import('i18next-parser');
}, 120_000);


const options = resolveStringsOptions({ namespaces: ['common', 'article'], defaultNamespace: 'common' });
let root: string;
const file = (relative: string): string => path.join(root, relative);
const text = (relative: string): string => readFileSync(file(relative), 'utf8');
const COMMON = 'source/locales/de/common.json';
const COMMON_ASIDE = 'source/locales/de/common.aside.json';
const ARTICLE = 'source/locales/de/article.json';

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'l10n-strings-'));
  cpSync('test/fixtures/strings/site', root, { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('refreshSourceCatalogs', () => {
  it('refreshes the sample site: sets the unused key aside, adds the new Trans text, reports keys without text', async () => {
    const report = await refreshSourceCatalogs(root, options);
    expect(report.changed).toEqual([COMMON, COMMON_ASIDE, ARTICLE]);
    expect(JSON.parse(text(COMMON_ASIDE))).toEqual({ newsletter: 'Newsletter abonnieren' });
    expect(JSON.parse(text(COMMON))).not.toHaveProperty('newsletter');
    expect(JSON.parse(text(ARTICLE))).toHaveProperty(['Jetzt <1>live</1> verfolgen'], 'Jetzt <1>live</1> verfolgen');
    expect(report.messages.filter((m) => m.severity !== 'info').map((m) => `${m.ruleId} ${m.file}:${m.line}:${m.column}`)).toEqual([
      'strings/dynamic-key src/lib/errors.js:3:40',
      'strings/no-source-text src/pages/ranking.ts:9:48',
      'strings/no-source-text src/templates/footer.html:4:27',
    ]);
  });

  it('writes nothing on a second run', async () => {
    await refreshSourceCatalogs(root, options);
    const before = [COMMON, COMMON_ASIDE, ARTICLE].map(text);
    const again = await refreshSourceCatalogs(root, options);
    expect(again.changed).toEqual([]);
    expect([COMMON, COMMON_ASIDE, ARTICLE].map(text)).toEqual(before);
  });

  it('brings a removed key back with its edited text when the code uses it again', async () => {
    await refreshSourceCatalogs(root, options);
    // An editor rewords the share button, then the button leaves the code.
    writeFileSync(file(COMMON), text(COMMON).replace('"share": "Teilen"', '"share": "Artikel teilen"'));
    const card = text('src/components/ArticleCard.jsx');
    writeFileSync(file('src/components/ArticleCard.jsx'), card.replace("<button type=\"button\">{t('common:share', 'Teilen')}</button>", ''));
    const removed = await refreshSourceCatalogs(root, options);
    expect(removed.results.find((r) => r.namespace === 'common')?.setAside).toEqual(['share']);
    expect(JSON.parse(text(COMMON_ASIDE))).toEqual({ newsletter: 'Newsletter abonnieren', share: 'Artikel teilen' });

    writeFileSync(file('src/components/ArticleCard.jsx'), card);
    const back = await refreshSourceCatalogs(root, options);
    expect(back.results.find((r) => r.namespace === 'common')?.restored).toEqual(['share']);
    expect(JSON.parse(text(COMMON))).toHaveProperty('share', 'Artikel teilen');
    expect(JSON.parse(text(COMMON_ASIDE))).toEqual({ newsletter: 'Newsletter abonnieren' });
  });

  it('reports what would change without writing, for a check in CI', async () => {
    const before = text(COMMON);
    const report = await refreshSourceCatalogs(root, options, { write: false });
    expect(report.changed).toEqual([COMMON, COMMON_ASIDE, ARTICLE]);
    expect(text(COMMON)).toBe(before);
    expect(existsSync(file(COMMON_ASIDE))).toBe(false);
  });

  it('leaves a namespace whose catalog is broken untouched and refreshes the others', async () => {
    writeFileSync(file(COMMON), '{\n  "share": "Teilen",\n}\n');
    const report = await refreshSourceCatalogs(root, options);
    expect(report.messages.filter((m) => m.fatal === true)).toMatchObject([{ ruleId: 'strings/json', file: COMMON, line: 3, column: 1 }]);
    expect(report.changed).toEqual([ARTICLE]);
    expect(text(COMMON)).toBe('{\n  "share": "Teilen",\n}\n');
  });

  it('reports a source file that is not UTF-8 with its place and reads the rest', async () => {
    writeFileSync(file('src/lib/latin1.js'), Buffer.from([0x74, 0x28, 0x27, 0x78, 0x27, 0x29, 0x0a, 0x2f, 0x2f, 0xfc]));
    const report = await refreshSourceCatalogs(root, options, { write: false });
    expect(report.messages.find((m) => m.file === 'src/lib/latin1.js')).toMatchObject({ ruleId: 'strings/encoding', line: 2, column: 3 });
    expect(report.uses.length).toBe(17);
  });
});

describe('notes and hints from the code', () => {
  it('collects comments and key shapes per namespace', async () => {
    const report = await refreshSourceCatalogs(root, options, { write: false });
    expect(commentsFromUses(report.uses).get('article')?.get('card.readMore')).toEqual(['Link text under every teaser']);
    const hints = hintsFromUses(report.uses).get('common');
    expect([...(hints?.countedStems ?? [])]).toEqual(['friendCount', 'ranking.place']);
    expect(hints?.contextValues).toEqual(['male', 'female']);
  });
});

describe('readSourceCatalogs and writeTargetCatalogs', () => {
  it('reads catalogs with their metadata and writes translated catalogs where the options say', () => {
    const loaded = readSourceCatalogs(root, options);
    expect([...loaded.catalogs.keys()]).toEqual(['common', 'article']);
    expect(loaded.metas.get('common')?.keys.get('share')?.maxLength).toBe(12);
    const translations = new Map([['common', new Map([['share', 'Partager'], ['nope', 'x']])], ['article', new Map<string, string>()]]);
    const { written, messages } = writeTargetCatalogs(root, options, 'fr', loaded.catalogs.values(), translations);
    expect(written).toEqual(['output/fr/locales/common.json']);
    expect(text('output/fr/locales/common.json')).toBe('{\n  "share": "Partager"\n}\n');
    expect(messages.map((m) => m.ruleId)).toEqual(['strings/unknown-key']);
  });
});
