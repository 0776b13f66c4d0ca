/**
 * The contract of a source format: which files it reads, how it recovers blocks (and their inline
 * markup) from a source with positions, and how it writes a translated document back from the
 * skeleton and the targets. A format is one module under `pipeline/formats/` plus one line in the
 * registry (`pipeline/formats/index.ts`); nothing else in the pipeline knows a file type.
 */
import type { Content, Document, Message } from '../model.js';

/** What a format's reader receives. */
export interface FormatReadInput {
  /** Decoded source text, exactly as in the file (a BOM stays as U+FEFF). */
  readonly text: string;
  /** Source path relative to the project root, forward slashes (messages name it). */
  readonly path: string;
  /** Document name (see `documentName`): names the XLIFF and output files. */
  readonly name: string;
  /** Source language, BCP 47. */
  readonly language: string;
}

/** What a format's reader returns: the document with its blocks (segments come later) and notices. */
export interface FormatReadResult {
  readonly document: Document;
  readonly messages: readonly Message[];
}

/**
 * What each segment is published as, by segment id: its target or, under policy `source`, its
 * source. A segment without an entry keeps its source.
 */
export type Targets = ReadonlyMap<string, Content>;

/** One file a format writes for a target language. */
export interface FormatOutput {
  /** File name relative to `output/<lang>/`, forward slashes (`a/b.txt`). */
  readonly name: string;
  readonly content: string;
}

/** What a format's writer knows besides the document and the targets. */
export interface FormatWriteContext {
  /** Target language, BCP 47. */
  readonly language: string;
}

/** A source format. */
export interface Format {
  /** Short id used in messages and the registry (`text`, `markdown`). Lower case, unique. */
  readonly id: string;
  /** One line for README and messages. */
  readonly description: string;
  /** File extensions the format reads, lower case with the dot (`.txt`). Unique across formats. */
  readonly extensions: readonly string[];
  /** The XLIFF 1.2 `datatype` of its documents (`plaintext`, `html`, `x-markdown`). */
  readonly datatype: string;
  /**
   * Paths (relative to the project root, forward slashes) of documents the format reads although
   * no extension of its says so: files the project configures (software strings: the German
   * catalog of each namespace, `source/locales/de/common.json`). They are documents when they
   * exist, wherever they are. Default: none.
   */
  readonly documents?: readonly string[];
  /**
   * How the segment stage treats the blocks. `sentences` (default): each block is split into
   * sentences by the project's SRX rules, and segments get ids from their text. `none`: the reader
   * fills every block's segments itself, ids included (software strings: one segment per key,
   * named by it, never split), and the segment stage leaves them as they are.
   */
  readonly segmentation?: 'sentences' | 'none';
  /**
   * Recovers the document's blocks from the source: each block with its kind (any lower-case name:
   * `title`, `paragraph`, `list-item`, `table-cell`, `alt`, …), its range in the text and, where the
   * format has inline markup, its content (text plus inline codes with their offsets). Never
   * changes a character: whatever lies outside the blocks is the skeleton.
   */
  read(input: FormatReadInput): FormatReadResult;
  /** The output files of a document, relative to `output/<lang>/` (the same names `write` returns). */
  outputNames(name: string, path: string): readonly string[];
  /** The translated document(s): skeleton plus targets. Pure: writes no file. */
  write(document: Document, targets: Targets, context: FormatWriteContext): readonly FormatOutput[];
  /**
   * The document as one target language sees it, when its units differ by language (software
   * strings: a plural key has the forms the language needs, French "one, many, other" where
   * German has "one, other"). Its XLIFF file, targets, checks, status and output are of this
   * document; `write` receives it. Called after the terms stage with the complete source
   * document; the result keeps the segments' term spans. Default: the source document itself.
   */
  forLanguage?(document: Document, language: string): Document;
}
