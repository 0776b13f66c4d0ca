/**
 * Builds small Documents for tests without the reader or the segmenter: blocks of sentences,
 * joined the way a plain-text article is (sentences by a space, blocks by a blank line), with
 * correct offsets and ids from `assignIds`.
 */
import { assignIds } from '../../pipeline/ids.js';
import type { BlockKind, Document, Segment, Span } from '../../pipeline/model.js';

/** A term to annotate: its text as it occurs in a sentence, and glossary data. */
export interface TestTerm {
  readonly text: string;
  readonly term?: string;
  readonly targets?: Readonly<Record<string, readonly string[]>>;
  readonly dnt?: boolean;
}

export interface MakeDocumentOptions {
  readonly name?: string;
  readonly path?: string;
  readonly language?: string;
  /** Between sentences of a block; default one space. */
  readonly sentenceGap?: string;
  /** Between blocks; default a blank line. */
  readonly blockGap?: string;
  /** Terms annotated at every occurrence (first match per term and sentence, left to right). */
  readonly terms?: readonly TestTerm[];
}

/** Builds a Document from `[kind, sentences]` pairs. */
export function makeDocument(blocks: ReadonlyArray<readonly [BlockKind, readonly string[]]>, options: MakeDocumentOptions = {}): Document {
  const sentenceGap = options.sentenceGap ?? ' ';
  const blockGap = options.blockGap ?? '\n\n';
  let text = '';
  const out: Document['blocks'] = [];
  blocks.forEach(([kind, sentences], b) => {
    if (b > 0) text += blockGap;
    const start = text.length;
    const segments: Segment[] = [];
    sentences.forEach((sentence, i) => {
      if (i > 0) text += sentenceGap;
      const s = text.length;
      text += sentence;
      segments.push({ id: '', text: sentence, codes: [], start: s, end: text.length, spans: termSpans(sentence, options.terms ?? []) });
    });
    out.push({ id: '', kind, start, end: text.length, glued: false, segments });
  });
  text += '\n';
  const name = options.name ?? 'test-article';
  const doc: Document = { name, path: options.path ?? `source/${name}.txt`, language: options.language ?? 'de', text, blocks: out };
  assignIds(doc);
  return doc;
}

function termSpans(sentence: string, terms: readonly TestTerm[]): Span[] {
  const spans: Span[] = [];
  for (const t of terms) {
    const at = sentence.indexOf(t.text);
    if (at === -1) continue;
    spans.push({ kind: 'term', start: at, end: at + t.text.length, term: t.term ?? t.text, targets: t.targets, dnt: t.dnt });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The document the files in test/fixtures/xliff were written for (ids s8fd3fc851991, sb405474f94a2, s51bad67ede2b). */
export function fixtureDocument(): Document {
  return makeDocument(
    [
      ['title', ['Putin trifft Kim in Peking']],
      ['paragraph', ['Das Treffen fand in Peking statt.', 'Kim sprach von „brüderlicher Pflicht“.']],
    ],
    { name: 'treffen', terms: [{ text: 'Peking', targets: { en: ['Beijing'] } }] },
  );
}
