import { describe, expect, it } from 'vitest';
import type { Document, Message } from '../../pipeline/model.js';
import { annotateTerms } from '../../pipeline/terms/stage.js';
import { matcherFrom } from './helpers.js';

const matcher = matcherFrom(`
terms:
  - {source: Wladimir Putin, kind: person, variants: [Putin], targets: {en: Vladimir Putin, fr: Vladimir Poutine}, forbidden: {fr: [Putin], es: [Wladimir]}}
  - {source: Interfax, kind: organization, dnt: true, note: Russian news agency; keep the Latin spelling.}
`);

function documentOf(sentences: string[]): Document {
  const text = sentences.join(' ');
  let offset = 0;
  const segments = sentences.map((s, i) => {
    const segment = { id: `s${i}`, text: s, start: offset, end: offset + s.length, codes: [], spans: [] };
    offset += s.length + 1;
    return segment;
  });
  return { name: 'd', path: 'd.txt', language: 'de', text, blocks: [{ id: 'b', kind: 'paragraph', start: 0, end: text.length, glued: false, segments }] };
}

describe('annotateTerms', () => {
  it('adds term spans relative to each segment, with targets for the requested languages, dnt and the entry\'s note', () => {
    const doc = documentOf(['Das sagte Putin.', 'Laut Interfax sprach Putins Sprecher.']);
    annotateTerms(matcher, ['en'])(doc);
    const [first, second] = doc.blocks[0]!.segments;
    expect(first!.spans).toEqual([{ kind: 'term', start: 10, end: 15, term: 'Wladimir Putin', targets: { en: ['Vladimir Putin'] }, dnt: false, forbidden: {} }]);
    expect(second!.spans).toEqual([
      { kind: 'term', start: 5, end: 13, term: 'Interfax', targets: { en: ['Interfax'] }, dnt: true, forbidden: {}, note: 'Russian news agency; keep the Latin spelling.' },
      { kind: 'term', start: 21, end: 27, term: 'Wladimir Putin', targets: { en: ['Vladimir Putin'] }, dnt: false, forbidden: {} },
    ]);
  });

  it('replaces earlier term spans and leaves out a term with an inline code inside it', () => {
    const doc = documentOf(['Putin traf Putin.']);
    // "Putin traf Pu<br>tin.": a code inside the second occurrence, which a marker would cut.
    const segment = { ...doc.blocks[0]!.segments[0]!, codes: [{ id: '1', kind: 'standalone' as const, type: 'break', data: '<br>', at: 13 }] };
    doc.blocks[0]!.segments[0] = segment;
    segment.spans = [{ kind: 'term', start: 0, end: 1, term: 'old' }];
    annotateTerms(matcher, ['en', 'fr'])(doc);
    expect(segment.spans.map((s) => `${s.kind}:${s.start}-${s.end}`)).toEqual(['term:0-5']);
    expect(segment.spans[0]?.targets).toEqual({ en: ['Vladimir Putin'], fr: ['Vladimir Poutine'] });
    // Forbidden renderings come along for the requested languages only (es was not requested).
    expect(segment.spans[0]?.forbidden).toEqual({ fr: ['Putin'] });
  });

  it('rejects languages that are not a list of codes up front', () => {
    expect(() => annotateTerms(matcher, 'en' as unknown as string[])).toThrow(/expected languages/);
  });
});

describe('terms cut by the sentence split', () => {
  const placeMatcher = matcherFrom(`
terms:
  - {source: Frankfurt a. M., kind: place, match: exact, targets: {en: Frankfurt am Main}}
`);

  it('reports a term that starts in one sentence and ends in the next, with its place', () => {
    const doc = documentOf(['Die Bank sitzt in Frankfurt a.', 'M. ist ihr Sitz.']);
    const messages: Message[] = [];
    annotateTerms(placeMatcher, ['en'])(doc, (m) => messages.push(m));
    expect(messages).toEqual([
      expect.objectContaining({ ruleId: 'terms/crosses-segment', severity: 'warning', file: 'd.txt', line: 1, column: 19 }),
    ]);
    expect(doc.blocks[0]!.segments.flatMap((s) => s.spans)).toEqual([]);
  });

  it('reports nothing when every term lies inside one sentence', () => {
    const doc = documentOf(['Die Bank sitzt in Frankfurt a. M. seit Jahren.', 'Das ist alles.']);
    const messages: Message[] = [];
    annotateTerms(placeMatcher, ['en'])(doc, (m) => messages.push(m));
    expect(messages).toEqual([]);
    expect(doc.blocks[0]!.segments[0]!.spans).toHaveLength(1);
  });
});
