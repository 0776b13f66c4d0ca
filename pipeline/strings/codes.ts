/**
 * Inline codes of i18next values: what a translator must keep exactly and may move, never break.
 *
 * - Interpolations: `{{name}}`, `{{count, number}}`, `{{- html}}` (prefix and suffix configurable).
 * - Nesting: `$t(key)`, `$t(key, {"count": 1})` (a nested key; parentheses and quoted strings
 *   inside the options are balanced).
 * - Tags of the Trans component and HTML in values: numbered `<0>…</0>`, `<1/>`, named
 *   `<strong>…</strong>`, `<br/>`. An opening tag and its closing tag are a pair (one id, kinds
 *   `open` and `close`); a tag without partner is `standalone`.
 *
 * Codes are zero-width: `CodedText.text` is the value without the markup, and each code sits at
 * an offset of that text, carrying the markup it stands for in `data`. `renderCodedText` puts
 * the markup back, so parsing then rendering gives the value back unchanged.
 */
import type { CodeKind, InlineCode as ModelCode } from '../model.js';
import type { InterpolationSyntax, NestingSyntax } from './options.js';

export type { CodeKind };
export type CodeType = 'interpolation' | 'nesting' | 'tag';

/**
 * A code of an i18next value: the model's inline code (`pipeline/model/codes.ts`: id, kind, type,
 * the markup as `data`, its offset `at`), so a catalog's values travel through segments, XLIFF and
 * checks like any document's, plus the signature that identifies it across languages.
 */
export interface InlineCode extends ModelCode {
  /** Unique in its text, except that an `open` and its `close` share one id. */
  readonly id: string;
  readonly type: CodeType;
  /** The original markup: `{{count, number}}`, `$t(key)`, `<1>`, `</strong>`. */
  readonly data: string;
  /**
   * What identifies the code across languages, spacing normalised: `{{count, number}}`,
   * `$t(key, {"count": 1})`, `<1>`, `</1>`, `<br/>`. Two codes with equal signatures are the
   * same code.
   */
  readonly signature: string;
}

/** A value split into translatable text and the codes inside it. */
export interface CodedText {
  readonly text: string;
  readonly codes: readonly InlineCode[];
}

/** The markup conventions a value is parsed with. */
export interface CodeSyntax {
  readonly interpolation: InterpolationSyntax;
  readonly nesting: NestingSyntax;
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9_.:-]*|[0-9]+)((?:\s+[^<>]*?)?)\s*(\/?)>/y;

interface RawCode {
  readonly type: CodeType;
  readonly data: string;
  readonly at: number;
  readonly signature: string;
  /** For tags: name, and whether it opens, closes or stands alone (`<br/>`). */
  readonly tag?: { readonly name: string; readonly role: 'open' | 'close' | 'self' };
}

/** End offset (exclusive) of a nesting code starting at `start`, or -1 when it is not closed. */
function nestingEnd(raw: string, start: number, syntax: NestingSyntax): number {
  let depth = 0;
  let quote = '';
  for (let j = start + syntax.prefix.length; j < raw.length; j++) {
    const c = raw[j] as string;
    if (quote !== '') {
      if (c === '\\') j += 1;
      else if (c === quote) quote = '';
      continue;
    }
    if (depth === 0 && raw.startsWith(syntax.suffix, j)) return j + syntax.suffix.length;
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '{' || c === '[') depth += 1;
    else if ((c === ')' || c === '}' || c === ']') && depth > 0) depth -= 1;
  }
  return -1;
}

function interpolationSignature(inner: string, syntax: InterpolationSyntax): string {
  let body = inner.trim();
  let unescaped = '';
  if (body.startsWith(syntax.unescapePrefix)) {
    unescaped = `${syntax.unescapePrefix} `;
    body = body.slice(syntax.unescapePrefix.length).trim();
  }
  const parts = body.split(syntax.formatSeparator).map((p) => p.trim());
  return `${syntax.prefix}${unescaped}${parts.join(`${syntax.formatSeparator} `)}${syntax.suffix}`;
}

/** Splits a value into text and inline codes (see the module comment). */
export function parseCodes(raw: string, syntax: CodeSyntax): CodedText {
  const { interpolation, nesting } = syntax;
  const found: RawCode[] = [];
  let text = '';
  let i = 0;
  // Only three strings can start a code: jump from one to the next, copying the text between.
  const nextCandidate = (from: number): number => {
    let next = raw.length;
    for (const start of [interpolation.prefix, nesting.prefix, '<']) {
      const at = raw.indexOf(start, from);
      if (at !== -1 && at < next) next = at;
    }
    return next;
  };
  while (i < raw.length) {
    const candidate = nextCandidate(i);
    if (candidate > i) {
      text += raw.slice(i, candidate);
      i = candidate;
      continue;
    }
    if (raw.startsWith(interpolation.prefix, i)) {
      const end = raw.indexOf(interpolation.suffix, i + interpolation.prefix.length);
      const inner = end === -1 ? '' : raw.slice(i + interpolation.prefix.length, end);
      if (end !== -1 && inner.trim() !== '' && !inner.includes(interpolation.prefix)) {
        const data = raw.slice(i, end + interpolation.suffix.length);
        found.push({ type: 'interpolation', data, at: text.length, signature: interpolationSignature(inner, interpolation) });
        i += data.length;
        continue;
      }
    }
    if (raw.startsWith(nesting.prefix, i)) {
      const end = nestingEnd(raw, i, nesting);
      if (end !== -1 && end > i + nesting.prefix.length + nesting.suffix.length) {
        const data = raw.slice(i, end);
        found.push({ type: 'nesting', data, at: text.length, signature: data.replace(/\s+/gu, ' ') });
        i = end;
        continue;
      }
    }
    if (raw.charCodeAt(i) === 0x3c) {
      TAG.lastIndex = i;
      const m = TAG.exec(raw);
      if (m !== null) {
        const closing = m[1] === '/';
        const name = m[2] as string;
        const attributes = (m[3] ?? '').trim();
        const selfClosing = m[4] === '/';
        if (!(closing && (selfClosing || attributes !== ''))) {
          const role = closing ? 'close' : selfClosing ? 'self' : 'open';
          const signature = role === 'close' ? `</${name}>` : `<${name}${attributes === '' ? '' : ` ${attributes.replace(/\s+/gu, ' ')}`}${role === 'self' ? '/' : ''}>`;
          found.push({ type: 'tag', data: m[0], at: text.length, signature, tag: { name, role } });
          i += m[0].length;
          continue;
        }
      }
    }
    text += raw[i];
    i += 1;
  }
  return { text, codes: assignKinds(found) };
}

/** Pairs opening and closing tags (innermost first) and numbers the codes in order. */
function assignKinds(found: readonly RawCode[]): InlineCode[] {
  const partner = new Map<number, number>();
  const stack: number[] = [];
  found.forEach((code, index) => {
    if (code.tag?.role === 'open') stack.push(index);
    else if (code.tag?.role === 'close') {
      for (let s = stack.length - 1; s >= 0; s--) {
        const open = stack[s] as number;
        if (found[open]?.tag?.name === code.tag.name) {
          partner.set(open, index);
          partner.set(index, open);
          stack.length = s;
          break;
        }
      }
    }
  });
  const ids = new Map<number, string>();
  let next = 1;
  return found.map((code, index) => {
    const other = partner.get(index);
    let id = ids.get(index);
    if (id === undefined) {
      id = String(next++);
      ids.set(index, id);
      if (other !== undefined) ids.set(other, id);
    }
    const kind: CodeKind = other === undefined ? 'standalone' : code.tag?.role === 'open' ? 'open' : 'close';
    return { id, kind, type: code.type, data: code.data, at: code.at, signature: code.signature };
  });
}

/** Text and codes in reading order: strings for text runs, codes in between. */
export function toRuns(coded: CodedText): (string | InlineCode)[] {
  const runs: (string | InlineCode)[] = [];
  let offset = 0;
  const codes = [...coded.codes].sort((a, b) => a.at - b.at);
  for (const code of codes) {
    if (code.at > offset) runs.push(coded.text.slice(offset, code.at));
    offset = Math.max(offset, code.at);
    runs.push(code);
  }
  if (offset < coded.text.length) runs.push(coded.text.slice(offset));
  return runs;
}

/** The inverse of `toRuns`: codes take the offsets where they now stand. */
export function fromRuns(runs: readonly (string | InlineCode)[]): CodedText {
  let text = '';
  const codes: InlineCode[] = [];
  for (const run of runs) {
    if (typeof run === 'string') text += run;
    else codes.push({ ...run, at: text.length });
  }
  return { text, codes };
}

/**
 * The value with its markup back in place. A code without `data` (as some XLIFF placeholders
 * come back from a CAT tool) takes the markup of the `source` code with the same id and kind.
 */
export function renderCodedText(coded: CodedText, source?: CodedText): string {
  let out = '';
  for (const run of toRuns(coded)) {
    if (typeof run === 'string') out += run;
    else if (run.data !== '' || source === undefined) out += run.data;
    else out += source.codes.find((c) => c.id === run.id && c.kind === run.kind)?.data ?? '';
  }
  return out;
}

/** A difference between the codes of a source and of its translation. */
export interface CodeProblem {
  /**
   * missing: a source code is not in the target. added: the target has a code the source does
   * not (`repeated` when it repeats a variable the source has, which i18next renders fine).
   * unpaired: a tag pair of the source is broken or crossed in the target.
   */
  readonly problem: 'missing' | 'added' | 'repeated' | 'unpaired';
  readonly signature: string;
}

/** A code's signature from its markup alone: white space runs as one space (for codes that carry no signature). */
export function markupSignature(code: Pick<ModelCode, 'data'>): string {
  return code.data.replace(/\s+/gu, ' ');
}

/** The closing tag of an opening tag's signature (`<strong>` → `</strong>`), or undefined for a code that is no tag. */
function closingTag(signature: string): string | undefined {
  const name = /^<([^\s/>]+)/u.exec(signature)?.[1];
  return name === undefined || signature.startsWith('</') ? undefined : `</${name}>`;
}

/**
 * Compares a target's codes with its source's: every code kept (as many times), none added,
 * tag pairs still pairs, opened before they close and not crossing another pair. Order may
 * change otherwise (word order differs between languages, and i18next and the Trans component
 * find codes by name or number, not by position). Codes are identified by `signatureOf`: the
 * signature `parseCodes` gives, or for codes that come back from an XLIFF file (whose markup was
 * taken from the source's code with their id) `markupSignature`.
 */
export function compareCodes<C extends ModelCode>(
  source: { readonly codes: readonly C[] },
  target: { readonly codes: readonly C[] },
  signatureOf: (code: C) => string = (code) => (code as unknown as InlineCode).signature,
): CodeProblem[] {
  const count = (codes: readonly C[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const code of codes) {
      const signature = signatureOf(code);
      counts.set(signature, (counts.get(signature) ?? 0) + 1);
    }
    return counts;
  };
  const sourceCounts = count(source.codes);
  const targetCounts = count(target.codes);
  const problems: CodeProblem[] = [];
  for (const [signature, n] of sourceCounts) {
    const m = targetCounts.get(signature) ?? 0;
    for (let k = m; k < n; k++) problems.push({ problem: 'missing', signature });
  }
  for (const [signature, m] of targetCounts) {
    const n = sourceCounts.get(signature) ?? 0;
    const repeatsVariable = n > 0 && !signature.startsWith('<');
    for (let k = n; k < m; k++) problems.push({ problem: repeatsVariable ? 'repeated' : 'added', signature });
  }
  const unpaired = new Set<string>();
  const pairs = (codes: readonly C[]): Map<string, number> => count(codes.filter((c) => c.kind === 'open'));
  const targetPairs = pairs(target.codes);
  const sourcePairs = pairs(source.codes);
  for (const [signature, n] of sourcePairs) {
    const m = targetPairs.get(signature) ?? 0;
    // A tag missing altogether, or one of its halves, is reported as missing; here only pairs whose halves are both there.
    const closing = closingTag(signature) ?? '';
    if (m < n && (targetCounts.get(signature) ?? 0) > m && (targetCounts.get(closing) ?? 0) > m) unpaired.add(signature);
  }
  // Opened pairs must close innermost first: a close that is not the innermost open's crosses a pair.
  const stack: string[] = [];
  for (const code of target.codes) {
    const signature = signatureOf(code);
    if (code.kind === 'open' && sourcePairs.has(signature)) stack.push(signature);
    else if (code.kind === 'close') {
      const at = stack.findLastIndex((open) => closingTag(open) === signature);
      if (at === -1) continue;
      for (const crossed of stack.slice(at + 1)) unpaired.add(crossed);
      stack.length = at;
    }
  }
  // An open never closed after it (its close came first, or not at all).
  for (const open of stack) if ((targetCounts.get(closingTag(open) ?? '') ?? 0) > 0) unpaired.add(open);
  for (const signature of unpaired) problems.push({ problem: 'unpaired', signature });
  return problems;
}

/**
 * Gives a target's codes the ids of the matching source codes (same signature, in order; a
 * closing tag takes the id of its opening tag), so a writer can reference the source's codes.
 * Codes without a match keep a fresh id (`x1`, `x2`, …).
 */
export function alignCodeIds(source: CodedText, target: CodedText): CodedText {
  const pool = new Map<string, string[]>();
  for (const code of source.codes) {
    if (code.kind === 'close') continue;
    const list = pool.get(code.signature) ?? [];
    list.push(code.id);
    pool.set(code.signature, list);
  }
  const byTargetId = new Map<string, string>();
  let fresh = 1;
  const codes = target.codes.map((code) => {
    let id = byTargetId.get(code.id);
    if (id === undefined) {
      id = code.kind === 'close' ? undefined : pool.get(code.signature)?.shift();
      id ??= `x${fresh++}`;
      if (code.kind !== 'standalone') byTargetId.set(code.id, id);
    }
    return { ...code, id };
  });
  return { text: target.text, codes };
}

/**
 * The key a nesting code refers to, and whether it passes a count: `$t(common:nav.home)` →
 * `common:nav.home`; `$t(items, {"count": 2})` → `items`, counted. The key may be quoted.
 */
export function nestingReference(data: string, syntax: NestingSyntax): { readonly key: string; readonly counted: boolean } {
  const inner = data.slice(syntax.prefix.length, data.length - syntax.suffix.length);
  const comma = inner.indexOf(',');
  const rawKey = (comma === -1 ? inner : inner.slice(0, comma)).trim();
  const key = /^(["'`]).*\1$/u.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
  const counted = comma !== -1 && /["']?count["']?\s*:/u.test(inner.slice(comma + 1));
  return { key, counted };
}
