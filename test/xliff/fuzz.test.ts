/**
 * Fuzzing the reader: thousands of seeded mutations of valid files (our 1.2 and 2.1 exports of the
 * fixture article and the tool-shaped fixtures). Each case must either read or throw an InputError
 * with a rule and a position; never another exception, never a hang (a hang ends the test at its time-out; speed is the bench's business, not a test's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/model.js';
import { openProject, readDocument } from '../../pipeline/index.js';
import { exportXliff, readXliff } from '../../pipeline/xliff/index.js';

const FIXTURES = path.resolve('test/fixtures/xliff');

async function corpus(): Promise<Uint8Array[]> {
  const project = openProject(path.resolve('test/fixtures/projects/artikel'));
  const doc = (await readDocument(project, 'source/gipfel.txt')).document;
  if (doc === undefined) throw new Error('the fixture article did not load');
  const files = (['1.2', '2.1'] as const).map((version) =>
    new TextEncoder().encode(exportXliff(doc, undefined, undefined, { version, sourceLanguage: 'de', targetLanguage: 'en', original: doc.path }).xliff),
  );
  for (const name of readdirSync(FIXTURES).sort()) {
    if (name.endsWith('.xlf') && !name.startsWith('hostile-')) files.push(readFileSync(path.join(FIXTURES, name)));
  }
  return files;
}

const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const TOKENS = ['<', '>', '&', '"', "'", '&amp;', '&#0;', '&#xFFFE;', '&lt;', '&unknown;', '&#1114112;', ']]>', '<![CDATA[x]]>', '<!-- c -->', '<?pi x?>', '\u0000', '\uFFFF', 'é', '\uD83C\uDF89', '<!DOCTYPE x [<!ENTITY a "b">]>', '<!ENTITY e SYSTEM "file:///etc/passwd">'];
const ATTRS = [' id="s1"', ' id=""', ' state="bogus"', ' state="final"', ' xmlns="urn:other"', ' xmlns:x="urn:oasis:names:tc:xliff:document:1.2"', ' version="9"', ' original="../../etc/passwd"', ' target-language="ja"', ' x:y="z"', ' xml:lang="en"', ' id="__proto__"'];

type Mutation =
  | { op: 'flip'; at: number; value: number }
  | { op: 'cut'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'tag'; kind: 'duplicate' | 'remove' | 'swap'; pick: number }
  | { op: 'attr'; pick: number; text: string }
  | { op: 'nest'; pick: number; depth: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...TOKENS) }),
  fc.record({ op: fc.constant('tag' as const), kind: fc.constantFrom('duplicate' as const, 'remove' as const, 'swap' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('attr' as const), pick: fc.nat(), text: fc.constantFrom(...ATTRS) }),
  fc.record({ op: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 10, max: 400 }) }),
);

/** Ranges of whole elements `<x …>…</x>` or `<x/>` (found with a simple scan, good enough to cut). */
function elements(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /<([A-Za-z][\w:.-]*)[^<>]*?(\/?)>/gu;
  for (let m = re.exec(text); m !== null && out.length < 400; m = re.exec(text)) {
    if (m[2] === '/') out.push([m.index, m.index + m[0].length]);
    else {
      const close = text.indexOf(`</${m[1]}>`, m.index);
      if (close !== -1) out.push([m.index, close + m[1]!.length + 3]);
    }
  }
  return out;
}

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.op === 'flip') {
    if (bytes.length === 0) return bytes;
    const copy = Uint8Array.from(bytes);
    copy[m.at % copy.length] = m.value;
    return copy;
  }
  if (m.op === 'cut') return bytes.slice(0, m.at % (bytes.length + 1));
  const text = new TextDecoder().decode(bytes);
  if (m.op === 'insert') {
    const at = m.at % (text.length + 1);
    return enc(text.slice(0, at) + m.text + text.slice(at));
  }
  const els = elements(text);
  const el = els[m.pick % Math.max(1, els.length)];
  if (el === undefined) return bytes;
  const [start, end] = el;
  if (m.op === 'tag') {
    if (m.kind === 'duplicate') return enc(text.slice(0, end) + text.slice(start, end) + text.slice(end));
    if (m.kind === 'remove') return enc(text.slice(0, start) + text.slice(end));
    const next = els.find(([s]) => s >= end);
    if (next === undefined) return bytes;
    return enc(text.slice(0, start) + text.slice(next[0], next[1]) + text.slice(end, next[0]) + text.slice(start, end) + text.slice(next[1]));
  }
  const tagEnd = text.indexOf('>', start);
  const insertAt = text[tagEnd - 1] === '/' ? tagEnd - 1 : tagEnd;
  if (m.op === 'attr') return enc(text.slice(0, insertAt) + m.text + text.slice(insertAt));
  return enc(text.slice(0, tagEnd + 1) + '<g id="n">'.repeat(m.depth) + 'x' + '</g>'.repeat(m.depth) + text.slice(tagEnd + 1));
}

const files = await corpus();

describe('readXliff fuzzing', () => {

  it('reads or refuses with a positioned InputError every mutated file, each within its time budget', () => {
    let cases = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        let bytes = files[which] as Uint8Array;
        for (const m of mutations) bytes = apply(bytes, m);
        cases += 1;
        try {
          readXliff(bytes, 'fuzz.xlf');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          refused += 1;
          expect(e.detail.ruleId).toMatch(/^xliff\//u);
          expect(e.detail.file).toBe('fuzz.xlf');
          expect(e.detail.hint).toMatch(/\w/u);
          // A position: line (and column) for everything the parser sees; size refusals have none.
          if (e.detail.ruleId !== 'xliff/too-large') expect(e.detail.line, e.detail.ruleId).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: 20251003, numRuns: 8000 },
    );
    expect(cases).toBe(8000);
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(refused).toBeGreaterThan(800);
    expect(refused).toBeLessThan(cases);
  }, 60_000);
});
