/**
 * The build's outputs on their way to `output/<lang>/`: each document's translated files are
 * written as soon as the document is built, to hidden temporary files beside their places, so the
 * build never holds every document's output in memory. A language is published only when the
 * whole build allows it (no fatal message, nothing at or above `failOn`, in any of its documents):
 * then its staged files are renamed into place, else they are removed. So a language that fails
 * still publishes nothing, not half, and what is published is never a part of a file.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRelative, temporaryPathFor } from '../files.js';
import type { PlannedOutput } from '../file.js';
import type { Message } from '../model.js';

/** Removes a temporary file; one that cannot be removed (or never was written) is left to the file system. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // e.g. ENOTDIR when the folder is a file: there is nothing to remove.
  }
}

/** A staged file: where it waits and where it goes. */
interface Staged {
  readonly temporary: string;
  readonly path: string;
}

/** The staged outputs of one build, per language. */
export class StagedOutputs {
  private readonly staged = new Map<string, Staged[]>();
  /** The first write that failed, per language: nothing more is staged for it. */
  private readonly failures = new Map<string, Message>();

  constructor(private readonly root: string) {}

  /** Writes outputs of one document in a language to their temporary files. */
  stage(language: string, outputs: readonly PlannedOutput[]): void {
    if (this.failures.has(language)) return;
    const list = this.staged.get(language) ?? [];
    this.staged.set(language, list);
    for (const output of outputs) {
      const temporary = temporaryPathFor(output.path);
      try {
        mkdirSync(path.dirname(output.path), { recursive: true });
        writeFileSync(temporary, output.content);
        list.push({ temporary, path: output.path });
      } catch (error) {
        removeQuietly(temporary);
        this.failures.set(language, this.writeFailure(output.path, error));
        this.discard(language);
        return;
      }
    }
  }

  /** Removes what is staged for a language (it will not be published). */
  discard(language: string): void {
    for (const { temporary } of this.staged.get(language) ?? []) removeQuietly(temporary);
    this.staged.delete(language);
  }

  /**
   * Publishes a language: its staged files are renamed into place, then `last` (the report) is
   * staged and renamed too. The first failure is a fatal message; what is left is removed.
   */
  publish(language: string, last: readonly PlannedOutput[]): Message[] {
    this.stage(language, last);
    const failure = this.failures.get(language);
    if (failure !== undefined) return [failure];
    const list = this.staged.get(language) ?? [];
    for (const [index, { temporary, path: target }] of list.entries()) {
      try {
        renameSync(temporary, target);
      } catch (error) {
        for (const rest of list.slice(index)) removeQuietly(rest.temporary);
        this.staged.delete(language);
        return [this.writeFailure(target, error)];
      }
    }
    this.staged.delete(language);
    return [];
  }

  private writeFailure(file: string, error: unknown): Message {
    return {
      reason: `the output could not be written: ${(error as Error).message}`,
      ruleId: 'build/write',
      source: 'build',
      severity: 'error',
      fatal: true,
      file: projectRelative(this.root, file),
      hint: 'check the permissions of paths.output',
    };
  }
}
