/**
 * Small review documents for the review tests, and a check function of the kind the project's
 * store runs after each write (terms approved, forbidden renderings, empty targets).
 */
import type { ContentView, FindingView, ReviewDocument, SegmentView, TermView } from '../../pipeline/review/index.js';

const plain = (text: string): ContentView => ({ text, codes: [] });

const putin: TermView = { start: 0, end: 5, term: 'Wladimir Putin', approved: ['Vladimir Putin', 'Putin'], forbidden: [], dnt: false };
const kreml = (start: number): TermView => ({ start, end: start + 5, term: 'Kreml', approved: ['Kremlin'], forbidden: ['Kreml'], dnt: false, note: 'Seat of the Russian president' });

/**
 * A short article, German → English: eight segments in four blocks, every state, every origin,
 * terms, an inline code pair, candidates, notes and findings.
 */
export function articleView(): ReviewDocument {
  const segments: SegmentView[] = [
    {
      id: 's-title',
      block: { id: 'b-title', kind: 'title' },
      source: { text: 'Putin empfängt Kim im Kreml', codes: [], terms: [putin, kreml(22)] },
      target: plain('Putin receives Kim in the Kremlin'),
      state: 'translated',
      origin: { kind: 'translator' },
      findings: [],
      candidates: [],
      notes: [],
    },
    {
      id: 's-lead-1',
      block: { id: 'b-lead', kind: 'paragraph' },
      source: { text: 'Das Treffen dauerte drei Stunden.', codes: [], terms: [] },
      target: plain('The meeting lasted three hours.'),
      state: 'needs-review',
      origin: { kind: 'memory', provider: 'de-en.tmx' },
      findings: [],
      candidates: [
        { kind: 'memory', target: plain('The meeting lasted three hours.'), quality: 100, origin: 'de-en.tmx' },
        { kind: 'machine', target: plain('The meeting took three hours.'), origin: 'deepl' },
      ],
      notes: [],
    },
    {
      id: 's-lead-2',
      block: { id: 'b-lead', kind: 'paragraph' },
      source: { text: 'Der Kreml sprach von einem Erfolg.', codes: [], terms: [kreml(4)] },
      target: plain('The Kreml spoke of a success.'),
      state: 'translated',
      origin: { kind: 'machine', provider: 'deepl' },
      findings: [{ ruleId: 'qa/forbidden-term', severity: 'error', reason: 'the glossary forbids "Kreml" for Kreml', expected: 'Kremlin', actual: 'Kreml' }],
      candidates: [{ kind: 'machine', target: plain('The Kremlin spoke of a success.'), origin: 'deepl' }],
      notes: [],
    },
    {
      id: 's-head',
      block: { id: 'b-head', kind: 'heading' },
      source: { text: 'Was vereinbart wurde', codes: [], terms: [] },
      state: 'initial',
      findings: [],
      candidates: [{ kind: 'previous', source: 'Was beschlossen wurde', target: plain('What was decided'), quality: 78 }],
      notes: [],
    },
    {
      id: 's-body-1',
      block: { id: 'b-body', kind: 'paragraph' },
      source: {
        text: 'Beide sprachen über Handel und Sicherheit.',
        codes: [
          { id: '1', kind: 'open', at: 20, display: '<b>' },
          { id: '1', kind: 'close', at: 26, display: '</b>' },
        ],
        terms: [],
      },
      target: {
        text: 'Both spoke about trade and security.',
        codes: [
          { id: '1', kind: 'open', at: 17, display: '<b>' },
          { id: '1', kind: 'close', at: 22, display: '</b>' },
        ],
      },
      state: 'reviewed',
      origin: { kind: 'translator' },
      findings: [],
      candidates: [],
      notes: [{ author: 'Lena', time: '2025-09-03T10:15:00.000Z', text: 'Bold as in the source.' }],
    },
    {
      id: 's-body-2',
      block: { id: 'b-body', kind: 'paragraph' },
      source: { text: 'Kim reiste mit dem Zug an.', codes: [], terms: [] },
      target: plain('Kim arrived by train.'),
      state: 'final',
      origin: { kind: 'translator' },
      findings: [],
      candidates: [],
      notes: [],
    },
    {
      id: 's-body-3',
      block: { id: 'b-body', kind: 'paragraph' },
      source: { text: 'Putin nannte das Gespräch offen.', codes: [], terms: [putin] },
      target: plain('He called the talk open.'),
      state: 'needs-translation',
      origin: { kind: 'translator' },
      findings: [{ ruleId: 'qa/terminology', severity: 'warning', reason: 'the target does not name Wladimir Putin as the glossary says', expected: 'Vladimir Putin' }],
      candidates: [],
      notes: [{ author: 'Lena', time: '2025-09-03T10:20:00.000Z', text: 'Name Putin, as the source does.' }],
    },
    {
      id: 's-credit',
      block: { id: 'b-credit', kind: 'credit' },
      source: { text: 'dpa/AFP', codes: [], terms: [] },
      target: plain('dpa/AFP'),
      state: 'reviewed',
      origin: { kind: 'reviewer', provider: 'Lena' },
      findings: [],
      candidates: [],
      notes: [],
    },
  ];
  return { document: 'putin-kim', language: 'en', sourceLanguage: 'de', file: 'translations/en/putin-kim.xlf', segments };
}

/**
 * The checks the test stores run after each write: an empty target is an error, a forbidden
 * rendering of a source term is an error, a term without one of its approved targets a warning.
 */
export function termCheck(_view: ReviewDocument, segment: SegmentView): readonly FindingView[] {
  const target = segment.target?.text ?? '';
  if (target.trim() === '') return segment.state === 'initial' ? [] : [{ ruleId: 'qa/empty', severity: 'error', reason: 'the target is empty' }];
  const findings: FindingView[] = [];
  for (const term of segment.source.terms) {
    const forbidden = term.forbidden.find((f) => new RegExp(`\\b${f}\\b`, 'u').test(target));
    if (forbidden !== undefined) findings.push({ ruleId: 'qa/forbidden-term', severity: 'error', reason: `the glossary forbids "${forbidden}" for ${term.term}`, actual: forbidden, expected: term.approved[0] ?? term.term });
    else if (term.approved.length > 0 && !term.approved.some((a) => target.includes(a))) {
      findings.push({ ruleId: 'qa/terminology', severity: 'warning', reason: `the target does not name ${term.term} as the glossary says`, expected: term.approved[0] ?? term.term });
    }
  }
  return findings;
}

/** A generated document of `count` plain segments (for larger tests), all translated by a translator. */
export function generatedView(count: number, language = 'en'): ReviewDocument {
  const segments: SegmentView[] = Array.from({ length: count }, (_, i) => ({
    id: `g${i}`,
    block: { id: `b${Math.floor(i / 4)}`, kind: i === 0 ? 'title' : 'paragraph' },
    source: { text: `Satz Nummer ${i + 1} des Artikels.`, codes: [], terms: [] },
    target: plain(`Sentence number ${i + 1} of the article.`),
    state: 'translated',
    origin: { kind: 'translator' },
    findings: [],
    candidates: [],
    notes: [],
  }));
  return { document: 'generated', language, sourceLanguage: 'de', file: `translations/${language}/generated.xlf`, segments };
}
