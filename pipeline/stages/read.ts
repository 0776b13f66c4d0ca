/**
 * The read stage: the source file's bytes → text → the format's reader → a Document with blocks.
 * I/O and encoding problems, control characters, and a file no format reads stop the document
 * with a message that names the file (and the line and column where there is one).
 */
import { describeCharacter, findCharacters, windows1252Meaning } from '../characters.js';
import { decodeUtf8, maxFileBytes, readBoundedFile } from '../files.js';
import type { DocumentFile, Stage } from '../file.js';
import { BLOCK_KIND, InputError, type Message } from '../model.js';
import type { RunContext } from './context.js';

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

export const readStage: Stage<DocumentFile, RunContext> = {
  name: 'read',
  run(file, { project }) {
    const fail = (reason: string, ruleId: string, hint: string): never =>
      file.fail({ reason, ruleId, source: 'read', severity: 'error', file: file.path, hint });
    const format = file.format;
    if (format === undefined) {
      const dot = file.path.lastIndexOf('.');
      const extension = dot > file.path.lastIndexOf('/') ? file.path.slice(dot) : '';
      fail(`no reader for "${extension || 'files without an extension'}"`, 'read/format', `source documents are files a registered format reads: ${project.formats.extensions.join(', ')}`);
    }
    try {
      // Size first (stat): a huge file is refused before it is read, and never called missing.
      file.bytes = readBoundedFile(file.absolutePath, file.path, maxFileBytes(), 'read');
    } catch (error) {
      if (!(error instanceof InputError) || (error.detail.ruleId !== 'read/missing' && error.detail.ruleId !== 'read/io')) throw error;
      fail(
        error.detail.ruleId === 'read/missing' ? 'the source document does not exist' : `the source document cannot be read (${error.detail.reason})`,
        'read/io',
        'check the `documents` list in l10n.config.yaml',
      );
    }
    file.text = decodeUtf8(file.bytes as Uint8Array, file.path);
    refuseControlCharacters(file.text, file.path);
    const lost = replacementCharacters(file.text, file.path);
    if (lost !== undefined) file.message(lost);
    const { document, messages } = (format as NonNullable<typeof format>).read({
      text: file.text,
      path: file.path,
      name: file.name,
      language: project.config.sourceLanguage,
      options: project.config.formats.get((format as NonNullable<typeof format>).id) ?? new Map(),
    });
    for (const block of document.blocks) {
      if (!BLOCK_KIND.test(block.kind)) throw new RangeError(`format ${format?.id}: block kind "${block.kind}" is not lower-case letters, digits and hyphens`);
    }
    for (const m of messages) file.message(m);
    file.document = document;
  },
};
