/** Option parsing and message printing shared by the commands. */
import path from 'node:path';
import type { Config } from '../config.js';
import { openProject, type OpenProjectOptions, type Project } from '../project.js';
import { formatMessage } from '../report/messages.js';
import { InputError, SEVERITIES, sortMessages, type Message, type Severity } from '../model.js';
import { UsageError, type CommandIo } from './command.js';

/** The languages a command works on: those named with --lang (each must be configured), or all. */
export function languagesFrom(requested: readonly string[] | undefined, config: Config): readonly string[] {
  if (requested === undefined || requested.length === 0) return config.targetLanguages;
  for (const language of requested) {
    if (!config.targetLanguages.includes(language)) {
      throw new UsageError(`--lang: expected one of ${config.targetLanguages.join(', ')} (from l10n.config.yaml), got "${language}"`);
    }
  }
  return requested;
}

/** A severity from --fail-on. */
export function severityFrom(value: string | undefined, fallback: Severity): Severity {
  if (value === undefined) return fallback;
  if (!(SEVERITIES as readonly string[]).includes(value)) {
    throw new UsageError(`--fail-on: expected one of ${SEVERITIES.join(', ')}, got "${value}"`);
  }
  return value as Severity;
}

/** Runs an argument parse, turning node's parse errors into usage errors (exit 2 with usage). */
export function asUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A message whose file lies in the working folder names it relative to it, as the user wrote it. */
export function namedFromCwd(message: Message, io: CommandIo): Message {
  if (message.file === undefined || !path.isAbsolute(message.file)) return message;
  const relative = path.relative(io.cwd, message.file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? message : { ...message, file: relative.split(path.sep).join('/') };
}

/** Prints messages to stderr; returns true when any is an error. */
export function printMessages(messages: readonly Message[], io: CommandIo): boolean {
  for (const m of messages) io.stderr(formatMessage(m) + '\n');
  return messages.some((m) => m.severity === 'error');
}

/**
 * Opens the project of the working folder. Errors in the config, the segmentation rules or the
 * glossary are config errors: they are printed and undefined comes back, so the command exits 2
 * before it touches any file.
 */
export function openCheckedProject(io: CommandIo, options: OpenProjectOptions = {}): Project | undefined {
  let project: Project;
  try {
    project = openProject(io.cwd, options);
  } catch (error) {
    // The config, the rules file it names and the glossary are the project's configuration:
    // a problem with any of them is a config error (exit 2), whatever the file.
    if (!(error instanceof InputError)) throw error;
    io.stderr(formatMessage(namedFromCwd(error.detail, io)) + '\n');
    return undefined;
  }
  if (!project.messages.some((m) => m.severity === 'error')) return project;
  for (const m of sortMessages(project.messages)) io.stderr(formatMessage(m) + '\n');
  return undefined;
}
