/**
 * Small builders for the machine translation tests: segments with codes and terms, a temporary
 * cache folder, and translators pointed at a fake server with quick retries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { lettersOf } from '../../pipeline/bench/random.js';
import { createMachineTranslator, resolveMtSettings, type MachineTranslator, type MtSettingsInput } from '../../pipeline/mt/index.js';
import type { MtCode, MtSegment, MtTerm } from '../../pipeline/mt/types.js';

/** A segment from text where `<1>`…`</1>` mark a pair and `<2/>` a standalone code, e.g. "Der <1>Kreml</1> sagte<2/>.". */
export function seg(id: string, marked: string, terms: Omit<MtTerm, 'start' | 'end'>[] = [], context?: MtSegment['context']): MtSegment {
  const codes: MtCode[] = [];
  let text = '';
  const pattern = /<(\/?)(\w+)(\/?)>/gu;
  let last = 0;
  for (const m of marked.matchAll(pattern)) {
    text += marked.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
    const kind = m[1] === '/' ? 'close' : m[3] === '/' ? 'standalone' : 'open';
    codes.push({ id: m[2]!, kind, at: text.length });
  }
  text += marked.slice(last);
  const placed: MtTerm[] = terms.map((t) => {
    const start = text.indexOf(t.source);
    if (start === -1) throw new Error(`term ${t.source} not in ${text}`);
    return { ...t, start, end: start + t.source.length };
  });
  return { id, text, codes, ...(placed.length > 0 ? { terms: placed } : {}), ...(context === undefined ? {} : { context }) };
}

export interface TempDir {
  readonly dir: string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), 'l10n-mt-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Quick retries for tests: a few milliseconds instead of seconds. */
export const QUICK_RETRY = { maxRetries: 4, baseDelay: 5, maxDelay: 40 } as const;

export function translatorFor(input: MtSettingsInput, cacheDir: string, env: Record<string, string | undefined>): MachineTranslator {
  return createMachineTranslator(resolveMtSettings({ ...input, retry: { ...QUICK_RETRY, ...(input.retry ?? {}) } }), { cacheDir, env });
}

/** A word from a number, in letters only (no digits for qa/numbers to compare): 0 → "ba", 27 → "bbb". */
export function word(n: number): string {
  return `b${lettersOf(n)}`;
}

/** Many short, distinct German sentences, each with a pair of codes and a standalone one. */
export function sentences(count: number, prefix = 's'): MtSegment[] {
  return Array.from({ length: count }, (_, i) => seg(`${prefix}${i}`, `Der Satz ${prefix}${word(i)} ist <1>heute</1> da<2/> und am Montag.`));
}

/** Something a test opens and must close: a fake server, a translator. */
interface Closable {
  close(): void | Promise<void>;
}

/**
 * Closes what a test opened and removes its folders after each test of the file that calls this:
 * `const opened = closeAfterEach();` then `opened.track(await startFakeDeepL(…))`, `opened.dir()`.
 */
export function closeAfterEach(): { track<T extends Closable>(thing: T): T; dir(): string } {
  const things: Closable[] = [];
  const dirs: TempDir[] = [];
  afterEach(async () => {
    // Translators first (they release their timers), then servers, then folders.
    for (const thing of things.splice(0).reverse()) await thing.close();
    for (const dir of dirs.splice(0)) dir.remove();
  });
  return {
    track(thing) {
      things.push(thing);
      return thing;
    },
    dir() {
      const made = tempDir();
      dirs.push(made);
      return made.dir;
    },
  };
}
