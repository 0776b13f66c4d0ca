/**
 * The memories of a project during one `extract` (or `memory update`): loaded on first use per
 * language, taught the approved work of each XLIFF file read, consulted for new sentences and
 * saved once at the end. A memory file that cannot be read is reported and left untouched.
 */
import type { Config } from '../config.js';
import { InputError, type Message } from '../model.js';
import type { ParsedXliff } from '../xliff/index.js';
import { createLeverage, type Leverage } from './leverage.js';
import { addEntries } from './merge.js';
import { projectRelative } from '../files.js';
import { approvedEntries, loadMemory, memoryPath, saveMemory } from './store.js';
import type { Memory } from './types.js';

export class ProjectMemories {
  private readonly memories = new Map<string, Memory | 'unreadable'>();
  /** Problems met while loading (a broken TMX file). */
  readonly messages: Message[] = [];

  constructor(private readonly config: Config) {}

  private get(language: string): Memory | undefined {
    let memory = this.memories.get(language);
    if (memory === undefined) {
      try {
        memory = loadMemory(this.config, language);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        this.messages.push({ ...error.detail, hint: `${error.detail.hint ?? ''} (the memory was not used or changed)`.trim() });
        memory = 'unreadable';
      }
      this.memories.set(language, memory);
    }
    return memory === 'unreadable' ? undefined : memory;
  }

  /** Adds the approved translations of XLIFF files (see `approvedEntries`) to a language's memory. */
  learn(language: string, files: ReadonlyArray<ParsedXliff | undefined>): void {
    const memory = this.get(language);
    if (memory === undefined) return;
    const entries = files.flatMap((f) => (f === undefined ? [] : approvedEntries(f, this.config.policies.publishState)));
    this.memories.set(language, addEntries(memory, entries).memory);
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

  /** Writes every loaded memory that has entries and changed; returns the files written (project-relative). */
  save(): string[] {
    const written: string[] = [];
    for (const [language, memory] of this.memories) {
      if (memory === 'unreadable' || memory.entries.length === 0) continue;
      if (saveMemory(this.config, memory)) written.push(projectRelative(this.config.root, memoryPath(this.config, language)));
    }
    return written;
  }
}
