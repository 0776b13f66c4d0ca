/**
 * `qa/whitespace`: white space the source does not have: leading or trailing spaces, two spaces
 * in a row, tabs or line breaks inside a sentence, a space before a comma or full stop. A language
 * whose file says so (`spaceBeforePunctuation`: French) puts a no-break space (U+00A0 or U+202F)
 * before : ; ! ? — an ordinary space there can break the line before the mark, and no space at
 * all is a typo.
 */
import { escapeRegExp } from './text.js';
import { perSegment, translated, type Check, type Finding, type QaSegment } from './types.js';

function problem(segment: QaSegment, reason: string, actual: string, hint: string): Finding {
  return { segment, reason, actual: JSON.stringify(actual), hint };
}

export const whitespace: Check = {
  id: 'qa/whitespace',
  severity: 'warning',
  description: 'leading, trailing, doubled or misplaced white space',
  run: perSegment((segment, context) => {
    if (!translated(segment)) return [];
    const t = segment.target;
    const s = segment.source;
    const findings: Finding[] = [];
    const lead = /^\s+/u.exec(t)?.[0] ?? '';
    const trail = /\s+$/u.exec(t)?.[0] ?? '';
    if (lead !== '' && lead !== (/^\s+/u.exec(s)?.[0] ?? '')) findings.push(problem(segment, 'the target starts with white space', t.slice(0, 20), 'remove it'));
    if (trail !== '' && trail !== (/\s+$/u.exec(s)?.[0] ?? '')) findings.push(problem(segment, 'the target ends with white space', t.slice(-20), 'remove it'));
    const inner = t.trim();
    const doubled = / {2,}/u.exec(inner);
    if (doubled !== null && !/ {2,}/u.test(s)) findings.push(problem(segment, 'two or more spaces in a row', inner.slice(Math.max(0, doubled.index - 10), doubled.index + 12), 'use one space'));
    if (/[\t\n\r]/u.test(inner) && !/[\t\n\r]/u.test(s)) findings.push(problem(segment, 'a tab or line break inside the sentence', inner, 'use a space'));
    // An inline code between the space and the mark (`mit <code>x</code>.`) is a word the reader sees.
    const innerStart = t.length - t.trimStart().length;
    const codeAt = new Set(segment.targetCodes.map((c) => c.at - innerStart));
    const before = [...inner.matchAll(/[ \u00A0\u202F][,.](?!\d)/gu)].find((m) => !codeAt.has(m.index + 1));
    if (before !== undefined) findings.push(problem(segment, 'a space before a comma or full stop', inner.slice(Math.max(0, before.index - 10), before.index + 3), 'remove the space'));
    const spacing = context.profile.spaceBeforePunctuation;
    if (spacing !== undefined) {
      const marks = new RegExp(`(.)([${escapeRegExp(spacing.marks)}])`, 'gu');
      for (const m of inner.matchAll(marks)) {
        const space = m[1] ?? '';
        if (spacing.spaces.includes(space)) continue;
        // "?!", "!!", "?»": the space stands before the first mark of a run only.
        if (/[!?]/u.test(space)) continue;
        // "http://", "10:30" and the like are no punctuation.
        if (/\d/u.test(space) || inner[(m.index ?? 0) + 2] === '/') continue;
        const at = m.index ?? 0;
        findings.push(
          problem(
            segment,
            `${context.profile.name} puts a no-break space before "${m[2] ?? ''}"`,
            inner.slice(Math.max(0, at - 10), at + 4),
            space === ' ' ? 'replace the ordinary space with U+00A0 (or U+202F)' : 'insert a no-break space (U+00A0 or U+202F)',
          ),
        );
      }
    }
    return findings;
  }),
};
