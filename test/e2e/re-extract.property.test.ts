/**
 * Property: whatever an editor does to an article (insert, delete or change sentences and
 * paragraphs), re-extracting over its translations never loses the translation of a sentence that
 * is still in the source unchanged, and a second extract changes nothing. On the translated
 * article of `test/fixtures/projects/artikel`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openProject, readDocument } from '../../pipeline/index.js';
import { exportXliff, matchTranslations, readXliff } from '../../pipeline/xliff/index.js';
import { tempProject } from '../helpers/project.js';

const ARTICLE = 'source/gipfel.txt';
const SHIPPED = 'translations/en/gipfel.xlf';
const project = tempProject({ fixture: 'artikel', withTranslations: true });
afterAll(() => project.remove());

const pipeline = openProject(project.root);
const original = project.read(ARTICLE);
const shipped = readXliff(new TextEncoder().encode(project.read(SHIPPED)), SHIPPED);
const options = { version: '1.2', sourceLanguage: 'de', targetLanguage: 'en', original: ARTICLE } as const;

/** Translation per sentence text in the shipped file. */
const shippedBySentence = await (async () => {
  const doc = (await readDocument(pipeline, ARTICLE)).document;
  const { bySegment } = matchTranslations(doc!, shipped, { sourceLanguage: 'de', targetLanguage: 'en' });
  return new Map(doc!.blocks.flatMap((b) => b.segments).map((s) => [s.text, bySegment.get(s.id)?.target?.text]));
})();

type Edit =
  | { readonly kind: 'insert-line'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete-line'; readonly at: number }
  | { readonly kind: 'change-word'; readonly at: number; readonly word: string }
  | { readonly kind: 'append-sentence'; readonly at: number; readonly text: string };

const NEW_SENTENCES = [
  'Der Kreml äußerte sich am Abend nicht weiter.',
  'Beobachter sprachen von einem „historischen Treffen“.',
  'Am 3. Oktober soll es ein weiteres Gespräch geben.',
];
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert-line' as const), at: fc.nat(25), text: fc.constantFrom(...NEW_SENTENCES) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat(25) }),
  fc.record({ kind: fc.constant('change-word' as const), at: fc.nat(25), word: fc.constantFrom('angeblich', 'erneut', 'offenbar') }),
  fc.record({ kind: fc.constant('append-sentence' as const), at: fc.nat(25), text: fc.constantFrom(...NEW_SENTENCES) }),
);

/** Applies edits line by line; the title (line 0) is never deleted, so the document stays an article. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = text.split('\n');
  for (const edit of edits) {
    const at = 1 + (edit.at % Math.max(1, lines.length - 1));
    const line = lines[at] ?? '';
    if (edit.kind === 'insert-line') lines.splice(at, 0, edit.text);
    else if (edit.kind === 'delete-line' && lines.length > 3) lines.splice(at, 1);
    else if (edit.kind === 'change-word') lines[at] = line.replace(/ (\p{Ll}+) /u, ` ${edit.word} $1 `);
    else if (edit.kind === 'append-sentence' && line.trim() !== '') lines[at] = `${line} ${edit.text}`;
  }
  return lines.join('\n');
}

describe('re-extracting the article after random edits', () => {
  it('keeps the translation of every unchanged sentence, and a second extract changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 5 }), async (edits) => {
        project.write(ARTICLE, applyEdits(original, edits));
        const doc = (await readDocument(pipeline, ARTICLE)).document;
        expect(doc).toBeDefined();
        const first = exportXliff(doc!, shipped, undefined, options);
        const reread = readXliff(Buffer.from(first.xliff), 'en.xlf');
        const { bySegment } = matchTranslations(doc!, reread, { sourceLanguage: 'de', targetLanguage: 'en' });
        for (const segment of doc!.blocks.flatMap((b) => b.segments)) {
          const before = shippedBySentence.get(segment.text);
          if (before === undefined) continue; // a new or changed sentence
          expect(bySegment.get(segment.id)?.target?.text, segment.text).toBe(before);
          expect(bySegment.get(segment.id)?.needsReview, segment.text).toBe(false);
        }
        const aside = first.aside === undefined ? undefined : readXliff(Buffer.from(first.aside), 'en.aside.xlf');
        const second = exportXliff(doc!, reread, aside, options);
        expect(second.xliff).toBe(first.xliff);
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });
});
