/**
 * `l10n glossary check|export|import`: validate glossary files, export them for CAT tools and
 * DeepL, import a TBX/CSV/TSV glossary as a YAML glossary file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { maxFileBytes, readBoundedFile, writeFileAtomic } from '../files.js';
import { InputError, type Message } from '../model.js';
import { loadConfig } from '../config.js';
import { formatMessage } from '../report/messages.js';
import { ENCODING_EXAMPLES, decodeDelimited, exportDelimited, importDelimited, isEncodingLabel } from '../terms/csv.js';
import type { DelimitedFormat } from '../terms/csv.js';
import { TERM_KINDS, glossaryOf, isLanguageCode, loadGlossary, parseGlossary } from '../terms/glossary.js';
import type { GlossaryEntry, TermKind } from '../terms/glossary.js';
import { exportTbx, glossaryLanguages, importTbx } from '../terms/tbx.js';
import type { ImportResult } from '../terms/tbx.js';
import { glossaryToYaml } from '../terms/write.js';
import { RULE_IDS } from '../qa/index.js';
import { EXIT, UsageError, exitCodesHelp } from './command.js';
import type { Command, CommandIo, ExitCode } from './command.js';
import { asUsageError, printMessages } from './options.js';

const USAGE = `Usage:
  l10n glossary check [<file or folder>…]
  l10n glossary export --format tbx|csv|tsv [--lang <code>]… [--out <file>] [--glossary <path>]…
  l10n glossary import <file.tbx|.csv|.tsv> [--format tbx|csv|tsv] [--out <file>] [--lang <code>]
                       [--kind <kind>] [--source-lang <code>] [--encoding <name>]
                       [--skip-existing] [--force]

check   validates glossary files (default: glossary/); prints file:line:column: message.
export  writes the glossary as TBX-Basic (TBX 2 martif, for CAT tools) or as CSV/TSV in the
        form DeepL's glossary API takes (one target language: --lang, required when the
        glossary has several); to stdout, or to --out.
import  reads a TBX (2 or 3), CSV or TSV glossary and writes a YAML glossary file
        (default glossary/imported.yaml; --force to overwrite), one block per entry. CSV/TSV
        rows without a language column need --lang; --kind sets the kind of imported entries
        (default other); --format when the file name does not end in .tbx, .csv or .tsv;
        --source-lang is the language of the terms (default de). A CSV/TSV file must be UTF-8
        (or UTF-16 with a byte order mark) unless --encoding names its encoding (Excel's CSV:
        windows-1252). Entries the project glossary already has are refused; --skip-existing
        leaves them out. Nothing is written unless the whole import succeeds.

${exitCodesHelp({ 0: 'done; check: no errors (warnings allowed)', 2: 'usage error; errors in a glossary (check, export, import)', 3: 'a file could not be read (undecodable, malformed) or written' })}`;

const FORMATS = ['tbx', 'csv', 'tsv'] as const;
type ExportFormat = (typeof FORMATS)[number];

/** Writes a file, creating its folder; an I/O failure is reported and turned into exit 3. */
function writeOutput(file: string, text: string, io: CommandIo): ExitCode {
  try {
    // Atomic: an interrupted export or import never leaves a half-written glossary behind.
    writeFileAtomic(file, text);
    return EXIT.ok;
  } catch (error) {
    io.stderr(`${file}: error: cannot write: ${(error as Error).message} [glossary/write-failed]\n`);
    return EXIT.io;
  }
}

async function check(positionals: readonly string[], io: CommandIo): Promise<ExitCode> {
  const paths = (positionals.length > 0 ? positionals : ['glossary']).map((p) => path.resolve(io.cwd, p));
  const { glossary, messages } = loadGlossary(paths, { root: io.cwd });
  const hasErrors = printMessages(messages, io);
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.length - errors;
  io.stderr(`${glossary.entries.length} entries in ${glossary.files.length} file(s): ${errors} error(s), ${warnings} warning(s)\n`);
  return hasErrors ? EXIT.usage : EXIT.ok;
}

async function exportCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  const { values } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        format: { type: 'string' },
        lang: { type: 'string', multiple: true },
        out: { type: 'string' },
        glossary: { type: 'string', multiple: true },
      },
      strict: true,
    }),
  );
  const format = values.format;
  if (format === undefined || !(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got ${format === undefined ? 'nothing' : `"${format}"`}`);
  }
  for (const language of values.lang ?? []) {
    if (!isLanguageCode(language)) throw new UsageError(`--lang: expected a language code such as en or pt-BR, got "${language}"`);
  }
  const paths = (values.glossary ?? ['glossary']).map((p) => path.resolve(io.cwd, p));
  const { glossary, messages } = loadGlossary(paths, { root: io.cwd });
  if (printMessages(messages, io)) return EXIT.usage;
  let text: string;
  if ((format as ExportFormat) === 'tbx') {
    text = exportTbx(glossary, values.lang === undefined ? {} : { languages: values.lang });
  } else {
    const available = glossaryLanguages(glossary);
    const language = values.lang?.[0] ?? (available.length === 1 ? available[0] : undefined);
    if (language === undefined || (values.lang?.length ?? 0) > 1) {
      throw new UsageError(`--lang: a ${format.toUpperCase()} glossary holds one language pair; choose one of ${available.join(', ') || '(none)'}`);
    }
    const result = exportDelimited(glossary, { format: format as DelimitedFormat, language });
    printMessages(result.messages, io);
    text = result.text;
  }
  if (values.out === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  return writeOutput(path.resolve(io.cwd, values.out), text, io);
}

function formatOf(file: string, given: string | undefined): ExportFormat {
  const format = given ?? path.extname(file).slice(1).toLowerCase();
  if ((FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new UsageError(`cannot tell the format of "${file}": expected a .tbx, .csv or .tsv file, or --format tbx|csv|tsv`);
}

/**
 * The glossary files an import adds to: the project's (`paths.glossary` of l10n.config.yaml in
 * the working folder), or else the folder the new file goes to; without the file being replaced.
 */
function existingGlossary(out: string, io: CommandIo): GlossaryEntry[] {
  let paths: string[];
  try {
    const config = loadConfig(io.cwd, { ruleIds: RULE_IDS });
    paths = config.paths.glossary.map((p) => path.resolve(config.root, p));
  } catch {
    paths = [path.dirname(out)];
  }
  const present = paths.filter((p) => existsSync(p));
  if (present.length === 0) return [];
  // Problems of the existing files are `glossary check`'s business, not the import's.
  return loadGlossary(present, { root: io.cwd }).glossary.entries.filter((e) => path.resolve(io.cwd, e.origin.file) !== out);
}

/**
 * Imported entries that the glossary already has (same source in the same domain, or same id):
 * an error each, or, with `skip`, left out. Writing them would make every command exit 2.
 */
function splitExisting(entries: readonly GlossaryEntry[], existing: readonly GlossaryEntry[], skip: boolean): { kept: GlossaryEntry[]; messages: Message[]; skipped: number } {
  const bySource = new Map(existing.map((e) => [`${e.source}\u0000${e.domain ?? ''}`, e] as const));
  const byId = new Map(existing.map((e) => [e.id, e] as const));
  const kept: GlossaryEntry[] = [];
  const messages: Message[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const there = bySource.get(`${entry.source}\u0000${entry.domain ?? ''}`) ?? byId.get(entry.id);
    if (there === undefined) {
      kept.push(entry);
      continue;
    }
    skipped += 1;
    if (skip) continue;
    messages.push({
      reason: `"${entry.source}" is already in the glossary (${there.origin.file}:${there.origin.line}:${there.origin.column})`,
      ruleId: 'glossary/import-duplicate',
      source: 'glossary',
      severity: 'error',
      ...entry.origin,
      hint: 'leave the row out or merge it into the existing entry; --skip-existing imports only the terms the glossary lacks',
    });
  }
  return { kept, messages, skipped };
}

async function importCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args: [...args],
      options: {
        out: { type: 'string', default: path.join('glossary', 'imported.yaml') },
        format: { type: 'string' },
        lang: { type: 'string' },
        kind: { type: 'string', default: 'other' },
        'source-lang': { type: 'string', default: 'de' },
        encoding: { type: 'string' },
        'skip-existing': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length !== 1) throw new UsageError(`import: expected one file to import, got ${positionals.length}`);
  const input = path.resolve(io.cwd, positionals[0] as string);
  const format = formatOf(input, values.format);
  if (!(TERM_KINDS as readonly string[]).includes(values.kind)) throw new UsageError(`--kind: expected one of ${TERM_KINDS.join(', ')}, got "${values.kind}"`);
  if (values.lang !== undefined && !isLanguageCode(values.lang)) throw new UsageError(`--lang: expected a language code such as en, got "${values.lang}"`);
  if (!isLanguageCode(values['source-lang'])) throw new UsageError(`--source-lang: expected a language code such as de, got "${values['source-lang']}"`);
  if (values.encoding !== undefined && format === 'tbx') throw new UsageError('--encoding: applies to CSV and TSV; a TBX file declares its own encoding');
  if (values.encoding !== undefined && !isEncodingLabel(values.encoding)) {
    throw new UsageError(`--encoding: expected an encoding such as ${ENCODING_EXAMPLES}, got "${values.encoding}"`);
  }
  const out = path.resolve(io.cwd, values.out);
  if (existsSync(out) && !values.force) throw new UsageError(`--out: ${values.out} exists; pass --force to overwrite it`);
  let bytes: Uint8Array;
  try {
    // Size first (stat): a huge export is refused before it is read.
    bytes = readBoundedFile(input, positionals[0] ?? input, maxFileBytes(), 'glossary');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${formatMessage(error.detail)}\n`);
    return error.detail.ruleId.startsWith('config/') ? EXIT.usage : EXIT.io;
  }
  const relative = path.relative(io.cwd, input) || input;
  const kind = values.kind as TermKind;
  const nothingWritten = (code: ExitCode = EXIT.usage): ExitCode => {
    io.stderr(`${values.out}: nothing was written\n`);
    return code;
  };
  let result: ImportResult;
  try {
    result = format === 'tbx'
      // TBX goes to the XML reader as bytes, which it decodes strictly (invalid UTF-8 is refused with its offset).
      ? importTbx(bytes, relative, { sourceLanguage: values['source-lang'], defaultKind: kind })
      : importDelimited(decodeDelimited(bytes, relative, values.encoding), relative, { format, kind, ...(values.lang !== undefined ? { language: values.lang } : {}) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    printMessages([error.detail], io);
    // The file itself could not be read (undecodable bytes, malformed TBX): an input error, as for any source.
    return nothingWritten(EXIT.io);
  }
  const checked = glossaryOf(result.entries, values['source-lang']);
  const existing = splitExisting(checked.glossary.entries, existingGlossary(out, io), values['skip-existing']);
  const messages: Message[] = [...result.messages, ...checked.messages, ...existing.messages];
  // A partial glossary is worse than none: any error and nothing is written.
  if (printMessages(messages, io)) return nothingWritten();
  const yaml = glossaryToYaml(existing.kept, { language: values['source-lang'] });
  // What we write must load cleanly; anything else is a bug worth stopping for.
  const reread = parseGlossary(yaml, values.out).messages.filter((m) => m.severity === 'error');
  if (printMessages(reread, io)) return nothingWritten();
  const written = writeOutput(out, yaml, io);
  if (written !== EXIT.ok) return written;
  const skipped = values['skip-existing'] && existing.skipped > 0
    ? `; ${existing.skipped} ${existing.skipped === 1 ? 'entry' : 'entries'} already in the glossary left out`
    : '';
  io.stderr(`${values.out}: ${existing.kept.length} entries written${skipped}\n`);
  return EXIT.ok;
}

export const glossary: Command = {
  name: 'glossary',
  summary: 'check, export (TBX, CSV, TSV) and import glossary files',
  usage: USAGE,
  async run(args, io): Promise<ExitCode> {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'check': {
        const { positionals } = asUsageError(() => parseArgs({ args: rest, options: {}, allowPositionals: true, strict: true }));
        return check(positionals, io);
      }
      case 'export': return exportCommand(rest, io);
      case 'import': return importCommand(rest, io);
      default:
        throw new UsageError(sub === undefined ? 'missing subcommand: expected check, export or import' : `unknown subcommand "${sub}": expected check, export or import`);
    }
  },
};
