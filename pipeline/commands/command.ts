/**
 * The shape of a CLI command. Each command lives in its own module under `pipeline/commands/` and
 * is registered in `pipeline/cli.ts`; the CLI parses nothing itself beyond the command name.
 */
import { atLeast, type Message, type Severity } from '../model.js';

/** Exit codes, as documented in README.md. */
export const EXIT = {
  /** Nothing at or above the failing severity. */
  ok: 0,
  /** Findings at or above the failing severity (`--fail-on`, default `error`). */
  findings: 1,
  /** Wrong arguments or a bad config file. */
  usage: 2,
  /** A file could not be read or written. */
  io: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIo {
  /** Project root: where `l10n.config.yaml` is. */
  readonly cwd: string;
  readonly stdin: NodeJS.ReadableStream;
  /** Results (data) only: one command's stdout may be piped into another program. */
  readonly stdout: (text: string) => void;
  /** Messages and progress for people. */
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal (colours in messages). */
  readonly isTTY: boolean;
  /** True when stdout is a terminal (progress bars in tables). */
  readonly stdoutIsTTY: boolean;
  /**
   * The stream progress bars are drawn on (the process's stderr when it is a terminal); absent in
   * tests and pipes, and then nothing is drawn.
   */
  readonly progressStream?: NodeJS.WritableStream;
  /** Environment variables (API keys for machine translation). Default: the process's. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * For a command that stops cleanly on Ctrl-C (`translate`): from the call on, an interruption
   * aborts `signal` instead of ending the process, until `release` (a second Ctrl-C ends it).
   * Absent (tests, library use): nothing interrupts.
   */
  readonly interruptible?: () => { readonly signal: AbortSignal; release(): void };
}

export interface Command {
  readonly name: string;
  /** One line for `l10n --help`. */
  readonly summary: string;
  /** Full usage text for `l10n <name> --help`. */
  readonly usage: string;
  /** Runs the command with the arguments after its name; returns the exit code. */
  run(args: readonly string[], io: CommandIo): Promise<ExitCode>;
}

/**
 * The "Exit codes:" paragraph of a command's usage text, one code per line, in the words of
 * README.md "Exit codes"; a command lists only the codes it can return, with what they mean for it.
 */
export function exitCodesHelp(codes: Partial<Record<ExitCode, string>>): string {
  const lines = (Object.entries(codes) as [string, string][]).sort(([a], [b]) => Number(a) - Number(b)).map(([code, meaning]) => `  ${code}  ${meaning}`);
  return ['Exit codes:', ...lines].join('\n');
}

/** Raised by a command for wrong arguments; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The exit code that a run's messages lead to, as README.md "Exit codes" documents it: 2 for a
 * fatal problem of the config or glossary, 3 for any other fatal problem (a file that cannot be
 * read or written), 1 for findings at or above the threshold, else 0. The policy is the CLI's:
 * library code reports messages and never picks a code.
 */
export function exitCodeFor(messages: readonly Message[], failOn: Severity): ExitCode {
  if (messages.some((m) => m.fatal === true && (m.ruleId.startsWith('config/') || m.ruleId.startsWith('glossary/')))) return EXIT.usage;
  if (messages.some((m) => m.fatal === true)) return EXIT.io;
  return messages.some((m) => atLeast(m, failOn)) ? EXIT.findings : EXIT.ok;
}
