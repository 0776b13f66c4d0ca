import { beforeAll, describe, expect, it } from 'vitest';
import { extractKeys, fileKind, requiredKeys, type KeyUse, type SourceFile } from '../../pipeline/strings/extract.js';
import { readSourceFiles } from '../../pipeline/strings/io.js';
import { resolveStringsOptions, type StringsOptionsInput } from '../../pipeline/strings/options.js';

// Loading i18next-parser (the TypeScript compiler) takes seconds on a busy machine: once, before the tests, with time to spare.
beforeAll(async () => {
  await import('i18next-parser');
}, 120_000);


const SITE = 'test/fixtures/strings/site';
const options = resolveStringsOptions({ namespaces: ['common', 'article'], defaultNamespace: 'common' });
const extract = (files: SourceFile[], input: StringsOptionsInput = { namespaces: ['common', 'article'], defaultNamespace: 'common' }) => extractKeys(files, resolveStringsOptions(input));
const where = (u: KeyUse): string => `${u.file}:${u.line ?? '?'}:${u.column ?? '?'}`;

describe('extractKeys on the sample site', () => {
  it('finds every key, with its namespace, plural and context, at the place it is written', async () => {
    const { files } = readSourceFiles(SITE, options);
    const { uses } = await extractKeys(files, options);
    expect(uses.map((u) => `${u.namespace}:${u.stem}${u.count ? (u.ordinal ? ' (ordinal)' : ' (count)') : ''}${u.context === '' ? ' (context at run time)' : ''} @ ${where(u)}`)).toEqual([
      'article:card.published @ src/components/ArticleCard.jsx:10:12',
      'article:card.readMore @ src/components/ArticleCard.jsx:13:32',
      'article:card.comments (count) @ src/components/ArticleCard.jsx:15:12',
      'common:share @ src/components/ArticleCard.jsx:21:32',
      'article:byline @ src/components/Byline.tsx:9:22',
      'article:Jetzt <1>live</1> verfolgen @ src/components/Byline.tsx:12:7',
      'common:friend_male @ src/components/Friends.tsx:9:14',
      'common:friend_female @ src/components/Friends.tsx:10:14',
      'common:friendCount (count) (context at run time) @ src/components/Friends.tsx:11:14',
      'common:errors.notFound @ src/lib/errors.js:2:38',
      'common:errors.network @ src/lib/errors.js:5:12',
      'common:ranking.place (ordinal) @ src/pages/ranking.ts:5:10',
      'common:ranking.title @ src/pages/ranking.ts:7:47',
      'common:ranking.empty @ src/pages/ranking.ts:9:48',
      'common:footer.imprint @ src/templates/footer.html:3:35',
      'common:footer.copyrightTitle @ src/templates/footer.html:4:27',
      'common:footer.copyright @ src/templates/footer.html:4:56',
    ]);
  });

  it('takes default texts from arguments, plural options, Trans children and HTML options', async () => {
    const { files } = readSourceFiles(SITE, options);
    const { uses } = await extractKeys(files, options);
    const byStem = new Map(uses.map((u) => [`${u.namespace}:${u.stem}`, u]));
    expect(byStem.get('article:card.readMore')?.defaultValue).toBe('Weiterlesen');
    expect(byStem.get('article:card.comments')?.pluralDefaults).toEqual({ one: '{{count}} Kommentar', other: '{{count}} Kommentare' });
    expect(byStem.get('article:byline')?.defaultValue).toBe('Von <strong>{{author}}</strong> am <3>{{date}}</3>');
    expect(byStem.get('common:friend_female')?.defaultValue).toBe('Eine Freundin');
    expect(byStem.get('common:footer.imprint')?.defaultValue).toBe('Impressum');
    expect(byStem.get('common:ranking.title')?.defaultValue).toBeUndefined();
  });

  it('takes the comment right above a use as a note, in JSX, JavaScript, TypeScript and HTML', async () => {
    const { files } = readSourceFiles(SITE, options);
    const { uses } = await extractKeys(files, options);
    expect(uses.filter((u) => u.comment !== undefined).map((u) => [u.stem, u.comment])).toEqual([
      ['card.published', 'Date line under the headline; the date is already formatted'],
      ['card.readMore', 'Link text under every teaser'],
      ['byline', 'Author and date under the headline'],
      ['errors.network', 'Shown when the network fails; the support line is nested'],
      ['ranking.place', 'Rank of a team in the league table, e.g. "3rd place"'],
      ['footer.imprint', 'Link to the legal notice, bottom of every page'],
    ]);
  });

  it('reports a key built at run time as a warning at its call', async () => {
    const { files } = readSourceFiles(SITE, options);
    const { messages } = await extractKeys(files, options);
    expect(messages.map((m) => [m.ruleId, m.severity, m.file, m.line, m.column, m.actual])).toEqual([
      ['strings/dynamic-key', 'warning', 'src/lib/errors.js', 3, 40, "t('errors.' + error.code);"],
    ]);
  });
});

describe('extractKeys rules', () => {
  it('applies a key prefix, a namespace from the call, and a custom function name', async () => {
    const files = [
      { path: 'a.ts', text: "const { t } = useTranslation('article', { keyPrefix: 'card' });\nt('title');" },
      { path: 'b.ts', text: "tr('article:x');\nt('y', { ns: 'article' });\nt('z');" },
    ];
    const { uses } = await extract(files, { namespaces: ['common', 'article'], functions: ['t', 'tr'] });
    expect(uses.map((u) => `${u.namespace}:${u.key}`)).toEqual(['article:card.title', 'article:x', 'article:y', 'common:z']);
  });

  it('keeps a colon in a Trans text that is its own key, and reads keys without namespace separator whole', async () => {
    const tsx = 'const a = <Trans>Neu: <b>heute</b></Trans>;';
    expect((await extract([{ path: 'a.tsx', text: tsx }])).uses.map((u) => `${u.namespace}|${u.key}`)).toEqual(['common|Neu: <1>heute</1>']);
    const { uses } = await extract([{ path: 'a.js', text: "t('a:b')" }], { namespaces: ['common'], nsSeparator: false });
    expect(uses.map((u) => `${u.namespace}|${u.key}`)).toEqual(['common|a:b']);
  });

  it('reports a namespace that is not the site\'s and a file no lexer reads', async () => {
    const { uses, messages } = await extract([{ path: 'a.js', text: "\n  t('shop:cart')" }, { path: 'b.vue', text: '' }]);
    expect(uses).toEqual([]);
    expect(messages.map((m) => [m.ruleId, m.file, m.line, m.column])).toEqual([
      ['strings/unknown-namespace', 'a.js', 2, 5],
      ['strings/unknown-file-type', 'b.vue', undefined, undefined],
    ]);
  });

  it('reports bad JSON options in an HTML template at the attribute and reads the other files', async () => {
    const html = '<p>\n  <a data-i18n="x" data-i18n-options=\'{defaultValue: "y"}\'></a>\n</p>';
    const { uses, messages } = await extract([{ path: 'a.html', text: html }, { path: 'b.js', text: "t('ok', 'Gut')" }]);
    expect(messages).toMatchObject([{ ruleId: 'strings/parse', severity: 'error', file: 'a.html', line: 2, column: 20 }]);
    expect(uses.map((u) => u.key)).toEqual(['ok']);
  });

  it('tells a literal context from one computed at run time', async () => {
    const js = "t('a', { context: 'male' });\nt('b', { context: gender });\nt('c', { context });";
    const tsx = 'const x = <><Trans i18nKey="d" context="female">x</Trans><Trans i18nKey="e" context={g}>y</Trans></>;';
    const { uses } = await extract([{ path: 'a.js', text: js }, { path: 'b.tsx', text: tsx }]);
    expect(uses.map((u) => `${u.key}:${u.context}:${u.stem}`)).toEqual(['a:male:a_male', 'b::b', 'c::c', 'd:female:d_female', 'e::e']);
  });

  it('takes only tagged comments as notes when a comment tag is set, and never a commented-out call', async () => {
    const js = '// helper\nt(\'a\');\n// translators: Shown on the button\nt(\'b\');\n// t(\'c\')\nt(\'d\');';
    const tagged = await extract([{ path: 'a.js', text: js }], { commentTag: 'translators:' });
    expect(tagged.uses.map((u) => [u.key, u.comment])).toEqual([['a', undefined], ['b', 'Shown on the button'], ['c', undefined], ['d', undefined]]);
    const any = await extract([{ path: 'a.js', text: js }]);
    expect(any.uses.map((u) => [u.key, u.comment])).toEqual([['a', 'helper'], ['b', 'translators: Shown on the button'], ['c', undefined], ['d', undefined]]);
  });

  it('finds a key written twice in a file at each of its places', async () => {
    const { uses } = await extract([{ path: 'a.js', text: "t('x');\nconst y = 1;\nt(\"x\");" }]);
    expect(uses.map(where)).toEqual(['a.js:1:3', 'a.js:3:3']);
  });
});

describe('fileKind and requiredKeys', () => {
  it('chooses a lexer by extension', () => {
    expect(['a.js', 'a.MJS', 'a.ts', 'a.tsx', 'a.jsx', 'a.html', 'a.htm', 'a.vue', 'Makefile', 'a.constructor'].map(fileKind)).toEqual(['javascript', 'javascript', 'javascript', 'jsx', 'jsx', 'html', 'html', undefined, undefined, undefined]);
  });

  it('needs the German forms of a counted key, with per-form defaults, and nothing by name for a context computed at run time', () => {
    const use = { namespace: 'common', key: 'items', context: undefined, stem: 'items', count: true, ordinal: false, defaultValue: 'Dinge', pluralDefaults: { one: 'Ein Ding' }, comment: undefined, file: 'a.js', line: 1, column: 1 };
    expect(requiredKeys(use, 'de', '_')).toEqual([{ key: 'items_one', defaultValue: 'Ein Ding' }, { key: 'items_other', defaultValue: 'Dinge' }]);
    expect(requiredKeys({ ...use, ordinal: true }, 'de', '_')).toEqual([{ key: 'items_ordinal_other', defaultValue: 'Dinge' }]);
    expect(requiredKeys({ ...use, context: '' }, 'de', '_')).toEqual([]);
  });
});
