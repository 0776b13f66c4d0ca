/**
 * The read stage: the source file's bytes → text → the format's reader → a Document with blocks.
 * I/O and encoding problems, and a file no format reads, stop the document with a message that
 * names the file.
 */
import { readFileSync } from 'node:fs';
import { decodeUtf8 } from '../files.js';
import type { DocumentFile, Stage } from '../file.js';
import { BLOCK_KIND } from '../model.js';
import type { RunContext } from './context.js';

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
      file.bytes = readFileSync(file.absolutePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      fail(
        code === 'ENOENT' ? 'the source document does not exist' : `the source document cannot be read (${code ?? 'unknown error'})`,
        'read/io',
        'check the `documents` list in l10n.config.yaml',
      );
    }
    file.text = decodeUtf8(file.bytes as Uint8Array, file.path);
    const { document, messages } = (format as NonNullable<typeof format>).read({
      text: file.text,
      path: file.path,
      name: file.name,
      language: project.config.sourceLanguage,
    });
    for (const block of document.blocks) {
      if (!BLOCK_KIND.test(block.kind)) throw new RangeError(`format ${format?.id}: block kind "${block.kind}" is not lower-case letters, digits and hyphens`);
    }
    for (const m of messages) file.message(m);
    file.document = document;
  },
};
