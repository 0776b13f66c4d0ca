/**
 * `l10n memory`: the project's translation memories (`translations/memory/<src>-<lang>.tmx`).
 *
 * - `update`: adds the approved translations of every XLIFF file to the memories (extract does
 *   the same on each run; this is for a CI job that only wants the memory);
 * - `import <file.tmx>`: merges a TMX file from another tool into the memories of the project's
 *   target languages found in it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { maxFileBytes, projectRelative, readBoundedFile } from '../files.js';
import { FormatRegistry } from '../formats/index.js';
import { ProjectMemories } from '../memory/project.js';
import { entriesFromTmx } from '../memory/store.js';
import { readTmx, TMX_MAX_BYTES } from '../memory/tmx-read.js';
import { InputError, sortMessages, type Message } from '../model.js';
import { findDocuments, xliffPath } from '../project.js';
import { RULE_IDS } from '../qa/index.js';
import { formatMessage, summarize } from '../report/messages.js';
import { readTargets, readXliff } from '../xliff/index.js';
import { UsageError, exitCodeFor, type Command, type CommandIo, exitCodesHelp } from './command.js';
import { languagesFrom } from './options.js';

const USAGE = `Usage: l10n memory update [--lang <code>]…
       l10n memory import <file.tmx> [--lang <code>]…

update   adds the approved translations of translations/<lang>/*.xlf to
         translations/memory/<source>-<lang>.tmx (extract does this on every run)
import   merges a TMX file (Trados, memoQ, Phrase, OmegaT…) into the memories of the
         project's target languages; languages match by tag or a related one
         (en-US → en, en → en-GB), never a sibling region (en-US ↛ en-GB)

  --lang <code>   only this target language (repeatable); default: all in l10n.config.yaml

${exitCodesHelp({ 0: 'done', 2: 'usage or config error', 3: 'a file could not be read or written' })}`;

export const memory: Command = {
  name: 'memory',
  summary: 'update the translation memories or import a TMX file',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args: [...args], options: { lang: { type: 'string', multiple: true } }, allowPositionals: true, strict: true });
    const [action, ...files] = positionals;
    if (action === 'update' && files.length === 0) return update(values.lang, io);
    if (action === 'import' && files.length === 1) return importTmx(files[0] as string, values.lang, io);
    if (action === undefined) throw new UsageError('missing subcommand: expected update or import');
    if (action === 'update') throw new UsageError(`update takes no file, got ${files.map((f) => `"${f}"`).join(', ')}`);
    if (action === 'import') throw new UsageError(files.length === 0 ? 'import: expected the TMX file to import' : `import: expected one TMX file, got ${files.length}`);
    throw new UsageError(`unknown subcommand "${action}": expected update or import`);
  },
};

function finish(messages: readonly Message[], io: CommandIo): ReturnType<Command['run']> {
  for (const m of sortMessages(messages)) io.stderr(formatMessage(m) + '\n');
  io.stderr(`memory: ${summarize(messages)}\n`);
  return Promise.resolve(exitCodeFor(messages, 'error'));
}

async function update(lang: string[] | undefined, io: CommandIo): ReturnType<Command['run']> {
  const config = loadConfig(io.cwd, { ruleIds: RULE_IDS });
  const memories = new ProjectMemories(config);
  const messages: Message[] = [];
  const documents = findDocuments({ config, formats: new FormatRegistry() });
  for (const language of languagesFrom(lang, config)) {
    for (const { name } of documents) {
      for (const kind of ['work', 'aside'] as const) {
        const file = xliffPath(config, language, name, kind);
        if (!existsSync(file)) continue;
        try {
          const maxBytes = maxFileBytes();
          memories.learn(language, readTargets(readXliff(readBoundedFile(file, projectRelative(config.root, file), maxBytes, 'xliff'), projectRelative(config.root, file), { maxBytes })));
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          messages.push(error.detail);
        }
      }
    }
  }
  for (const file of memories.save()) io.stderr(`${file}: written\n`);
  return finish([...messages, ...memories.messages], io);
}

async function importTmx(name: string, lang: string[] | undefined, io: CommandIo): ReturnType<Command['run']> {
  const config = loadConfig(io.cwd, { ruleIds: RULE_IDS });
  let parsed;
  try {
    parsed = readTmx(readBoundedFile(path.resolve(io.cwd, name), name, TMX_MAX_BYTES, 'tmx'), name);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return finish([error.detail], io);
  }
  const memories = new ProjectMemories(config);
  const origin = parsed.tool ?? 'tmx';
  for (const language of languagesFrom(lang, config)) {
    const entries = entriesFromTmx(parsed, config.sourceLanguage, language, origin);
    const added = memories.add(language, entries);
    io.stderr(`${language}: ${entries.length} pair(s) in the file, ${added} new\n`);
  }
  for (const file of memories.save()) io.stderr(`${file}: written\n`);
  return finish([...parsed.messages, ...memories.messages], io);
}
