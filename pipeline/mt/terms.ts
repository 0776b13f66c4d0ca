/**
 * Glossary terms as machine translation uses them: the version of a segment's terms (part of the
 * cache key, so a changed approved target or note asks again, and a change to an unrelated entry
 * does not), the distinct entries of a job, and the source → target pairs an engine glossary takes.
 */
import { createHash } from 'node:crypto';
import type { MtSegment, MtTermEntry } from './types.js';

/** The fields of an entry that can change an answer, in a fixed shape. */
function normalized(entry: MtTermEntry): unknown[] {
  return [entry.source, [...entry.targets], [...(entry.forbidden ?? [])], entry.note ?? '', entry.dnt === true, [...(entry.variants ?? [])]];
}

/** Version of a set of terms: 16 hex digits, '' for none. Order and repetition do not matter. */
export function termsVersion(terms: readonly MtTermEntry[]): string {
  if (terms.length === 0) return '';
  const lines = [...new Set(terms.map((t) => JSON.stringify(normalized(t))))].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** Distinct entries (by source form, the first occurrence wins) in source order. */
export function distinctEntries(terms: Iterable<MtTermEntry>): MtTermEntry[] {
  const bySource = new Map<string, MtTermEntry>();
  for (const term of terms) {
    if (!bySource.has(term.source)) {
      const { source, targets, forbidden, note, dnt, variants } = term;
      bySource.set(source, { source, targets, ...(forbidden === undefined ? {} : { forbidden }), ...(note === undefined ? {} : { note }), ...(dnt === undefined ? {} : { dnt }), ...(variants === undefined ? {} : { variants }) });
    }
  }
  return [...bySource.values()];
}

/** The job's glossary: the one given, or the distinct terms of its segments. */
export function jobGlossary(segments: readonly MtSegment[], given: readonly MtTermEntry[] | undefined): MtTermEntry[] {
  return distinctEntries(given ?? segments.flatMap((s) => s.terms ?? []));
}

/** A source → target pair of an engine glossary. */
export interface GlossaryPair {
  readonly source: string;
  readonly target: string;
}

/**
 * The pairs for an engine glossary: each source form and variant mapped to the preferred target
 * (a do-not-translate term to itself), sorted by source, each source once. Entries without a target,
 * and phrases an engine cannot take (tabs, line breaks, over `maxBytes` UTF-8 bytes), are left out
 * and named in `skipped`.
 */
export function glossaryPairs(entries: readonly MtTermEntry[], maxBytes: number): { pairs: GlossaryPair[]; skipped: string[] } {
  const pairs = new Map<string, string>();
  const skipped: string[] = [];
  for (const entry of entries) {
    const target = entry.dnt === true ? undefined : entry.targets[0];
    if (entry.dnt !== true && target === undefined) continue;
    for (const source of [entry.source, ...(entry.variants ?? [])]) {
      const rendering = target ?? source;
      if (/[\t\r\n]/u.test(source + rendering) || Buffer.byteLength(source) > maxBytes || Buffer.byteLength(rendering) > maxBytes || source.trim() === '' || rendering.trim() === '') {
        skipped.push(source);
        continue;
      }
      if (!pairs.has(source)) pairs.set(source, rendering);
    }
  }
  return {
    pairs: [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([source, target]) => ({ source, target })),
    skipped,
  };
}
