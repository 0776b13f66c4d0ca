/**
 * The memories of a project during one `extract` (or `memory update`): loaded on first use per
 * language, taught the approved work of each XLIFF file read, consulted for new sentences and
 * saved once at the end. A memory file that cannot be read is reported and left untouched.
 */
import type { Config } from '../config.js';
import { InputError, type Message, type SegmentTarget } from '../model.js';
import { createLeverage, type Leverage } from './leverage.js';
import { addEntries, replaceProjectEntries } from './merge.js';
import { projectRelative, writeFailure } from '../files.js';
import { approvedEntries, loadMemory, memoryPath, saveMemory } from './store.js';
import type { Memory, MemoryEntry } from './types.js';

export class ProjectMemories {
  private readonly memories = new Map<string, Memory | 'unreadable'>();
  /** Each language's memory as loaded, before this run learned anything. */
  private readonly loaded = new Map<string, Memory>();
  /** What this run learned from the project's files, per language, over all documents. */
  private readonly learned = new Map<string, MemoryEntry[]>();
  /** Problems met while loading (a broken TMX file). */
  readonly messages: Message[] = [];

  constructor(private readonly config: Config) {}

  private get(language: string): Memory | undefined {
    let memory = this.memories.get(language);
    if (memory === undefined) {
      try {
        memory = loadMemory(this.config, language);
        this.loaded.set(language, memory);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        this.messages.push({ ...error.detail, hint: `${error.detail.hint ?? ''} (the memory was not used or changed)`.trim() });
        memory = 'unreadable';
      }
      this.memories.set(language, memory);
    }
    return memory === 'unreadable' ? undefined : memory;
  }

  /**
   * Adds the approved translations among the targets of a language's files (see
   * `approvedEntries`) to its memory; a sentence's older project translation that the files no
   * longer have is replaced.
   */
  learn(language: string, targets: readonly SegmentTarget[]): void {
    const memory = this.get(language);
    if (memory === undefined) return;
    const entries = approvedEntries(targets, this.config.policies.publishState);
    // Replacement works over everything learned in this run, so a sentence that two documents
    // translate differently keeps both translations whatever the order of the documents.
    const learned = [...(this.learned.get(language) ?? []), ...entries];
    this.learned.set(language, learned);
    const imported = memory.entries.filter((e) => e.origin !== 'project');
    const base = this.loaded.get(language) ?? memory;
    this.memories.set(language, replaceProjectEntries(addEntries(base, imported).memory, learned));
  }

  /** A lookup in a language's memory, or undefined when it is empty or unreadable. */
  leverage(language: string): Leverage | undefined {
    const memory = this.get(language);
    return memory === undefined || memory.entries.length === 0 ? undefined : createLeverage(memory);
  }

  /** Adds entries of any origin (an imported TMX) to a language's memory; returns how many were new. */
  add(language: string, entries: Parameters<typeof addEntries>[1]): number {
    const memory = this.get(language);
    if (memory === undefined) return 0;
    const result = addEntries(memory, entries);
    this.memories.set(language, result.memory);
    return result.added;
  }

  /**
   * Writes every loaded memory that has entries and changed; returns the files written
   * (project-relative). A memory that cannot be written is a fatal message (`memory/write`) among
   * `messages`; the others are still written.
   */
  save(): string[] {
    const written: string[] = [];
    for (const [language, memory] of this.memories) {
      if (memory === 'unreadable' || memory.entries.length === 0) continue;
      const file = projectRelative(this.config.root, memoryPath(this.config, language));
      try {
        if (saveMemory(this.config, memory)) written.push(file);
      } catch (error) {
        const failure = writeFailure(error, file.slice(0, file.lastIndexOf('/')) || '.');
        this.messages.push({
          reason: `the translation memory could not be written: ${failure.cause}`,
          ruleId: 'memory/write',
          source: 'memory',
          severity: 'error',
          fatal: true,
          file,
          hint: `${failure.hint} (the memory file on disk is as it was)`,
        });
      }
    }
    return written;
  }
}
