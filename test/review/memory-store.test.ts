import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, type ActionRequest, type ReviewAction } from '../../pipeline/review/index.js';
import { articleView, generatedView, termCheck } from './fixtures.js';

const ref = { document: 'putin-kim', language: 'en' };
const request = (action: ReviewAction, version: string): ActionRequest => ({ action, version, author: 'Ana', time: '2025-09-04T08:00:00.000Z' });

async function loaded(store: ReturnType<typeof createMemoryStore>) {
  const doc = await store.load(ref);
  if (doc === undefined) throw new Error('fixture not loaded');
  return doc;
}

describe('memory review store', () => {
  it('lists every document × language with counts per state and severity', async () => {
    const store = createMemoryStore([articleView(), { ...articleView(), language: 'fr' }, generatedView(3)]);
    const list = await store.list();
    expect(list.map((s) => `${s.document}/${s.language}`)).toEqual(['generated/en', 'putin-kim/en', 'putin-kim/fr']);
    const article = list[1];
    expect(article?.segments).toBe(8);
    expect(article?.states).toEqual({ initial: 1, translated: 2, 'needs-review': 1, 'needs-translation': 1, reviewed: 2, final: 1 });
    expect(article?.findings).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('loads a document with a version and answers undefined for an unknown pair', async () => {
    const store = createMemoryStore([articleView()]);
    const doc = await loaded(store);
    expect(doc.view.segments.map((s) => s.id)[0]).toBe('s-title');
    expect(doc.version).toMatch(/^[\w-]{10,}$/u);
    expect(await store.load({ document: 'putin-kim', language: 'xx' })).toBeUndefined();
  });

  it('edits a target: origin becomes the reviewer, state translated, checks run again', async () => {
    const store = createMemoryStore([articleView()], { check: termCheck });
    const { version } = await loaded(store);
    const result = await store.apply(ref, request({ kind: 'edit', segment: 's-lead-2', target: { text: 'The Kremlin spoke of a success.', codes: [] } }, version));
    expect(result.status).toBe('applied');
    if (result.status !== 'applied') return;
    expect(result.segment.target?.text).toBe('The Kremlin spoke of a success.');
    expect(result.segment.origin).toEqual({ kind: 'reviewer', provider: 'Ana' });
    expect(result.segment.findings).toEqual([]);
    expect(result.version).not.toBe(version);
    expect(store.current(ref)?.segments[2]?.target?.text).toBe('The Kremlin spoke of a success.');
  });

  it('finds a forbidden rendering the reviewer typed, after the write', async () => {
    const store = createMemoryStore([articleView()], { check: termCheck });
    const { version } = await loaded(store);
    const result = await store.apply(ref, request({ kind: 'edit', segment: 's-title', target: { text: 'Putin receives Kim in the Kreml', codes: [] } }, version));
    expect(result.status === 'applied' && result.segment.findings.map((f) => f.ruleId)).toEqual(['qa/forbidden-term']);
  });

  it('saving the same target again changes nothing, not even a confirmed state', async () => {
    const store = createMemoryStore([articleView()]);
    const { version, view } = await loaded(store);
    const reviewed = view.segments[4];
    const result = await store.apply(ref, request({ kind: 'edit', segment: 's-body-1', target: reviewed?.target ?? { text: '', codes: [] } }, version));
    expect(result.status === 'applied' && result.segment).toEqual(reviewed);
    expect(result.status === 'applied' && result.version).toBe(version);
  });

  it('an emptied target removes the target and the segment is untranslated again', async () => {
    const store = createMemoryStore([articleView()]);
    const { version } = await loaded(store);
    const result = await store.apply(ref, request({ kind: 'edit', segment: 's-body-2', target: { text: '  ', codes: [] } }, version));
    expect(result.status === 'applied' && [result.segment.target, result.segment.state, result.segment.origin]).toEqual([undefined, 'initial', undefined]);
  });

  it('confirm leads to the configured state, with or without a new target', async () => {
    for (const confirmState of ['reviewed', 'final'] as const) {
      const store = createMemoryStore([articleView()], { confirmState });
      let { version } = await loaded(store);
      const first = await store.apply(ref, request({ kind: 'confirm', segment: 's-lead-1' }, version));
      expect(first.status === 'applied' && [first.segment.state, first.segment.origin?.kind]).toEqual([confirmState, 'memory']);
      if (first.status === 'applied') version = first.version;
      const second = await store.apply(ref, request({ kind: 'confirm', segment: 's-head', target: { text: 'What was agreed', codes: [] } }, version));
      expect(second.status === 'applied' && [second.segment.state, second.segment.target?.text, second.segment.origin?.kind]).toEqual([confirmState, 'What was agreed', 'reviewer']);
    }
  });

  it('refuses to confirm a segment without target, and writes nothing', async () => {
    const store = createMemoryStore([articleView()]);
    const { version } = await loaded(store);
    const result = await store.apply(ref, request({ kind: 'confirm', segment: 's-head' }, version));
    expect(result).toEqual({ status: 'invalid', reason: 'segment s-head has no target to confirm: write a translation first' });
    expect((await loaded(store)).version).toBe(version);
  });

  it('send back keeps the target, sets needs-translation and adds the comment with author and time', async () => {
    const store = createMemoryStore([articleView()]);
    const { version } = await loaded(store);
    const result = await store.apply(ref, request({ kind: 'send-back', segment: 's-lead-2', comment: 'Kremlin, please.' }, version));
    expect(result.status === 'applied' && result.segment.state).toBe('needs-translation');
    expect(result.status === 'applied' && result.segment.target?.text).toBe('The Kreml spoke of a success.');
    expect(result.status === 'applied' && result.segment.notes).toEqual([{ author: 'Ana', time: '2025-09-04T08:00:00.000Z', text: 'Kremlin, please.' }]);
  });

  it('a comment adds a note and changes nothing else', async () => {
    const store = createMemoryStore([articleView()]);
    const { version, view } = await loaded(store);
    const result = await store.apply(ref, request({ kind: 'comment', segment: 's-body-1', comment: 'Fine.' }, version));
    expect(result.status === 'applied' && { ...result.segment, notes: [] }).toEqual({ ...view.segments[4], notes: [] });
    expect(result.status === 'applied' && result.segment.notes.map((n) => n.text)).toEqual(['Bold as in the source.', 'Fine.']);
  });

  it('refuses an action on a version that is no longer current, and keeps the change made meanwhile', async () => {
    const store = createMemoryStore([articleView()]);
    const { version } = await loaded(store);
    store.changeSegment(ref, 's-title', (s) => ({ ...s, target: { text: 'Putin hosts Kim in the Kremlin', codes: [] } }));
    const result = await store.apply(ref, request({ kind: 'edit', segment: 's-body-2', target: { text: 'Kim came by train.', codes: [] } }, version));
    expect(result.status).toBe('conflict');
    const now = store.current(ref);
    expect(now?.segments[0]?.target?.text).toBe('Putin hosts Kim in the Kremlin');
    expect(now?.segments[5]?.target?.text).toBe('Kim arrived by train.');
  });

  it('answers not-found for an unknown document or segment', async () => {
    const store = createMemoryStore([articleView()]);
    const { version } = await loaded(store);
    expect((await store.apply({ document: 'nope', language: 'en' }, request({ kind: 'comment', segment: 's-title', comment: 'x' }, version))).status).toBe('not-found');
    expect((await store.apply(ref, request({ kind: 'comment', segment: 'nope', comment: 'x' }, version))).status).toBe('not-found');
  });

  it('never loses a write and never writes over a change it has not seen (random actions, stale and fresh versions)', async () => {
    const ids = generatedView(6).segments.map((s) => s.id);
    const step = fc.record({
      segment: fc.constantFrom(...ids),
      text: fc.string({ minLength: 1, maxLength: 12 }),
      outside: fc.boolean(),
      stale: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const gen = { document: 'generated', language: 'en' };
        const store = createMemoryStore([generatedView(6)]);
        const expected = new Map((store.current(gen)?.segments ?? []).map((s) => [s.id, s.target?.text]));
        let known = (await store.load(gen))?.version ?? '';
        const history: string[] = [known];
        for (const s of steps) {
          const text = `x${s.text}`;
          if (s.outside) {
            store.changeSegment(gen, s.segment, (seg) => ({ ...seg, target: { text, codes: [] } }));
            expected.set(s.segment, text);
            continue;
          }
          const version = s.stale ? (history[0] ?? known) : known;
          const current = (await store.load(gen))?.version;
          const result = await store.apply(gen, request({ kind: 'edit', segment: s.segment, target: { text, codes: [] } }, version));
          if (version === current) {
            expect(result.status).toBe('applied');
            if (result.status === 'applied') known = result.version;
            expected.set(s.segment, text);
          } else {
            expect(result.status).toBe('conflict');
            if (result.status === 'conflict') known = result.version;
          }
          history.push(known);
        }
        const final = new Map((store.current(gen)?.segments ?? []).map((s) => [s.id, s.target?.text]));
        expect(final).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
