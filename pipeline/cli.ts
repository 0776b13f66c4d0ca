#!/usr/bin/env node
/**
 * The `l10n` executable: connects the process to the dispatcher and sets the exit code. Nothing
 * else happens here, so every command can be tested without a process.
 */
import { EXIT, type CommandIo } from './commands/command.js';
import { internalErrorText, main } from './commands/index.js';

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
    const stop = (): void => {
      release();
      controller.abort();
    };
    const release = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return { signal: controller.signal, release };
  },
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(internalErrorText(process.argv[2] ?? '', error));
    process.exitCode = EXIT.io;
  },
);
