/**
 * Cutting a content with inline codes into sentences: each code goes to one sentence or gap, and
 * codes keep their order.
 */
import { describe, expect, it } from 'vitest';
import { cutContent, type InlineCode } from '../../pipeline/model.js';

const code = (id: string, kind: InlineCode['kind'], type: string, at: number): InlineCode => ({ id, kind, type, data: type, at });

describe('cutContent', () => {
  it('keeps a pair the boundary cuts as an open half in one sentence and a close half in the next', () => {
    // "Er sprach *lange. Dann ging* er."
    const content = { text: 'Er sprach lange. Dann ging er.', codes: [code('1', 'open', 'italic', 10), code('1', 'close', 'italic', 26)] };
    const { parts } = cutContent(content, [{ start: 0, end: 16 }, { start: 17, end: 30 }]);
    expect(parts.map((p) => p.codes.map((c) => `${c.kind}@${c.at}`))).toEqual([['open@10'], ['close@9']]);
  });

  it('keeps codes at one offset together and in order: a close never goes before its open', () => {
    // "<a><img></a>. Die": open, image and close all stand before the full stop.
    const content = { text: '. Die', codes: [code('1', 'open', 'link', 0), code('2', 'standalone', 'image', 0), code('1', 'close', 'link', 0)] };
    const { parts, gaps } = cutContent(content, [{ start: 0, end: 1 }, { start: 2, end: 5 }]);
    expect(parts[0]!.codes.map((c) => `${c.kind}:${c.type}@${c.at}`)).toEqual(['open:link@0', 'standalone:image@0', 'close:link@0']);
    expect(gaps.flatMap((g) => g.codes)).toEqual([]);
  });

  it('puts a close that follows a code of the next sentence into that sentence, not the gap before it', () => {
    // "*[Die. ![x](b.png)](u)*." : image, then the closes of link and emphasis, then the full stop.
    const content = { text: 'Die. .', codes: [code('1', 'open', 'italic', 0), code('2', 'open', 'link', 0), code('3', 'standalone', 'image', 5), code('2', 'close', 'link', 5), code('1', 'close', 'italic', 5)] };
    const { parts } = cutContent(content, [{ start: 0, end: 4 }, { start: 5, end: 6 }]);
    expect(parts[1]!.codes.map((c) => `${c.kind}:${c.type}@${c.at}`)).toEqual(['standalone:image@0', 'close:link@0', 'close:italic@0']);
  });
});
