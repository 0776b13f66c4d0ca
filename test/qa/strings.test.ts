/**
 * The `strings/*` checks as registered checks: they run with the others on a software string
 * document's targets (codes that may move, plural forms, length limits), and `qa/inline-codes`
 * leaves software strings to them so that no problem is reported twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStringsFormat } from '../../pipeline/formats/strings/index.js';
import { segmentsOf, type Content, type Document, type InlineCode, type SegmentTarget } from '../../pipeline/model.js';
import { RULE_IDS, runChecks } from '../../pipeline/qa/index.js';
import { resolveStringsOptions } from '../../pipeline/strings/options.js';

const root = mkdtempSync(path.join(tmpdir(), 'l10n-qa-strings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const format = createStringsFormat({
  root,
  options: resolveStringsOptions({ namespaces: ['common'], defaultNamespace: 'common', maxLength: { 'common:share': 10 } }),
  outputFolder: 'output',
});

const CATALOG = JSON.stringify({
  share: 'Teilen',
  byline: 'Von <1>{{author}}</1> am {{date}}',
  comments_one: '{{count}} Kommentar',
  comments_other: '{{count}} Kommentare',
});

function french(): Document {
  const doc = format.read({ text: CATALOG, path: 'source/locales/de/common.json', name: 'locales/de/common', language: 'de' }).document;
  return format.forLanguage?.(doc, 'fr') as Document;
}

/** A target as the import stage gives it: codes taken from the source by id, moved to where `at` says. */
function target(doc: Document, key: string, text: string, codes: ReadonlyArray<readonly [string, number]> = []): [string, SegmentTarget] {
  const segment = segmentsOf(doc).find((s) => s.resource?.name === key);
  if (segment === undefined) throw new Error(`no key ${key}`);
  const sourceCodes = segment.codes;
  const content: Content = {
    text,
    codes: codes.map(([data, at]): InlineCode => {
      const code = sourceCodes.find((c) => c.data === data) as InlineCode;
      return { id: code.id, kind: code.kind, type: code.type, data: code.data, at };
    }),
  };
  return [segment.id, { id: segment.id, source: segment, target: content, state: 'translated', needsReview: false, origin: 'translator', notes: [], candidates: [], line: 1 }];
}

const findings = (doc: Document, targets: ReadonlyArray<[string, SegmentTarget]>): string[] =>
  runChecks({ doc, language: 'fr', sourceLanguage: 'de', file: 'fr.xlf', targets: new Map(targets) })
    .filter((m) => m.ruleId !== 'qa/untranslated')
    .map((m) => `${m.severity} ${m.ruleId}: ${m.reason}`);

describe('the strings checks', () => {
  it('are registered, so the config can set their severity', () => {
    expect(RULE_IDS).toEqual(expect.arrayContaining(['strings/inline-codes', 'strings/plural-missing', 'strings/max-length']));
  });

  it('accept codes that moved, and report nothing on a good translation', () => {
    const doc = french();
    expect(findings(doc, [
      target(doc, 'share', 'Partager'),
      target(doc, 'byline', 'Le  par ', [['{{date}}', 3], ['<1>', 8], ['{{author}}', 8], ['</1>', 8]]),
      target(doc, 'comments_one', ' commentaire', [['{{count}}', 0]]),
      target(doc, 'comments_many', ' de commentaires', [['{{count}}', 0]]),
      target(doc, 'comments_other', ' commentaires', [['{{count}}', 0]]),
    ])).toEqual([]);
  });

  it('report a missing variable, a broken pair and a repeated variable once each, never also as qa/inline-codes', () => {
    const doc = french();
    expect(findings(doc, [
      target(doc, 'byline', 'Par  le ', [['</1>', 4], ['{{author}}', 4], ['<1>', 4]]),
      target(doc, 'comments_one', ' commentaire sur le total', [['{{count}}', 0], ['{{count}}', 20]]),
    ])).toEqual([
      'error strings/inline-codes: fr "byline": {{date}} of the source is missing from the translation',
      'error strings/inline-codes: fr "byline": the tag <1> is not closed, or crosses another tag, in the translation',
      'warning strings/inline-codes: fr "comments_one": {{count}} appears more often in the translation than in the source',
      'error strings/plural-missing: fr "comments": the plural form "many" (1000000…) has no translation, while other forms do',
      'error strings/plural-missing: fr "comments": the plural form "other" (2, 3, 4, 5…) has no translation, while other forms do',
    ]);
  });

  it('report a translation over the key\'s limit, counted in characters a reader sees', () => {
    const doc = french();
    expect(findings(doc, [target(doc, 'share', 'Partager l’article')])).toEqual(['error strings/max-length: fr "share": the translation has 18 characters, more than the limit of 10']);
    expect(findings(doc, [target(doc, 'share', 'Parta👍🏽gé')])).toEqual([]);
  });

  it('keep a repeated variable a warning even when the check reports at error', () => {
    const doc = french();
    const messages = runChecks(
      { doc, language: 'fr', sourceLanguage: 'de', file: 'fr.xlf', targets: new Map([target(doc, 'share', 'Partager'), target(doc, 'comments_one', ' et ', [['{{count}}', 0], ['{{count}}', 4]])]) },
      { settings: new Map([['strings/inline-codes', 'error']]) },
    );
    expect(messages.filter((m) => m.ruleId === 'strings/inline-codes').map((m) => m.severity)).toEqual(['warning']);
    const quiet = runChecks(
      { doc, language: 'fr', sourceLanguage: 'de', file: 'fr.xlf', targets: new Map([target(doc, 'comments_one', ' et ', [['{{count}}', 0], ['{{count}}', 4]])]) },
      { settings: new Map([['strings/inline-codes', 'info']]) },
    );
    expect(quiet.filter((m) => m.ruleId === 'strings/inline-codes').map((m) => m.severity)).toEqual(['info']);
  });
});
