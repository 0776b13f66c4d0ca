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
