/**
 * Reads TMX (1.4b, and the 1.1–1.4 files tools still write) with the project's safe XML parser
 * (`pipeline/xml/`), like the XLIFF reader: strict UTF-8 (or UTF-16 with a BOM), an XML declaration
 * naming another encoding refused, no DOCTYPE, a size and a depth limit, positions in every error. Inline codes (`bpt`, `ept`, `ph`, `it`, `ut`) are native code, not text; `hi` is
 * text; `sub` is a sub-flow inside a code and is left out of the sentence.
 */
import { DEFAULT_MAX_MEMORY_FILE_MB } from '../limits.js';
import { InputError, type Message } from '../model.js';

/** Largest TMX file read by default: 200 MiB, far above any real memory of a newsroom. */
export const TMX_MAX_BYTES = DEFAULT_MAX_MEMORY_FILE_MB * 1024 * 1024;
import { checkLimits, detach, elementsOf, parseXmlTree, textOf, type XmlFormat, type XmlTreeElement } from '../xml/index.js';

/** Limits of the TMX reader. */
export interface TmxReadOptions {
  /** Largest file accepted, in bytes. Range 1…2^31; default 200 MiB (memories grow large). */
  readonly maxBytes?: number;
  /** Deepest element nesting accepted. Range 1…10 000; default 64. */
  readonly maxDepth?: number;
}

/** TMX as the shared XML parser names it: `tmx/…` rule ids from the memory import stage. */
export const TMX_FORMAT: XmlFormat = {
  rulePrefix: 'tmx',
  source: 'memory-import',
  name: 'TMX',
  hints: {
    'not-well-formed': 'The file is damaged or was cut short. Export the memory again as TMX from the translation tool; nothing was imported.',
    encoding: 'Export the memory as UTF-8 TMX from the translation tool.',
  },
};

/** One language variant of a translation unit. */
export interface TmxVariant {
  /** `xml:lang` (1.4) or `lang` (1.1–1.3), as written. */
  readonly language: string;
  readonly text: string;
}

/** One `<tu>`: its variants and properties. */
export interface TmxUnit {
  readonly variants: readonly TmxVariant[];
  /** `<prop type="…">` values; the last wins for a repeated type. */
  readonly props: ReadonlyMap<string, string>;
  readonly line: number;
}

export interface ParsedTmx {
  readonly file: string;
  /** Header `srclang` (may be `*all*`). */
  readonly sourceLanguage: string | undefined;
  /** Header `creationtool`, for the origin of imported entries. */
  readonly tool: string | undefined;
  readonly units: readonly TmxUnit[];
  readonly messages: readonly Message[];
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Elements whose content is native code. */
const CODES = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

function fail(file: string, ruleId: string, reason: string, hint: string, at?: XmlTreeElement): never {
  throw new InputError({ reason, ruleId, source: 'memory-import', severity: 'error', fatal: true, file, line: at?.line, column: at?.column, hint });
}

/**
 * Reads a TMX file.
 *
 * @throws InputError (`tmx/…` rule, file, line, column, hint) when it cannot be used.
 */
export function readTmx(bytes: Uint8Array, file: string, options: TmxReadOptions = {}): ParsedTmx {
  const { maxBytes, maxDepth } = checkLimits(options, 'readTmx', { maxBytes: TMX_MAX_BYTES, maxDepth: 64 });
  const units: TmxUnit[] = [];
  const messages: Message[] = [];
  let root: XmlTreeElement | undefined;
  parseXmlTree(bytes, { file, format: TMX_FORMAT, maxBytes, maxDepth }, {
    open: (node, ancestors) => {
      if (ancestors.length === 0) {
        root = node;
        if (node.local !== 'tmx') fail(file, 'tmx/not-tmx', `the root element is <${node.name}>, not <tmx>`, 'Export the memory as TMX from the translation tool.', node);
      }
    },
    close: (node, ancestors) => {
      // Only the header stays in the tree. Everything in <body> is dropped as it closes, outside
      // a <tu> being read: a unit once read, anything else (a tool's wrapper, stray elements)
      // unread, so no shape of file makes the tree hold the memory whole.
      if (ancestors[1]?.local !== 'body') return ancestors.length === 1 && node.local !== 'header';
      if (ancestors.some((a) => a.local === 'tu')) return false;
      if (node.local === 'tu' && ancestors.length === 2) units.push(readUnit(node, file, messages));
      return true;
    },
  });
  const header = root === undefined ? undefined : elementsOf(root).find((e) => e.local === 'header');
  if (root === undefined || header === undefined) {
    fail(file, 'tmx/no-header', 'the TMX file has no <header>', 'Every TMX file has a header naming its source language; export it again.', root);
  }
  return { file, sourceLanguage: header.attrs.get('srclang'), tool: header.attrs.get('creationtool'), units, messages };
}

function readUnit(node: XmlTreeElement, file: string, messages: Message[]): TmxUnit {
  const variants: TmxVariant[] = [];
  const props = new Map<string, string>();
  for (const child of elementsOf(node)) {
    if (child.local === 'prop') props.set(child.attrs.get('type') ?? '', textOf(child));
    if (child.local !== 'tuv') continue;
    const language = child.foreignAttrs.get(`{${XML_NS}}lang`) ?? child.attrs.get('lang');
    const seg = elementsOf(child).find((e) => e.local === 'seg');
    if (language === undefined || seg === undefined) {
      messages.push({
        reason: `a <tuv> ${language === undefined ? 'without a language' : 'without a <seg>'} was skipped`,
        ruleId: 'tmx/incomplete-variant',
        source: 'memory-import',
        severity: 'warning',
        file,
        line: child.line,
        column: child.column,
        hint: 'Each <tuv> needs xml:lang and a <seg>.',
      });
      continue;
    }
    variants.push({ language, text: detach(segText(seg)) });
  }
  return { variants, props, line: node.line };
}

/** Text of a `<seg>`: text and `<hi>` content; codes and their sub-flows left out. */
function segText(node: XmlTreeElement): string {
  let out = '';
  for (const child of node.children) {
    if (child.type === 'text') out += child.text;
    else if (!CODES.has(child.local) && child.local !== 'sub') out += segText(child);
  }
  return out;
}
