/**
 * Putting entries into a memory: unique by (source, target), project entries winning over
 * imported ones, in a stable order so the TMX file is the same bytes for the same content.
 */
import type { Memory, MemoryEntry } from './types.js';

/** Ranks states: a better one replaces a weaker one. An unknown state counts as imported. */
const STATE_RANK: Readonly<Record<string, number>> = { final: 4, reviewed: 3, translated: 2, imported: 1 };

/**
 * How strongly an entry claims to be the translation of its source: the project's own work first,
 * then the more advanced state. Used both to keep one entry per pair and to pick the exact match.
 */
export function entryRank(entry: MemoryEntry): number {
  return (entry.origin === 'project' ? 10 : 0) + (STATE_RANK[entry.state] ?? 1);
}

/**
 * The project's current files are the truth about the project's own translations: when they give
 * a sentence a target, an older project entry for that sentence with another target (a translation
 * since corrected) leaves the memory. Imported entries are never dropped.
 */
export function replaceProjectEntries(memory: Memory, current: readonly MemoryEntry[]): Memory {
  const currentTargets = new Map<string, Set<string>>();
  for (const e of current) {
    if (e.origin !== 'project') continue;
    const targets = currentTargets.get(e.source) ?? new Set<string>();
    targets.add(e.target);
    currentTargets.set(e.source, targets);
  }
  const kept = memory.entries.filter((e) => e.origin !== 'project' || currentTargets.get(e.source)?.has(e.target) !== false);
  return addEntries({ ...memory, entries: kept }, current).memory;
}

/** Adds entries to a memory; returns the new memory and how many pairs were new. */
export function addEntries(memory: Memory, entries: readonly MemoryEntry[]): { memory: Memory; added: number } {
  const byKey = new Map<string, MemoryEntry>();
  for (const e of memory.entries) byKey.set(key(e), e);
  let added = 0;
  for (const e of entries) {
    if (e.source.trim() === '' || e.target.trim() === '') continue;
    const k = key(e);
    const before = byKey.get(k);
    if (before === undefined) added += 1;
    if (before === undefined || entryRank(e) > entryRank(before)) byKey.set(k, e);
  }
  return { memory: { ...memory, entries: normalize([...byKey.values()]) }, added };
}

function key(e: MemoryEntry): string {
  return `${e.source}\u0000${e.target}`;
}

/** Sorted by source, then target (code-unit order: independent of the machine's locale). */
export function normalize(entries: readonly MemoryEntry[]): MemoryEntry[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries].sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target));
}

/**
 * How a TMX language tag serves a project language: `exact` (the same tag, any case, `_` read as
 * `-`), `related` (one is a prefix of the other: `en` for `en-GB`, `DE-DE` for `de`), or `none`. Sibling
 * regions (`en-US` for `en-GB`) are `none`: their spelling differs, and a memory for British
 * English must not fill with American targets.
 */
export function languageMatch(tag: string, language: string): 'exact' | 'related' | 'none' {
  const a = tag.toLowerCase().replace(/_/gu, '-');
  const b = language.toLowerCase().replace(/_/gu, '-');
  if (a === b) return 'exact';
  return a.startsWith(`${b}-`) || b.startsWith(`${a}-`) ? 'related' : 'none';
}
