/**
 * The command dispatcher of `l10n`: finds the command, runs it, and turns what escapes it into
 * an exit code. Command modules are loaded only when called, so that `l10n segment` starts
 * without loading the glossary or the XLIFF code.
 */
import { EXIT, UsageError, type Command, type CommandIo } from './command.js';
import { InputError } from '../model.js';
import { formatMessage } from '../report/messages.js';

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

const COMMANDS: ReadonlyMap<string, CommandEntry> = new Map([
  ['extract', { summary: 'source → XLIFF per target language, keeping every translation', load: async () => (await import('./extract.js')).extract }],
  ['build', { summary: 'XLIFF → checks → translated documents in output/ and a report', load: async () => (await import('./build.js')).build }],
  ['check', { summary: 'quality checks on the translations, writing nothing', load: async () => (await import('./check.js')).check }],
  ['status', { summary: 'segments and words per language and state', load: async () => (await import('./status.js')).status }],
  ['terms', { summary: 'find glossary terms in text on stdin', load: async () => (await import('./terms.js')).terms }],
  ['glossary', { summary: 'check, export (TBX, CSV, TSV) and import glossaries', load: async () => (await import('./glossary.js')).glossary }],
  ['inspect', { summary: 'report what an XLIFF file holds (version, units, states, codes)', load: async () => (await import('./inspect.js')).inspect }],
  ['translate', { summary: 'machine pre-translation of untranslated sentences, marked for review', load: async () => (await import('./translate.js')).translate }],
  ['memory', { summary: 'update the translation memories or import a TMX file', load: async () => (await import('./memory.js')).memory }],
  ['segment', { summary: 'split German text on stdin into sentences', load: async () => (await import('./segment.js')).segment }],
]);

function mainUsage(): string {
  const width = Math.max(...[...COMMANDS.keys()].map((n) => n.length));
  const lines = [...COMMANDS].map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return ['Usage: l10n <command> [options]', '', 'Commands:', ...lines, '', 'Run `l10n <command> --help` for the options of a command.'].join('\n');
}

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(mainUsage() + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMANDS.get(name);
  if (entry === undefined) {
    io.stderr(`l10n: unknown command "${name}"\n\n${mainUsage()}\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`l10n ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr(formatMessage(error.detail) + '\n');
      return error.detail.ruleId.startsWith('config/') ? EXIT.usage : EXIT.io;
    }
    io.stderr(internalErrorText(name, error));
    return EXIT.io;
  }
}

/**
 * What the user sees of an error no part of l10n expected (a defect): one line naming it and
 * what to do, never a stack trace; `L10N_DEBUG=1` adds the stack for whoever fixes the defect.
 */
export function internalErrorText(command: string, error: unknown): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = process.env.L10N_DEBUG !== undefined && error instanceof Error && error.stack !== undefined ? `${error.stack}\n` : '';
  return (
    `l10n ${command}: internal error (${what.split('\n')[0]})\n` +
    `  hint: this is a defect of l10n, not of your files; files are written whole or not at all. ` +
    `Please report it with the command you ran (run it again with L10N_DEBUG=1 for the details).\n${stack}`
  );
}

