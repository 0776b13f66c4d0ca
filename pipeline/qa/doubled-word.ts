/**
 * `qa/doubled-word`: the same word twice in a row ("the the"), unless the source doubles it too
 * or the language doubles it legitimately (its language file's `doubledWords`: French "nous
 * nous", "vous vous"; English "had had", "that that").
 */
import { perSegment, translated, type Check, type Finding } from './types.js';

const DOUBLED = /(?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])/giu;

/** Doubled words of a text, lower case. */
export function doubledWords(text: string): string[] {
  return [...text.matchAll(DOUBLED)].map((m) => (m[1] ?? '').toLowerCase());
}

export const doubledWord: Check = {
  id: 'qa/doubled-word',
  severity: 'warning',
  description: 'a word repeated twice in a row',
  run: perSegment((segment, context) => {
    if (!translated(segment)) return [];
    const inSource = new Set(doubledWords(segment.source));
    const allowed = new Set(context.profile.doubledWords);
    const findings: Finding[] = [];
    for (const word of new Set(doubledWords(segment.target))) {
      if (inSource.has(word) || allowed.has(word)) continue;
      findings.push({ segment, reason: `the word "${word}" is doubled`, actual: `${word} ${word}`, expected: word, hint: 'remove the repetition' });
    }
    return findings;
  }),
};
