/** Shared helpers for the terms tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGlossary } from '../../pipeline/terms/glossary.js';
import type { Glossary } from '../../pipeline/terms/glossary.js';
import { compileMatcher } from '../../pipeline/terms/matcher.js';
import type { TermMatcher } from '../../pipeline/terms/matcher.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'terms');

/** A glossary from YAML text; fails the test on any error message. */
export function glossaryFrom(yaml: string): Glossary {
  const parsed = parseGlossary(yaml, 'test.yaml');
  const errors = parsed.messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((m) => `${m.line}:${m.column} ${m.reason}`).join('\n'));
  return { language: 'de', entries: parsed.entries, files: ['test.yaml'] };
}

export function matcherFrom(yaml: string): TermMatcher {
  return compileMatcher(glossaryFrom(yaml));
}

/** Matches as "surface=source" strings, the easiest form to compare in tests. */
export function found(matcher: TermMatcher, text: string): string[] {
  return matcher.match(text).map((m) => `${text.slice(m.start, m.end)}=${m.entry.source}`);
}

/** A labelled sentence: the text and every labelled occurrence as "start:end:source". */
export interface Labelled {
  readonly text: string;
  readonly gold: readonly string[];
}

/** Strips the `[surface|Source]` / `[surface]` markup, recording the labelled offsets. */
export function parseLabelled(line: string): Labelled {
  let text = '';
  const gold: string[] = [];
  const pattern = /\[([^\]|]+)(?:\|([^\]]+))?\]/g;
  let last = 0;
  for (const m of line.matchAll(pattern)) {
    text += line.slice(last, m.index);
    const surface = m[1] as string;
    gold.push(`${text.length}:${text.length + surface.length}:${m[2] ?? surface}`);
    text += surface;
    last = (m.index ?? 0) + m[0].length;
  }
  return { text: text + line.slice(last), gold };
}
