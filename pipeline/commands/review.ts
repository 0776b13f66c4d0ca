/**
 * `l10n review`: the review page on the project's XLIFF files, served on 127.0.0.1 until Ctrl-C.
 * Each action is written into the document's XLIFF file at once (see `pipeline/review-store.ts`).
 */
import { spawn } from 'node:child_process';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { formatMessage } from '../report/messages.js';
import { createProjectStore } from '../review-store.js';
import { serveReview } from '../review/serve.js';
import { EXIT, UsageError, exitCodesHelp, type Command, type CommandIo } from './command.js';
import { languagesFrom, namedFromCwd, openCheckedProject } from './options.js';

const USAGE = `Usage: l10n review [--lang <code>]… [--port <n>] [--open] [--reviewer <name>]

Serves the review page of the project's translations on this machine (127.0.0.1 only) and
prints its address, which carries a key for this session. In the page, read each translation
beside its source, edit it, confirm it, send it back with a comment, or comment on it; every
action is written into translations/<lang>/<document>.xlf at once. Ctrl-C stops the server
after the writes in progress.

  --lang <code>       only this language (repeatable)
  --port <n>          the port, 1024-65535 (default: a free one the system picks)
  --open              open the page in the default browser
  --reviewer <name>   your name, as notes and the files record it (default: L10N_REVIEWER,
                      else your user name)

${exitCodesHelp({ 0: 'stopped with Ctrl-C; every saved change is in the files', 2: 'usage or config error', 3: 'the port cannot be opened' })}`;

/** The reviewer's name: the option, `L10N_REVIEWER`, else the user's login name. */
function reviewerFrom(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const name = option ?? env.L10N_REVIEWER ?? safeUserName();
  if (name === undefined || name.trim() === '') throw new UsageError('--reviewer: expected your name (no user name is known on this machine)');
  if (name.length > 100 || /[\r\n]/u.test(name)) throw new UsageError(`--reviewer: expected a name of 1 to 100 characters on one line, got ${JSON.stringify(name.slice(0, 40))}`);
  return name.trim();
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

function portFrom(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = /^\d+$/u.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 1024 || port > 65_535) throw new UsageError(`--port: expected a whole number from 1024 to 65535, got "${value}"`);
  return port;
}

/** Opens `url` in the system's browser without waiting for it; says so when that fails. */
export function openBrowser(url: string, say: (line: string) => void, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/gu, '^&')]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', (error) => say(`Could not open a browser (${command}: ${error.message}); open the address above yourself.`));
    child.unref();
  } catch (error) {
    say(`Could not open a browser (${(error as Error).message}); open the address above yourself.`);
  }
}

/** What `review` needs besides the CLI's io: the stop signal (tests) and the environment. */
export interface ReviewIo extends CommandIo {
  /** Aborted to stop the server. Default: SIGINT or SIGTERM to this process (`interruptible`). */
  readonly signal?: AbortSignal;
  /** Told the address once the server listens (tests). */
  readonly onListening?: (url: string) => void;
}

export const review: Command = {
  name: 'review',
  summary: 'review page in the browser: read, edit, confirm, send back, comment',
  usage: USAGE,
  async run(args, commandIo) {
    const io = commandIo as ReviewIo;
    const { values } = parseArgs({
      args: [...args],
      options: {
        lang: { type: 'string', multiple: true },
        port: { type: 'string' },
        open: { type: 'boolean', default: false },
        reviewer: { type: 'string' },
      },
      strict: true,
    });
    const port = portFrom(values.port);
    const reviewer = reviewerFrom(values.reviewer, process.env);
    const project = openCheckedProject(io);
    if (project === undefined) return EXIT.usage;
    const languages = languagesFrom(values.lang, project.config);
    const say = (line: string): void => io.stderr(line + '\n');
    const store = createProjectStore(project, { languages, onProblem: (m) => say(formatMessage(namedFromCwd(m, io))) });

    // Ctrl-C (through the CLI's io, or the test's signal) stops the server; the listener goes with the session.
    const interruption = io.signal === undefined ? io.interruptible?.() : undefined;
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    (io.signal ?? interruption?.signal)?.addEventListener('abort', onSignal, { once: true });
    try {
      const outcome = await serveReview(
        store,
        {
          reviewer,
          ...(port === undefined ? {} : { port }),
          onInternalError: (error) => say(`l10n review: internal error (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}); the page was told, the files are unchanged`),
        },
        {
          say,
          signal: stop.signal,
          onListening: (url) => {
            say(`Reviewing as "${reviewer}" (--reviewer to change). After the review, run \`l10n build\` to publish and commit translations/ and output/.`);
            io.onListening?.(url);
            if (values.open) openBrowser(url, say);
          },
        },
      );
      if (outcome.kind === 'options') {
        say(`l10n review: ${outcome.reason}`);
        return EXIT.usage;
      }
      if (outcome.kind === 'listen') {
        say(`l10n review: ${outcome.reason}\n  hint: ${outcome.hint}`);
        return EXIT.io;
      }
      return EXIT.ok;
    } finally {
      interruption?.release();
    }
  },
};
