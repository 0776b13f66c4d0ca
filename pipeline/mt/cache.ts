/**
 * The cache of machine translations: what a provider answered, so that nothing paid for is ever
 * asked again. One file per provider and language pair, `mt-<provider>-<src>-<tgt>.jsonl`, in the
 * project's memory folder, committed like the translation memories.
 *
 * - One JSON object per line: `{"key","model","glossary","source","target"}` (README "Machine
 *   translation" documents the fields). The key is a hash of provider, model, language pair, source
 *   text with its codes, and the version of the segment's glossary terms.
 * - Append-only while a run goes: each batch of answers is handed to the operating system with one
 *   write call as it arrives (nothing waits in a buffer of the process), so an interrupted run
 *   (Ctrl-C, a crash of the program, an exhausted quota) keeps every answer it received, and the next
 *   run resumes from there. The file is synced to disk when the run ends; syncing after every batch
 *   would stall the requests under way (measured: 28 ms a sync, 5.7 s for 200 batches).
 * - A torn last line (the process died mid-write) is dropped and cut off before the next append; an
 *   unreadable line elsewhere is skipped with a warning.
 * - At the end of a run the file is rewritten atomically in a canonical order (by source text,
 *   then model, glossary version and key), each key once (the latest answer), so its content
 *   depends only on what it holds, never on the order answers arrived in: it can be committed.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files.js';
import type { Message } from '../model.js';
import type { MtProviderName } from './types.js';

/** One cached answer. */
export interface MtCacheEntry {
  /** Hash of what decides the answer (see `cacheKey`), 32 hex digits. */
  readonly key: string;
  /** The provider's model or configuration that produced it. */
  readonly model: string;
  /** Version of the segment's glossary terms ('' when it has none). */
  readonly glossary: string;
  /** Source text with codes as tags (markup.ts). */
  readonly source: string;
  /** The provider's answer with codes as tags, as it came (checked again on every use). */
  readonly target: string;
}

/** What decides an answer. */
export interface CacheKeyParts {
  readonly provider: MtProviderName;
  readonly model: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly source: string;
  readonly glossary: string;
}

/** Version of the key scheme: a change makes every older line a miss instead of a wrong hit. */
const KEY_SCHEME = 1;

export function cacheKey(parts: CacheKeyParts): string {
  const material = JSON.stringify([KEY_SCHEME, parts.provider, parts.model, parts.sourceLanguage.toLowerCase(), parts.targetLanguage.toLowerCase(), parts.source, parts.glossary]);
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}

/** File name of a cache: `mt-deepl-de-en.jsonl`. */
export function cacheFileName(provider: MtProviderName, sourceLanguage: string, targetLanguage: string): string {
  const safe = (tag: string): string => tag.toLowerCase().replace(/[^a-z0-9-]/gu, '_');
  return `mt-${provider}-${safe(sourceLanguage)}-${safe(targetLanguage)}.jsonl`;
}

function isEntry(value: unknown): value is MtCacheEntry {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.key === 'string' && /^[0-9a-f]{32}$/u.test(v.key) && typeof v.model === 'string' && typeof v.glossary === 'string' && typeof v.source === 'string' && typeof v.target === 'string';
}

/** One line, fields in a fixed order. */
function line(entry: MtCacheEntry): string {
  return JSON.stringify({ key: entry.key, model: entry.model, glossary: entry.glossary, source: entry.source, target: entry.target }) + '\n';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export class MtCacheFile {
  private readonly entries = new Map<string, MtCacheEntry>();
  /** Messages about the file's content (skipped lines). */
  readonly warnings: Message[] = [];
  /** Bytes of the file that end with its last complete line; beyond is a torn line. */
  private validLength = 0;
  private needsNewline = false;
  private torn = false;
  private fd: number | undefined;

  private constructor(
    readonly file: string,
    /** The file as the project names it, for messages. */
    readonly display: string,
  ) {}

  /** Reads a cache file; a missing file is an empty cache. Throws on other read errors. */
  static load(file: string, display = file): MtCacheFile {
    const cache = new MtCacheFile(file, display);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return cache;
      throw error;
    }
    let start = 0;
    let lineNumber = 0;
    while (start < bytes.length) {
      lineNumber += 1;
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      const entry = cache.parseLine(bytes.subarray(start, end));
      if (newline === -1) {
        // The last line has no line break: complete when it reads, torn otherwise.
        if (entry !== undefined) {
          cache.entries.set(entry.key, entry);
          cache.validLength = end;
          cache.needsNewline = true;
        } else cache.torn = true;
        break;
      }
      if (entry !== undefined) cache.entries.set(entry.key, entry);
      else if (end > start) {
        cache.warnings.push({
          reason: 'an unreadable line of the machine translation cache was skipped',
          ruleId: 'mt/cache-line',
          source: 'mt',
          severity: 'warning',
          file: display,
          line: lineNumber,
          hint: 'the line is dropped when the file is next written; its segment is translated again if needed',
        });
      }
      cache.validLength = newline + 1;
      start = newline + 1;
    }
    return cache;
  }

  private parseLine(bytes: Uint8Array): MtCacheEntry | undefined {
    try {
      const value: unknown = JSON.parse(strictUtf8.decode(bytes));
      return isEntry(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): MtCacheEntry | undefined {
    return this.entries.get(key);
  }

  /** Appends answers with one write call (no buffer of ours). Throws when the file cannot be written. */
  add(entries: readonly MtCacheEntry[]): void {
    if (entries.length === 0) return;
    if (this.fd === undefined) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, 'a');
      if (this.torn) {
        ftruncateSync(this.fd, this.validLength);
        this.torn = false;
      }
      if (this.needsNewline) {
        writeSync(this.fd, '\n');
        this.needsNewline = false;
      }
    }
    writeSync(this.fd, entries.map(line).join(''));
    for (const entry of entries) this.entries.set(entry.key, entry);
  }

  /** The canonical content: one line per key, sorted. */
  private canonical(): string {
    return [...this.entries.values()]
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.model < b.model ? -1 : a.model > b.model ? 1 : a.glossary < b.glossary ? -1 : a.glossary > b.glossary ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(line)
      .join('');
  }

  /** Rewrites the file in canonical order when its content differs (atomically: old or new, never a part). */
  compact(): void {
    this.close();
    if (this.entries.size === 0 && !this.torn) return;
    const text = this.canonical();
    let current: string | undefined;
    try {
      current = readFileSync(this.file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== text) writeFileAtomic(this.file, text);
    this.torn = false;
    this.needsNewline = false;
    this.validLength = Buffer.byteLength(text);
  }

  /** Syncs what was appended to disk and closes the file. */
  close(): void {
    if (this.fd === undefined) return;
    try {
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }
}
