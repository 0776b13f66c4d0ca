/**
 * Reading source documents: picks the reader for a file and turns I/O problems into messages
 * with the file's name.
 */
import path from 'node:path';
import { InputError, type Document, type Message } from '../model.js';
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
  return readText(text, {
    name: documentName(options.path),
    path: options.path,
    language: options.language,
    ...(options.textRules === undefined ? {} : { rules: options.textRules }),
  });
}
