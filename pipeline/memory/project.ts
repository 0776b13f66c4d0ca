/**
 * The memories of a project during one `extract` (or `memory update`, `memory import`): each
 * language's memory is loaded on first use, taught the approved work of each XLIFF file read (entry
 * by entry, never rebuilt), consulted for new sentences and saved once at the end. A memory file
 * that cannot be read is reported and left untouched.
 */
import type { Config } from '../config.js';
import { InputError, type Message, type SegmentTarget } from '../model.js';
import { FUZZY_THRESHOLD, leverageFrom, type Leverage } from './leverage.js';
import { projectRelative } from '../files.js';
import { SentenceIndex } from './sentence-index.js';
import { approvedEntries, loadMemory, memoryPath, saveMemory } from './store.js';
import type { MemoryEntry } from './types.js';
import { WorkingMemory } from './working.js';

export class ProjectMemories {
  private readonly memories = new Map<string, WorkingMemory | 'unreadable'>();
  /** The source sentences of every language's memory, numbered and indexed once for the run. */
  private readonly sentences = new SentenceIndex(FUZZY_THRESHOLD);
  /** Problems met while loading (a broken TMX file). */
  readonly messages: Message[] = [];

  constructor(private readonly config: Config) {}

  private get(language: string): WorkingMemory | undefined {
    let memory = this.memories.get(language);
    if (memory === undefined) {
      try {
        memory = new WorkingMemory(loadMemory(this.config, language), this.sentences);
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
   * longer have is replaced. Replacement works over everything learned in this run, so a sentence
   * that two documents translate differently keeps both translations whatever the order of the
   * documents.
   */
  learn(language: string, targets: readonly SegmentTarget[]): void {
    const memory = this.get(language);
    if (memory === undefined) return;
    memory.learn(approvedEntries(targets, this.config.policies.publishState));
  }

  /**
   * A lookup in a language's memory, or undefined when it is empty or unreadable. The lookup sees
   * the memory as it stands when it is called (what was learned since included).
   */
  leverage(language: string): Leverage | undefined {
    const memory = this.get(language);
    if (memory === undefined || memory.size === 0) return undefined;
    const index = memory.index;
    return (source) => leverageFrom(index, source);
  }

  /** Adds entries of any origin (an imported TMX) to a language's memory; returns how many were new. */
  add(language: string, entries: readonly MemoryEntry[]): number {
    return this.get(language)?.add(entries) ?? 0;
  }

  /** Writes every loaded memory that has entries and changed; returns the files written (project-relative). */
  save(): string[] {
    const written: string[] = [];
    for (const [language, working] of this.memories) {
      if (working === 'unreadable' || working.size === 0) continue;
      if (saveMemory(this.config, working.toMemory())) written.push(projectRelative(this.config.root, memoryPath(this.config, language)));
    }
    return written;
  }
}
