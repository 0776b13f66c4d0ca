/**
 * Where keys are written in a source file, and the comment above each: i18next-parser's lexers
 * return keys in file order but without positions, so the keys are found again in the text,
 * each after the previous one, where the code names them (`t('key'`, `i18nKey="key"`,
 * `data-i18n="key"`); the comment right above the call or element becomes a translator's note.
 */
import { LineIndex } from './json.js';
import type { StringsOptions } from './options.js';
import { escapeRegExp } from './regexp.js';

/** The lexer a file is read with. */
export type FileKind = 'javascript' | 'jsx' | 'html';

/** Finds, in order, where the lexers' keys are written in one file, and the comments above them. */
export class Locator {
  private cursor = 0;
  private warningCursor = 0;
  private readonly lines: LineIndex;

  constructor(
    private readonly text: string,
    private readonly kind: FileKind,
    private readonly options: StringsOptions,
  ) {
    this.lines = new LineIndex(text);
    const names = this.functionNames;
    this.keyContext =
      kind === 'html'
        ? new RegExp(`${escapeRegExp(options.htmlAttribute)}\\s*=\\s*["']?[^"'<>]*$`, 'u')
        : new RegExp(`(?:(?<![\\w$])(?:${names})\\s*\\(\\s*|\\bi18nKey\\s*=\\s*\\{?\\s*)$`, 'u');
    this.commentedCall = new RegExp(`(^|[^\\w$])(${names})\\(`, 'u');
  }

  /**
   * Offset of a key as written (or of its Trans element), searched from the previous key on:
   * first as the first argument of a call or as a key attribute, then anywhere as a literal.
   */
  locate(rawKey: string, fromTrans: boolean): number | undefined {
    const literals = this.kind === 'html' ? [rawKey, rawKey.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;')] : jsLiterals(rawKey);
    const next = (from: number): number => {
      let best = -1;
      for (const literal of literals) {
        const at = this.text.indexOf(literal, from);
        if (at !== -1 && (best === -1 || at < best)) best = at;
      }
      return best;
    };
    const search = (from: number): number | undefined => {
      let first: number | undefined;
      for (let at = next(from); at !== -1; at = next(at + 1)) {
        first ??= at;
        if (this.keyContext.test(this.text.slice(Math.max(0, at - 120), at))) return at;
      }
      if (first === undefined && this.kind === 'jsx' && fromTrans) {
        for (const component of this.options.transComponents) {
          const at = this.text.indexOf(`<${component}`, from);
          if (at !== -1 && (first === undefined || at < first)) first = at;
        }
      }
      return first;
    };
    const at = search(this.cursor) ?? search(0);
    if (at !== undefined) this.cursor = at + 1;
    return at;
  }

  /** What precedes a key where it is used: `t(` (also `i18n.t(`), `i18nKey=`, or the HTML key attribute. */
  private readonly keyContext: RegExp;
  /** A commented-out call (`// t('key')`), which is a key for the lexers, not a note. */
  private readonly commentedCall: RegExp;

  /** The translation functions as a RegExp alternation (`t`, also as `i18n.t`). */
  private get functionNames(): string {
    return this.options.functions.map(escapeRegExp).join('|');
  }

  /** Line and column of an offset. */
  place(offset: number): { line: number; column: number } {
    const p = this.lines.place(offset);
    return { line: p.line, column: p.column };
  }

  /** Offset of the expression a located key belongs to: the call `t(…)`, or the tag `<Trans …>` / `<a data-i18n>`. */
  anchor(at: number): number {
    const text = this.text;
    if (text.charAt(at) === '<') return at;
    if (this.kind === 'html') return Math.max(0, text.lastIndexOf('<', at));
    let j = at - 1;
    while (j >= 0 && /\s/u.test(text.charAt(j))) j -= 1;
    if (text.charAt(j) === '(') {
      j -= 1;
      while (j >= 0 && /\s/u.test(text.charAt(j))) j -= 1;
      while (j >= 0 && /[\w$.]/u.test(text.charAt(j))) j -= 1;
      return j + 1;
    }
    if (text.charAt(j) === '{') j -= 1;
    if (text.charAt(j) === '=') return Math.max(0, text.lastIndexOf('<', j));
    return at;
  }

  /** The comment right before an expression: on its line, or on the line(s) directly above. */
  commentBefore(anchor: number): string | undefined {
    const text = this.text;
    const lineStart = text.lastIndexOf('\n', anchor - 1) + 1;
    const sameLine = text.slice(lineStart, anchor);
    const inline = /(\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->)\s*\}?\s*$/u.exec(sameLine);
    if (inline !== null) return this.clean(inline[1] as string);
    if (lineStart === 0) return undefined;
    const lineAbove = (end: number): { start: number; text: string } => {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      return { start, text: text.slice(start, end).replace(/\r$/u, '') };
    };
    let above = lineAbove(lineStart - 1);
    // A call that continues the statement above (`const label =` / `=>` on the line before) takes
    // the comment above the statement.
    if (sameLine.trim() === '') {
      while (above.start > 0 && /(=>|=|\(|\?|:|&&|\|\||\breturn)\s*$/u.test(above.text) && !/^\s*(\/\/|\/?\*)/u.test(above.text)) {
        above = lineAbove(above.start - 1);
      }
    }
    const trimmed = above.text.trimEnd();
    if (/^\s*\/\//u.test(above.text)) {
      const parts: string[] = [];
      while (/^\s*\/\//u.test(above.text)) {
        parts.unshift(above.text);
        if (above.start === 0) break;
        above = lineAbove(above.start - 1);
      }
      return this.clean(parts.join('\n'));
    }
    const blockEnd = /(\*\/\s*\}?|-->)$/u.exec(trimmed);
    if (blockEnd !== null) {
      const end = above.start + trimmed.length;
      const opener = blockEnd[1]?.startsWith('-->') === true ? '<!--' : '/*';
      const start = text.lastIndexOf(opener, end);
      if (start !== -1) return this.clean(text.slice(start, end));
    }
    return undefined;
  }

  private clean(comment: string): string | undefined {
    const body = comment
      .replace(/^\s*\{?\s*(\/\*\*?|<!--)/u, '')
      .replace(/(\*\/|-->)\s*\}?\s*$/u, '')
      .split('\n')
      .map((line) => line.replace(/^\s*(\/\/+|\*(?!\/))?\s?/u, '').trim())
      .filter((line) => line !== '')
      .join(' ')
      .trim();
    if (body === '') return undefined;
    // A commented-out call is a key for the lexers, not a note; tool directives are no notes either.
    if (this.commentedCall.test(body) || /^(eslint|@ts-|prettier-ignore|istanbul|c8 )/u.test(body)) return undefined;
    const tag = this.options.commentTag;
    if (tag === '') return body;
    if (!body.toLowerCase().startsWith(tag.toLowerCase())) return undefined;
    return body.slice(tag.length).trim() || undefined;
  }

  /**
   * Where a lexer warning is about: for a key that is no literal, the next call whose first
   * argument is not a quoted string; otherwise the warning's subject (the expression after its
   * last ": "). Searched in order, from the previous warning on.
   */
  locateWarning(warning: string, dynamicKey: boolean): { line: number; column: number } | undefined {
    if (dynamicKey) {
      const literal = `(?:'(?:[^'\\\\\\n]|\\\\.)*'|"(?:[^"\\\\\\n]|\\\\.)*"|\`[^\`$]*\`)`;
      const call = new RegExp(`(?<![\\w$])(?:${this.functionNames})\\(\\s*(?!\\)|${literal}\\s*[,)])`, 'gu');
      call.lastIndex = this.warningCursor;
      const m = call.exec(this.text);
      if (m !== null) {
        this.warningCursor = m.index + 1;
        return this.place(m.index);
      }
    }
    const colon = warning.lastIndexOf(': ');
    const subject = colon === -1 ? '' : warning.slice(colon + 2).trim();
    if (subject === '' || subject === 'undefined') return undefined;
    let at = this.text.indexOf(subject, this.warningCursor);
    if (at === -1) at = this.text.indexOf(subject);
    if (at === -1) return undefined;
    this.warningCursor = at + 1;
    return this.place(at);
  }
}

/** The ways a key can be written as a JavaScript string literal. */
export function jsLiterals(key: string): string[] {
  const escaped = key.replace(/\\/gu, '\\\\').replace(/\n/gu, '\\n');
  return [`'${escaped.replace(/'/gu, "\\'")}'`, `"${escaped.replace(/"/gu, '\\"')}"`, `\`${escaped.replace(/`/gu, '\\`')}\``];
}
