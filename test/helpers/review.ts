/**
 * `l10n review` run in-process on a project, for as long as a test needs the server: what the
 * command and the browser tests of the command share.
 */
import { Readable } from 'node:stream';
import { main } from '../../pipeline/commands/index.js';
import type { ReviewIo } from '../../pipeline/commands/review.js';

/**
 * Runs `l10n review <args>` in `root`; `session` gets the address the command printed, and the
 * server stops (as on Ctrl-C) when it returns or fails. Resolves with the exit code and what the
 * command said; a failure of `session` rejects.
 */
export async function runReview(root: string, args: readonly string[], session: (url: string) => Promise<void> = async () => undefined): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const stop = new AbortController();
  let during: Promise<void> = Promise.resolve();
  const io: ReviewIo = {
    cwd: root,
    stdin: Readable.from([]),
    stdout: () => undefined,
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    stdoutIsTTY: false,
    signal: stop.signal,
    onListening: (url) => {
      during = session(url).finally(() => stop.abort());
    },
  };
  const code = await main(['review', ...args], io);
  await during;
  return { code, stderr };
}
