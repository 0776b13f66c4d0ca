/**
 * Progress bars for people at a terminal, drawn with `cli-progress` on stderr. Nothing is drawn in
 * CI, when stderr is not a terminal, with `--format json`/`github`, or for work that ends within
 * a second: a bar appears only once a task has run for `delayMs`, so short runs print exactly what
 * they printed before.
 */
import cliProgress from 'cli-progress';
import type { ProgressEvent, ProgressListener } from '../progress.js';
import type { CommandIo } from './command.js';

/** Options of `progressDisplay`. */
export interface ProgressDisplayOptions {
  /** False turns the display off (machine-readable output on stdout). Default true. */
  readonly enabled?: boolean;
  /** How long a task runs before its bar appears, in ms. Range ≥ 0; default 1000. */
  readonly delayMs?: number;
  /** Environment to look at (`CI`, `TERM=dumb`); default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** A progress display: pass `listener` to a run, call `stop()` before printing anything else. */
export interface ProgressDisplay {
  /** Undefined when nothing will be drawn, so runs can skip reporting altogether. */
  readonly listener: ProgressListener | undefined;
  /** Removes the bar (if one was drawn) so the next line starts clean. Safe to call twice. */
  stop(): void;
}

const NONE: ProgressDisplay = { listener: undefined, stop: () => undefined };

/** Whether a bar may be drawn for this command's output at all. */
export function progressWanted(io: CommandIo, options: ProgressDisplayOptions = {}): boolean {
  const env = options.env ?? process.env;
  if (options.enabled === false || io.progressStream === undefined || !io.isTTY) return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false') return false;
  return env.TERM !== 'dumb';
}

/**
 * A display for one command. One bar at a time: when the task changes, the bar is renamed and
 * restarted, so a run that extracts and then saves memories shows both in turn.
 */
export function progressDisplay(io: CommandIo, options: ProgressDisplayOptions = {}): ProgressDisplay {
  if (!progressWanted(io, options)) return NONE;
  const stream = io.progressStream as NodeJS.WriteStream;
  const delayMs = options.delayMs ?? 1000;
  let bar: cliProgress.SingleBar | undefined;
  let task: string | undefined;
  let startedAt = 0;
  const listener: ProgressListener = (event: ProgressEvent) => {
    const now = Date.now();
    if (event.task !== task) {
      task = event.task;
      startedAt = now;
      if (bar !== undefined) bar.start(Math.max(event.total, 1), event.done, { task: event.task });
      return;
    }
    if (bar === undefined) {
      if (now - startedAt < delayMs || event.done >= event.total) return;
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: '{task} [{bar}] {value}/{total} ({percentage}%, {eta_formatted} left)',
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(event.total, 1), event.done, { task: event.task });
      return;
    }
    bar.setTotal(Math.max(event.total, 1));
    bar.update(event.done, { task: event.task });
  };
  return {
    listener,
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
