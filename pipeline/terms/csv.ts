/**
 * CSV and TSV exchange in the form DeepL's glossary API takes: one entry per line, source phrase
 * first, target second, no header; CSV may add source and target language as columns 3 and 4.
 * CSV follows RFC 4180 (fields with a comma, quote or line break are quoted, quotes doubled); TSV
 * has no quoting, so a tab or line break inside a phrase cannot be written and is reported.
 *
 * Export writes, for one target language, each entry's source and each variant with the preferred
 * target (a dnt entry maps to itself); DeepL inflects entries itself, so generated forms are not
 * exported. DeepL rejects a source phrase listed twice: later duplicates are left out and reported.
 * Import merges rows with the same source into one entry with alternative targets.
 */
import { WINDOWS_1252_C1 } from '../characters.js';
import { decodeUtf8 } from '../files.js';
import { InputError, type Message } from '../model.js';
import type { Glossary, GlossaryEntry, TermKind } from './glossary.js';
import { TERM_KINDS, isLanguageCode, makeEntry } from './glossary.js';
import { normalizeLanguage } from './tbx.js';
import type { ImportResult } from './tbx.js';

/** The two delimited formats. */
export type DelimitedFormat = 'csv' | 'tsv';

/** Options of `exportDelimited`. */
export interface DelimitedExportOptions {
  readonly format: DelimitedFormat;
  /** Target language (BCP 47) of the second column. Required: DeepL glossaries are one pair. */
  readonly language: string;
  /** CSV only: add source and target language as columns 3 and 4. Default false. */
  readonly withLanguages?: boolean;
}

/** Options of `importDelimited`. */
export interface DelimitedImportOptions {
  readonly format: DelimitedFormat;
  /** Target language for rows without a fourth column. Required when any row lacks one. */
  readonly language?: string;
  /** Kind of the imported entries (the file cannot say). Default `other`. */
  readonly kind?: TermKind;
}

/** Encodings to name in messages: what spreadsheet programs write besides UTF-8. */
export const ENCODING_EXAMPLES = 'utf-8, windows-1252, iso-8859-15 or utf-16le';

/** True when `TextDecoder` knows the encoding label (`windows-1252`, `latin1`, `utf-16le`, …). */
export function isEncodingLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a CSV or TSV file. With `encoding` (a label `TextDecoder` knows, such as
 * `windows-1252`, what Excel writes by default) as that encoding; otherwise a UTF-16 byte order
 * mark (Excel's "Unicode text") chooses UTF-16, and anything else must be valid UTF-8: an
 * undecodable byte is an InputError (`glossary/encoding`) with its line, column and offset, never
 * a replacement character.
 */
export function decodeDelimited(bytes: Uint8Array, file: string, encoding?: string): string {
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const label = encoding ?? bom;
  if (label === undefined || label.toLowerCase().replace(/[-_]/gu, '') === 'utf8') {
    try {
      return decodeUtf8(bytes, file, 'glossary');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError({
        ...error.detail,
        hint: 'Excel writes CSV in Windows-1252: pass --encoding windows-1252 (or the encoding the file was saved in), or save it as "CSV UTF-8"',
      });
    }
  }
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    const text = decoder.decode(bytes);
    return decoder.encoding === 'windows-1252' ? windows1252(text, bytes, file) : text;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({
      reason: `the file cannot be decoded as ${label}`,
      ruleId: 'glossary/encoding',
      source: 'glossary',
      severity: 'error',
      fatal: true,
      file,
      hint: `name the encoding the file was saved in with --encoding (${ENCODING_EXAMPLES})`,
    });
  }
}

/**
 * Windows-1252 (which the labels `latin1`, `iso-8859-1` and `ascii` also mean): bytes 0x80–0x9F
 * are typographic characters (€ „ “ ” – — …). Node 20.18.3 and later decode them as the C1
 * control characters U+0080–U+009F instead (nodejs/node#60888), so they are mapped here by the
 * WHATWG index; the five bytes the encoding leaves undefined are refused with their offset.
 */
function windows1252(text: string, bytes: Uint8Array, file: string): string {
  return text.replace(/[\u0080-\u009F]/gu, (c, offset: number) => {
    const mapped = WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? 0;
    if (mapped !== 0) return String.fromCharCode(mapped);
    const before = text.slice(0, offset).split('\n');
    throw new InputError({
      reason: `byte ${offset} (0x${(bytes[offset] ?? 0).toString(16)}) is no character in Windows-1252`,
      ruleId: 'glossary/encoding',
      source: 'glossary',
      severity: 'error',
      fatal: true,
      file,
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
      hint: 'the file is in another encoding: name it with --encoding (e.g. utf-16le, iso-8859-15)',
    });
  });
}

function checkFormat(format: unknown, where: string): void {
  if (format !== 'csv' && format !== 'tsv') throw new TypeError(`${where}: expected format "csv" or "tsv", got ${JSON.stringify(format)}`);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes one language pair of the glossary; problems (skipped rows) come back as messages. */
export function exportDelimited(glossary: Glossary, options: DelimitedExportOptions): { text: string; messages: Message[] } {
  checkFormat(options.format, 'exportDelimited');
  if (!isLanguageCode(options.language)) throw new TypeError(`exportDelimited: expected language to be a language code, got ${JSON.stringify(options.language)}`);
  const messages: Message[] = [];
  const seen = new Set<string>();
  const lines: string[] = [];
  const warn = (entry: GlossaryEntry, reason: string, ruleId: string, hint: string): void => {
    messages.push({ reason, ruleId, source: 'glossary-export', severity: 'warning', ...entry.origin, hint });
  };
  for (const entry of glossary.entries) {
    if (entry.status === 'deprecated') continue;
    const target = entry.dnt ? entry.source : entry.targets[options.language]?.[0];
    if (target === undefined) {
      warn(entry, `"${entry.source}" has no ${options.language} target; left out.`, 'glossary/export-no-target', `Add targets: {${options.language}: …} or dnt: true.`);
      continue;
    }
    for (const source of [entry.source, ...entry.variants]) {
      const sourceTarget = entry.dnt ? source : target;
      if (seen.has(source)) {
        warn(entry, `"${source}" is already exported; DeepL accepts each source once.`, 'glossary/export-duplicate', 'Remove the duplicate variant or entry.');
        continue;
      }
      if (options.format === 'tsv' && /[\t\r\n]/.test(source + sourceTarget)) {
        warn(entry, `"${source}" contains a tab or line break, which TSV cannot hold.`, 'glossary/export-tsv', 'Export as CSV or remove the character.');
        continue;
      }
      seen.add(source);
      if (options.format === 'tsv') lines.push(`${source}\t${sourceTarget}`);
      else {
        const fields = [source, sourceTarget];
        if (options.withLanguages === true) fields.push(glossary.language, options.language);
        lines.push(fields.map(csvField).join(','));
      }
    }
  }
  return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, messages };
}

/** A parsed row with its line number. */
interface Row {
  readonly fields: string[];
  readonly line: number;
}

/** RFC 4180 parsing; an unterminated quote is reported at the line where it opened. */
function parseCsv(text: string, file: string, messages: Message[]): Row[] {
  const rows: Row[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ fields, line: rowLine });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === '') {
      const openedAt = line;
      i += 1;
      let closed = false;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          closed = true;
          i += 1;
          break;
        }
        if (text[i] === '\n') line += 1;
        field += text[i];
        i += 1;
      }
      if (!closed) {
        messages.push({ reason: 'A quoted field is never closed.', ruleId: 'csv/unclosed-quote', source: 'csv-import', severity: 'error', file, line: openedAt, hint: 'Close the quote or double the quote character inside the field.' });
        return rows;
      }
      continue;
    }
    if (char === ',') { fields.push(field); field = ''; i += 1; continue; }
    if (char === '\r' && text[i + 1] === '\n') { i += 1; continue; }
    if (char === '\n') { endRow(); line += 1; rowLine = line; i += 1; continue; }
    field += char;
    i += 1;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

function parseTsv(text: string): Row[] {
  return text.split(/\r?\n/).map((l, i) => ({ fields: l.split('\t'), line: i + 1 })).filter((r) => r.fields.join('') !== '');
}

/**
 * Reads CSV or TSV rows (source, target[, source language, target language]) into entries: rows
 * with the same source become one entry whose targets list the alternatives in file order. A
 * header row "source,target" is skipped.
 */
export function importDelimited(text: string, file: string, options: DelimitedImportOptions): ImportResult {
  checkFormat(options.format, 'importDelimited');
  const kind = options.kind ?? 'other';
  if (!TERM_KINDS.includes(kind)) throw new TypeError(`importDelimited: expected kind to be one of ${TERM_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  if (options.language !== undefined && !isLanguageCode(normalizeLanguage(options.language))) {
    throw new TypeError(`importDelimited: expected language to be a language code, got ${JSON.stringify(options.language)}`);
  }
  const messages: Message[] = [];
  const rows = options.format === 'csv' ? parseCsv(text.replace(/^\uFEFF/, ''), file, messages) : parseTsv(text.replace(/^\uFEFF/, ''));
  const bySource = new Map<string, { targets: Record<string, string[]>; line: number }>();
  /** Rows without a target language: one message for all of them (a forgotten --lang). */
  const withoutLanguage: Row[] = [];
  rows.forEach((row, index) => {
    const [source = '', target = '', , rowLanguage] = row.fields.map((f) => f.trim());
    if (index === 0 && source.toLowerCase() === 'source' && target.toLowerCase() === 'target') return;
    const problem = (reason: string, ruleId: string, hint: string): void => {
      messages.push({ reason, ruleId, source: `${options.format}-import`, severity: 'error', file, line: row.line, column: 1, hint });
    };
    if (row.fields.length < 2 || source === '' || target === '') {
      problem('Row needs a source and a target.', 'csv/short-row', 'Write "source,target" (tab-separated for TSV).');
      return;
    }
    const language = normalizeLanguage(rowLanguage ?? options.language ?? '');
    if (rowLanguage === undefined && options.language === undefined) {
      withoutLanguage.push(row);
      return;
    }
    if (!isLanguageCode(language)) {
      problem(`No target language for this row (got "${rowLanguage ?? options.language ?? ''}").`, 'csv/no-language', 'Pass --lang, or add source and target language as columns 3 and 4.');
      return;
    }
    const record = bySource.get(source) ?? { targets: {}, line: row.line };
    const list = (record.targets[language] ??= []);
    if (!list.includes(target)) list.push(target);
    bySource.set(source, record);
  });
  const first = withoutLanguage[0];
  if (first !== undefined) {
    const count = withoutLanguage.length;
    messages.push({
      reason: `${count === 1 ? '1 row has' : `${count} rows have`} no target language (from line ${first.line})`,
      ruleId: 'csv/no-language', source: `${options.format}-import`, severity: 'error', file, line: first.line, column: 1,
      hint: 'pass --lang with the language of the second column, or add source and target language as columns 3 and 4',
    });
  }
  const entries = [...bySource].map(([source, { targets, line }]) => {
    const dnt = Object.values(targets).every((list) => list.length === 1 && list[0] === source) && Object.keys(targets).length > 0;
    return makeEntry({ source, kind, targets: dnt ? {} : targets, dnt, origin: { file, line, column: 1 } });
  });
  return { entries, messages };
}
