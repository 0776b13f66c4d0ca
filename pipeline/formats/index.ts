/**
 * The format registry: every source format the pipeline reads, one line each. A file is a
 * document when a registered format reads its extension. Adding a format = one module under
 * `pipeline/formats/` (see `format.ts` for the contract), its tests, and one line here.
 */
import type { StringsOptions } from '../strings/options.js';
import type { Format } from './format.js';
import { createStringsFormat, type StringsFormatSetup } from './strings/index.js';
import { textFormat } from './text/index.js';

export type { Format, FormatOutput, FormatReadInput, FormatReadResult, FormatWriteContext, Targets } from './format.js';
export { createStringsFormat, isStringsDocument, STRINGS_FORMAT_ID, type StringsDocument, type StringsFormatSetup } from './strings/index.js';

/** The formats of this build of the pipeline, in the order their extensions are tried. */
export const FORMATS: readonly Format[] = [textFormat];

/** What a project's configured formats are made from (see `configuredFormats`). */
export interface ConfiguredFormatSettings {
  /** Absolute project root. */
  readonly root: string;
  /** The config's `paths.output`. */
  readonly outputFolder: string;
  /** The config's `strings:` options, when it has the section. */
  readonly strings: StringsOptions | undefined;
  /** Comments from the site's code, per namespace and key (see `StringsFormatSetup.comments`). */
  readonly comments?: StringsFormatSetup['comments'];
}

/**
 * Formats that a project's settings make, beside `FORMATS`: their documents are the files the
 * config names, not a file type (software strings: the German catalogs of `strings.namespaces`).
 */
export function configuredFormats(settings: ConfiguredFormatSettings): Format[] {
  if (settings.strings === undefined) return [];
  return [createStringsFormat({ root: settings.root, options: settings.strings, outputFolder: settings.outputFolder, ...(settings.comments === undefined ? {} : { comments: settings.comments }) })];
}

/** A set of formats with lookup by extension (or configured path); checks that no two claim the same extension or path. */
export class FormatRegistry {
  private readonly byExtension = new Map<string, Format>();
  private readonly byPath = new Map<string, Format>();

  constructor(readonly formats: readonly Format[] = FORMATS) {
    for (const format of formats) {
      for (const claimed of format.documents ?? []) {
        const other = this.byPath.get(claimed);
        if (other !== undefined) throw new RangeError(`formats ${other.id} and ${format.id} both read "${claimed}"`);
        this.byPath.set(claimed, format);
      }
      if (!/^[a-z][a-z0-9-]*$/u.test(format.id)) throw new RangeError(`format id: expected lower-case letters, digits and hyphens, got "${format.id}"`);
      for (const extension of format.extensions) {
        if (!/^\.[a-z0-9]+(?:\.[a-z0-9]+)*$/u.test(extension)) {
          throw new RangeError(`format ${format.id}: expected extensions like ".txt" (lower case, with the dot), got "${extension}"`);
        }
        const other = this.byExtension.get(extension);
        if (other !== undefined) throw new RangeError(`formats ${other.id} and ${format.id} both read "${extension}"`);
        this.byExtension.set(extension, format);
      }
    }
  }

  /** The format that reads a path (a path a format claims, else by its extension, case folded), or undefined. */
  forPath(relativePath: string): Format | undefined {
    const claimed = this.byPath.get(relativePath);
    if (claimed !== undefined) return claimed;
    const base = relativePath.slice(relativePath.lastIndexOf('/') + 1).toLowerCase();
    // The longest registered extension that ends the name wins (".po.txt" before ".txt").
    let best: Format | undefined;
    let bestLength = 0;
    for (const [extension, format] of this.byExtension) {
      if (base.endsWith(extension) && base.length > extension.length && extension.length > bestLength) {
        best = format;
        bestLength = extension.length;
      }
    }
    return best;
  }

  /** Paths the formats claim (see `Format.documents`), in registry order. */
  get claimedPaths(): string[] {
    return [...this.byPath.keys()];
  }

  /** Every extension read, sorted: for messages ("source documents end in .txt"). */
  get extensions(): string[] {
    return [...this.byExtension.keys()].sort();
  }
}
