/**
 * Putting entries into a memory: unique by (source, target), project entries winning over
 * imported ones, in a stable order so the TMX file is the same bytes for the same content.
 */
import type { Memory, MemoryEntry } from './types.js';

/** Ranks states: a better one replaces a weaker one for the same pair. */
const STATE_RANK: Readonly<Record<string, number>> = { final: 4, reviewed: 3, translated: 2, imported: 1 };

function rank(entry: MemoryEntry): number {
  return (entry.origin === 'project' ? 10 : 0) + (STATE_RANK[entry.state] ?? 0);
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
    if (before === undefined || rank(e) > rank(before)) byKey.set(k, e);
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

/** Two language tags name the same language for a memory: the same primary subtag ('en-US' ~ 'en'). */
export function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase().split(/[-_]/u)[0] === b.toLowerCase().split(/[-_]/u)[0];
}
