/**
 * Progress of a long run, as data. Chains and long-running library functions report how far they
 * are; only the CLI decides whether and how to draw it (`pipeline/commands/progress.ts`).
 */

/** How far one task of a run is. */
export interface ProgressEvent {
  /** What is being done, in a word or two: `extract`, `build`, `translate en`. */
  readonly task: string;
  /** Items done so far (documents, segments, requests), 0…total. */
  readonly done: number;
  /** Items in all; 0 when not known yet. */
  readonly total: number;
}

/** Receives progress events; must be cheap and must not throw. */
export type ProgressListener = (event: ProgressEvent) => void;
