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
