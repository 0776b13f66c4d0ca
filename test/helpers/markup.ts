/**
 * Reading, segmenting and writing one document of a markup format without a project: what the
 * Markdown and HTML tests share. Targets come from the pseudo-translator, so a test can give every
 * sentence back as it was (`identity`) or changed everywhere (`accent`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Format } from '../../pipeline/formats/format.js';
import { segmentsOf, type Content, type Document, type Message } from '../../pipeline/model.js';
import { pseudoTranslate, type PseudoMode } from '../../pipeline/pseudo/index.js';
import { createSegmenter } from '../../pipeline/segment/engine.js';
import { segmentDocument } from '../../pipeline/segment/stage.js';

/** A fixture of `test/fixtures/formats/<format>/`. */
export function fixture(format: string, name: string): string {
  return readFileSync(path.join('test/fixtures/formats', format, name), 'utf8');
}

const segment = segmentDocument(createSegmenter({ language: 'de', abbreviations: [] }));

/** Reads and segments a source text with a format. */
export function readSegmented(format: Format, text: string, fileName: string, options: ReadonlyMap<string, unknown> = new Map()): { document: Document; messages: readonly Message[] } {
  const { document, messages } = format.read({ text, path: `source/${fileName}`, name: fileName.replace(/\.[^.]+$/u, ''), language: 'de', options });
  segment(document);
  return { document, messages };
}

/** The document written with every sentence pseudo-translated (or given `targets`). */
export function writeWith(format: Format, document: Document, mode: PseudoMode | ReadonlyMap<string, Content>, language = 'en-XA'): string {
  const targets = typeof mode === 'string' ? new Map(segmentsOf(document).map((s) => [s.id, pseudoTranslate(s, mode, s.spans)] as const)) : mode;
  const outputs = format.write(document, targets, { language });
  return (outputs[0] as { content: string }).content;
}

/** The sentences of a document as `text` with codes shown as `{kind:type}`. */
export function sentences(document: Document): string[] {
  return segmentsOf(document).map((s) => {
    let out = '';
    let cursor = 0;
    for (const code of s.codes) {
      out += s.text.slice(cursor, code.at) + `{${code.kind === 'open' ? '' : code.kind === 'close' ? '/' : '!'}${code.type}}`;
      cursor = code.at;
    }
    return out + s.text.slice(cursor);
  });
}
