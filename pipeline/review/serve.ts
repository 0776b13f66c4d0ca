/**
 * `l10n review` without the CLI: start the server, tell the reviewer where to go, run until the
 * signal (Ctrl-C) stops it, finish the writes in flight, close. The CLI owns the process: it turns
 * SIGINT/SIGTERM into the abort signal and the outcome into an exit code.
 */
import { ReviewOptionsError, type ReviewServerOptions } from './options.js';
import { startReviewServer } from './server.js';
import type { ReviewStore } from './store.js';

/** How a review session ended. */
export type ServeOutcome =
  /** Stopped by the signal after every write finished (exit 0). */
  | { readonly kind: 'stopped' }
  /** Options that cannot be used (exit 2). */
  | { readonly kind: 'options'; readonly reason: string }
  /** The port could not be opened (exit 3). */
  | { readonly kind: 'listen'; readonly reason: string; readonly hint: string };

export interface ServeIo {
  /** Lines for the person who started the session (stderr in the CLI). */
  readonly say: (line: string) => void;
  /** Aborted when the session must end (Ctrl-C). */
  readonly signal: AbortSignal;
  /** Called with the address once the server listens (`--open` starts a browser on it). */
  readonly onListening?: (url: string) => void;
}

/** Serves `store` until `io.signal` aborts. Never throws for bad options or a busy port. */
export async function serveReview(store: ReviewStore, options: ReviewServerOptions, io: ServeIo): Promise<ServeOutcome> {
  let server;
  try {
    server = await startReviewServer(store, options);
  } catch (error) {
    if (error instanceof ReviewOptionsError) return { kind: 'options', reason: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') return { kind: 'listen', reason: `port ${options.port ?? 0} on 127.0.0.1 is in use`, hint: 'choose another with --port, or leave --port out to take a free one' };
    if (code === 'EACCES') return { kind: 'listen', reason: `port ${options.port ?? 0} on 127.0.0.1 may not be opened by this user`, hint: 'choose a port above 1023 with --port, or leave --port out' };
    throw error;
  }
  io.say(`Review server on ${server.origin}. Open this address (it holds this session's key; do not share it):`);
  io.say(`  ${server.url}`);
  io.say('Press Ctrl-C to stop.');
  io.onListening?.(server.url);
  if (!io.signal.aborted) await new Promise<void>((resolve) => io.signal.addEventListener('abort', () => resolve(), { once: true }));
  io.say('Stopping: finishing the changes in progress…');
  await server.close();
  io.say('Stopped. Every change you saved is in the files.');
  return { kind: 'stopped' };
}
