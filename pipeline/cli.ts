#!/usr/bin/env node
/**
 * The `l10n` executable: connects the process to the dispatcher and sets the exit code. Nothing
 * else happens here, so every command can be tested without a process.
 */
import { EXIT, type CommandIo } from './commands/command.js';
import { SIGNAL_EXIT, internalErrorText, main, stoppedBySignalText, type StopSignal } from './commands/index.js';

/** Commands running that stop on Ctrl-C themselves (`io.interruptible`), so the exit below steps aside. */
let interruptibleCommands = 0;

const io: CommandIo = {
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  ...(process.stderr.isTTY === true ? { progressStream: process.stderr } : {}),
  interruptible() {
    // The first Ctrl-C (or SIGTERM) asks the command to stop and write what it has; the handlers
    // are then gone, so a second one ends the process as usual.
    const controller = new AbortController();
    let held = true;
    const stop = (): void => {
      controller.abort();
      release();
    };
    const release = (): void => {
      if (!held) return;
      held = false;
      interruptibleCommands -= 1;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    interruptibleCommands += 1;
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return { signal: controller.signal, release };
  },
};

// Ctrl-C or a CI runner's SIGTERM: one line and the signal's exit code instead of a death in the
// middle of a write. The handler runs between two steps, never inside a write; once the command
// has finished, its own exit code stands.
let finished = false;
for (const signal of Object.keys(SIGNAL_EXIT) as StopSignal[]) {
  process.once(signal, () => {
    // A command that stops on the signal itself (review closes its server, translate keeps what it
    // was sent back) holds `interruptible`: it decides how the run ends.
    if (finished || interruptibleCommands > 0) return;
    // On a terminal the progress bar may hold the line: start a new one.
    process.stderr.write((process.stderr.isTTY === true ? '\n' : '') + stoppedBySignalText(process.argv[2] ?? '', signal));
    process.exit(SIGNAL_EXIT[signal]);
  });
}

main(process.argv.slice(2), io).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    finished = true;
    process.stderr.write(internalErrorText(process.argv[2] ?? '', error));
    process.exitCode = EXIT.io;
  },
);
