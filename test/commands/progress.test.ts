import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../pipeline/commands/command.js';
import { progressDisplay, progressWanted } from '../../pipeline/commands/progress.js';

/** A stream that says it is a terminal and keeps what is drawn on it. */
function fakeTerminal(): { stream: NodeJS.WritableStream; drawn: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; cursorTo: () => boolean; clearLine: () => boolean; moveCursor: () => boolean };
  stream.isTTY = true;
  stream.columns = 100;
  stream.cursorTo = () => true;
  stream.clearLine = () => true;
  stream.moveCursor = () => true;
  return { stream, drawn: () => text };
}

function io(stream: NodeJS.WritableStream | undefined, isTTY = true): CommandIo {
  return {
    cwd: '.',
    stdin: process.stdin,
    stdout: () => undefined,
    stderr: () => undefined,
    isTTY,
    stdoutIsTTY: false,
    ...(stream === undefined ? {} : { progressStream: stream }),
  };
}

describe('progressDisplay', () => {
  it('draws nothing in CI, without a terminal, with TERM=dumb, or for machine-readable output', () => {
    const { stream } = fakeTerminal();
    expect(progressWanted(io(stream), { env: { CI: 'true' } })).toBe(false);
    expect(progressWanted(io(undefined), { env: {} })).toBe(false);
    expect(progressWanted(io(stream, false), { env: {} })).toBe(false);
    expect(progressWanted(io(stream), { env: { TERM: 'dumb' } })).toBe(false);
    expect(progressWanted(io(stream), { env: {}, enabled: false })).toBe(false);
    expect(progressWanted(io(stream), { env: { CI: 'false' } })).toBe(true);
    expect(progressDisplay(io(stream), { env: { CI: '1' } }).listener).toBeUndefined();
  });

  it('draws a bar with the task and the count once a task has run longer than the delay', () => {
    const { stream, drawn } = fakeTerminal();
    const display = progressDisplay(io(stream), { env: {}, delayMs: 0 });
    const listener = display.listener;
    expect(listener).toBeDefined();
    listener?.({ task: 'build', done: 0, total: 40 });
    listener?.({ task: 'build', done: 10, total: 40 });
    listener?.({ task: 'build', done: 20, total: 40 });
    display.stop();
    expect(drawn()).toMatch(/build \[.*\] \d+\/40/u);
  });

  it('stays silent for a task that finishes before the delay', () => {
    const { stream, drawn } = fakeTerminal();
    const display = progressDisplay(io(stream), { env: {}, delayMs: 60_000 });
    display.listener?.({ task: 'extract', done: 0, total: 3 });
    display.listener?.({ task: 'extract', done: 3, total: 3 });
    display.stop();
    expect(drawn()).toBe('');
  });
});
