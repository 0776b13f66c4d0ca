/**
 * Options of the project's safe XML parser: which format is being read (for rule ids and hints),
 * the limits, and what to do with a DOCTYPE. One options object per read; every field is checked
 * up front with "expected X, got Y".
 */
import { DEFAULT_MAX_FILE_MB, DEFAULT_MAX_XML_DEPTH } from '../limits.js';

/** What can go wrong below the format: each becomes the rule `<rulePrefix>/<name>`. */
export type XmlProblem =
  | 'too-large'
  | 'too-deep'
  | 'doctype'
  | 'not-well-formed'
  | 'empty'
  | 'encoding'
  | 'invalid-utf8'
  | 'invalid-encoding';

/** The format a reader reads: names its rules and words its hints. */
export interface XmlFormat {
  /** Rule-id prefix: `xliff` gives `xliff/doctype`; `segment` with a rule name `srx-doctype` gives `segment/srx-doctype`. */
  readonly rulePrefix: string;
  /** `Message.source`, the stage reporting: `xliff-import`, `memory-import`, `tbx-import`, `segment`. */
  readonly source: string;
  /** The format's name in reasons and default hints: `XLIFF`, `TMX`, `TBX`, `SRX`. */
  readonly name: string;
  /** Rule names that differ from the problem's name, e.g. `{ 'not-well-formed': 'xml-syntax' }`. */
  readonly ruleNames?: Partial<Readonly<Record<XmlProblem, string>>>;
  /** Hints that differ from the defaults (see `defaultHint`), e.g. naming the tool that exports the format. */
  readonly hints?: Partial<Readonly<Record<XmlProblem, string>>>;
}

/**
 * How a DOCTYPE is treated. saxes never fetches a DTD nor expands a declared entity, but an internal
 * subset is where entity bombs and external entities live, so:
 * - `refuse` (default): any DOCTYPE is refused (XLIFF, TMX, SRX need none);
 * - `external-only`: a DOCTYPE that only names an external DTD (`<!DOCTYPE martif SYSTEM "x.dtd">`,
 *   as Trados MultiTerm writes TBX) is accepted and the DTD is never read; one with an internal
 *   subset (`[ … ]`) is refused.
 */
export type DoctypePolicy = 'refuse' | 'external-only';

/** Options of `parseXml` and `parseXmlTree`. */
export interface SafeXmlOptions {
  /** The file name used in messages (project-relative where possible). Required. */
  readonly file: string;
  /** The format being read. Required. */
  readonly format: XmlFormat;
  /** Largest input accepted, in bytes (UTF-8 bytes for a string input). Range 1…2^31; default 100 MiB. */
  readonly maxBytes?: number;
  /** Deepest element nesting accepted (the root is depth 1). Range 1…10 000; default 256. */
  readonly maxDepth?: number;
  /** What to do with a DOCTYPE; default `refuse`. */
  readonly doctype?: DoctypePolicy;
  /**
   * Resolve namespaces (default true): elements and attributes get their namespace URI and local
   * name, and an unbound prefix is a well-formedness error. False: names stay as written (`local`
   * is the part after a colon, `uri` is ''), for formats read without namespaces (TBX 2, SRX).
   */
  readonly namespaces?: boolean;
}

/** Default size limit (`pipeline/limits.ts`): generous for any article, glossary or memory, small enough to stop a runaway file. */
export const DEFAULT_MAX_BYTES = DEFAULT_MAX_FILE_MB * 1024 * 1024;
/** Default nesting limit (`pipeline/limits.ts`). Real XLIFF, TMX, TBX and SRX nest fewer than 20 levels. */
export const DEFAULT_MAX_DEPTH = DEFAULT_MAX_XML_DEPTH;

/** Options with every default filled in and checked. */
export interface ResolvedXmlOptions {
  readonly file: string;
  readonly format: XmlFormat;
  readonly maxBytes: number;
  readonly maxDepth: number;
  readonly doctype: DoctypePolicy;
  readonly namespaces: boolean;
}

/**
 * Checks the two limits every reader exposes; `caller` names the function in the error
 * (`readXliff: expected maxDepth to be an integer from 1 to 10000, got 0`).
 */
export function checkLimits(
  limits: { readonly maxBytes?: number; readonly maxDepth?: number },
  caller: string,
  defaults: { readonly maxBytes: number; readonly maxDepth: number } = { maxBytes: DEFAULT_MAX_BYTES, maxDepth: DEFAULT_MAX_DEPTH },
): { maxBytes: number; maxDepth: number } {
  const maxBytes = limits.maxBytes ?? defaults.maxBytes;
  const maxDepth = limits.maxDepth ?? defaults.maxDepth;
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > 2 ** 31) {
    throw new RangeError(`${caller}: expected maxBytes to be an integer from 1 to 2^31, got ${String(maxBytes)}`);
  }
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10_000) {
    throw new RangeError(`${caller}: expected maxDepth to be an integer from 1 to 10000, got ${String(maxDepth)}`);
  }
  return { maxBytes, maxDepth };
}

/** Fills in defaults and checks every field ("expected X, got Y"). */
export function resolveXmlOptions(options: SafeXmlOptions, caller = 'parseXml'): ResolvedXmlOptions {
  if (typeof options.file !== 'string') throw new TypeError(`${caller}: expected file to be a string, got ${typeof options.file}`);
  const format = options.format as XmlFormat | undefined;
  if (format === undefined || typeof format.rulePrefix !== 'string' || !/^[a-z][a-z0-9/-]*$/u.test(format.rulePrefix)) {
    throw new TypeError(`${caller}: expected format.rulePrefix to be lower-case letters, digits, '-' or '/', got ${String(format?.rulePrefix)}`);
  }
  const doctype = options.doctype ?? 'refuse';
  if (doctype !== 'refuse' && doctype !== 'external-only') {
    throw new TypeError(`${caller}: expected doctype to be "refuse" or "external-only", got ${String(doctype)}`);
  }
  const { maxBytes, maxDepth } = checkLimits(options, caller);
  return { file: options.file, format, maxBytes, maxDepth, doctype, namespaces: options.namespaces ?? true };
}
