/**
 * Reading source documents: picks the reader for a file and turns I/O problems into messages
 * with the file's name.
 */
import path from 'node:path';
import { InputError, type Document, type Message } from '../model.js';
import { describeCharacter, findCharacters, windows1252Meaning } from '../characters.js';
import { decodeUtf8, documentName, maxFileBytes, readBoundedFile, resolveInside } from '../files.js';
import { readText, type TextReaderRules } from './text.js';

export interface SourceReadOptions {
  /** Project root; the source path must lie inside it. */
  readonly root: string;
  /** Source path relative to the root, forward slashes. */
  readonly path: string;
  /** Source language, BCP 47. */
  readonly language: string;
  /** Reader rules for plain text. Default: the bundled rules. */
  readonly textRules?: TextReaderRules;
}

/** Reads one source document. Throws InputError when the file is missing, unreadable or not UTF-8. */
export function readSource(options: SourceReadOptions): { doc: Document; messages: Message[] } {
  const file = resolveInside(options.root, options.path, 'document');
  const extension = path.extname(options.path).toLowerCase();
  if (extension !== '.txt') {
    throw new InputError({
      reason: `no reader for "${extension || 'files without an extension'}"`,
      ruleId: 'read/format',
      source: 'read',
      severity: 'error',
      fatal: true,
      file: options.path,
      hint: 'source documents are plain-text files ending in .txt',
    });
  }
  let bytes: Uint8Array;
  try {
    // Size first (stat): a huge file is refused before it is read, and never called missing.
    bytes = readBoundedFile(file, options.path, maxFileBytes(), 'read');
  } catch (error) {
    if (!(error instanceof InputError) || (error.detail.ruleId !== 'read/missing' && error.detail.ruleId !== 'read/io')) throw error;
    throw new InputError({
      reason: error.detail.ruleId === 'read/missing' ? 'the source document does not exist' : `the source document cannot be read (${error.detail.reason})`,
      ruleId: 'read/io',
      source: 'read',
      severity: 'error',
      fatal: true,
      file: options.path,
      hint: 'check the `documents` list in l10n.config.yaml',
    });
  }
  const text = decodeUtf8(bytes, options.path);
  refuseControlCharacters(text, options.path);
  const read = readText(text, {
    name: documentName(options.path),
    path: options.path,
    language: options.language,
    ...(options.textRules === undefined ? {} : { rules: options.textRules }),
  });
  const lost = replacementCharacters(text, options.path);
  if (lost !== undefined) read.messages.unshift(lost);
  return read;
}

/**
 * Refuses a text with control characters or noncharacters (`pipeline/characters.ts`): one fatal
 * message at the first, naming the others' places, so the document stops before its sentences
 * reach an XLIFF file or an output.
 */
function refuseControlCharacters(text: string, file: string): void {
  const found = findCharacters(text);
  const first = found[0];
  if (first === undefined) return;
  const char = String.fromCodePoint(parseInt(first.code.slice(2), 16));
  const meaning = windows1252Meaning(char);
  const more = found.length === 1 ? '' : ` (${found.length} control characters in all, also at ${found.slice(1, 11).map((f) => `${f.line}:${f.column}`).join(', ')}${found.length > 11 ? ', …' : ''})`;
  throw new InputError({
    reason: `the text has ${describeCharacter(char)} (${first.code}), which translators cannot see and XLIFF cannot carry${more}`,
    ruleId: 'read/control-character',
    source: 'read',
    severity: 'error',
    fatal: true,
    file,
    line: first.line,
    column: first.column,
    actual: first.code,
    hint: meaning !== undefined
      ? `the file was converted from Windows-1252 as if it were Latin-1, where this byte is "${meaning}": convert the original again as Windows-1252, or replace the character with "${meaning}"`
      : 'remove it (usually left over from a failed download or a word processor\'s page break), or replace it with a space or a line break; then run the command again',
  });
}

/** A warning for U+FFFD: a character an earlier conversion could not decode and replaced. */
function replacementCharacters(text: string, file: string): Message | undefined {
  const found = findCharacters(text, /\uFFFD/gu);
  const first = found[0];
  if (first === undefined) return undefined;
  return {
    reason: `the text has ${found.length === 1 ? 'a replacement character' : `${found.length} replacement characters`} (U+FFFD, shown as "�"): characters lost before the file reached l10n`,
    ruleId: 'read/replacement-character',
    source: 'read',
    severity: 'warning',
    file,
    line: first.line,
    column: first.column,
    hint: 'compare with the original article and put the lost characters back (usually umlauts or quotation marks)',
  };
}
