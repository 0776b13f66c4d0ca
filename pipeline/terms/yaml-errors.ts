/**
 * YAML syntax errors in words a terminologist understands, at the line they must fix.
 *
 * The `yaml` library reports where its parser noticed a problem, in parser terms: a line indented
 * too deep is reported as "Nested mappings are not allowed in compact mappings" and "Implicit keys
 * need to be on a single line", both at the value of the line *above*. This module looks at the
 * lines around each error, names the line that is wrong and says what is wrong with it
 * (indentation, a tab, a colon inside a value, a quote or bracket never closed), and merges the
 * follow-up errors one mistake causes into one message.
 */
import type { LineCounter, YAMLError } from 'yaml';

/** One explained syntax problem: offset of the place to fix, reason and hint in plain words. */
export interface SyntaxProblem {
  readonly ruleId: 'glossary/yaml-syntax' | 'glossary/duplicate-key';
  readonly offset: number;
  readonly reason: string;
  readonly hint: string;
}

/** The lines of a text with their start offsets; line numbers are 1-based. */
class Lines {
  private readonly starts: number[] = [0];
  private readonly texts: string[];

  constructor(text: string) {
    this.texts = text.split('\n').map((l) => l.replace(/\r$/, ''));
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.texts.length;
  }

  text(line: number): string {
    return this.texts[line - 1] ?? '';
  }

  offset(line: number, column = 1): number {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }

  /** True for a line with something other than white space and a comment. */
  hasContent(line: number): boolean {
    const trimmed = this.text(line).trim();
    return trimmed !== '' && !trimmed.startsWith('#');
  }

  previousContent(line: number): number | undefined {
    for (let l = line - 1; l >= 1; l--) if (this.hasContent(l)) return l;
    return undefined;
  }

  nextContent(line: number): number | undefined {
    for (let l = line + 1; l <= this.count; l++) if (this.hasContent(l)) return l;
    return undefined;
  }
}

/** True for a list item line ("- …"). */
function isItem(line: string): boolean {
  return /^ *-(?: |$)/.test(line);
}

/** Number of spaces before the first character of a line. */
function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

/** Column (1-based) where the key of a line starts, after its indentation and any `- ` markers. */
function keyColumn(line: string): number {
  return (/^ *(?:- +)*/.exec(line)?.[0].length ?? 0) + 1;
}

/** The `key` of a `key: value` line (after any `- `), or undefined. */
function keyOf(line: string): string | undefined {
  return /^ *(?:- +)*([^\s:#'"[{][^:#]*?|"[^"]*"|'[^']*') *:(?: |$)/.exec(line)?.[1];
}

/** The value of a `key: value` line, without a trailing comment, or undefined. */
function valueOf(line: string): string | undefined {
  const m = /^ *(?:- +)*(?:[^\s:#'"[{][^:#]*?|"[^"]*"|'[^']*') *: +(.*)$/.exec(line);
  return m?.[1]?.replace(/ +#.*$/, '').trim();
}

/** How a line is named in a message: its key (`fr:`), or its text. */
function shown(line: string): string {
  const key = keyOf(line);
  if (key !== undefined) return `${line.trimStart().startsWith('-') ? '- ' : ''}${key}:`;
  const text = line.trim();
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

const SYNTAX = 'glossary/yaml-syntax' as const;

/**
 * Explains the errors of one parsed file. Errors that follow from a problem already explained
 * (the same line, or the line a misplaced line was measured against) are left out.
 */
export function explainYamlErrors(text: string, errors: readonly YAMLError[], counter: LineCounter): SyntaxProblem[] {
  const lines = new Lines(text);
  const problems: SyntaxProblem[] = [];
  /** Lines already blamed, and lines whose errors are explained by a blamed line. */
  const explained = new Set<number>();
  const blame = (line: number, column: number, reason: string, hint: string, alsoExplains: readonly number[] = []): void => {
    if (explained.has(line)) return;
    explained.add(line);
    for (const l of alsoExplains) explained.add(l);
    problems.push({ ruleId: SYNTAX, offset: lines.offset(line, column), reason, hint });
  };

  for (const error of errors) {
    const place = counter.linePos(error.pos[0]);
    const { col } = place;
    // The parser reports an indentation error where the white space before the misplaced key
    // starts, which may be a comment or a blank line above it: the line to fix is the key.
    const line = lines.hasContent(place.line) ? place.line : (lines.nextContent(place.line) ?? place.line);
    const here = lines.text(line);
    switch (error.code) {
      case 'DUPLICATE_KEY': {
        const key = keyOf(here);
        problems.push({
          ruleId: 'glossary/duplicate-key', offset: error.pos[0],
          reason: key === undefined ? 'a key appears twice in the same mapping' : `"${key}" appears twice in the same entry`,
          hint: 'each key may appear once per entry: merge the two values, or start a new entry with "- source: …"',
        });
        continue;
      }
      case 'TAB_AS_INDENT':
        blame(line, 1, 'this line is indented with a tab', 'YAML indents with spaces only: replace the tab with spaces, lined up with the keys above');
        continue;
      case 'BAD_SCALAR_START': {
        const char = here[col - 1] ?? '';
        blame(line, col, `a value cannot start with \`${char}\` unless it is in quotes`, `put the value in double quotes: "${here.slice(col - 1).trim()}"`);
        continue;
      }
      case 'UNEXPECTED_TOKEN':
        if (/scalar at node end/i.test(error.message)) {
          blame(line, col, 'there is more text after the closing quotation mark of this value',
            'a value that starts with a quotation mark ends at the matching one: put the whole value in double quotes, e.g. "Lars\' Haus" (write \\" for a double quotation mark inside it)');
          continue;
        }
        break;
      case 'MISSING_CHAR':
        if (/closing "?quote|closing '|quote/i.test(error.message)) {
          const opened = findUnclosedQuote(lines, line);
          if (opened !== undefined) {
            blame(opened.line, opened.column, `the quotation mark ${opened.quote} opened here is never closed`,
              `add the closing ${opened.quote} at the end of the value`);
            continue;
          }
        }
        if (/without - indicator/.test(error.message)) {
          explainDedent(line);
          continue;
        }
        if (/followed by map values/.test(error.message) && explained.has(line)) continue;
        break;
      case 'BAD_INDENT':
        if (/^Flow (map|sequence)/.test(error.message)) {
          const bracket = error.message.startsWith('Flow map') ? '{' : '[';
          const close = bracket === '{' ? '}' : ']';
          const opened = findUnclosedBracket(lines, line, bracket);
          if (opened !== undefined) {
            blame(opened.line, opened.column, `the ${bracket} opened here is never closed`, `add ${close} at the end of the list on this line`,
              range(opened.line, lines.count));
            continue;
          }
        }
        if (/same column/.test(error.message)) {
          if (/^ *-[^\s-]/.test(here)) {
            blame(line, indentOf(here) + 1, 'a list item needs a space after "-"', `write "- ${here.trimStart().slice(1)}"`, range(line, lines.nextContent(line) ?? line));
            continue;
          }
          explainDedent(line);
          continue;
        }
        break;
      case 'BLOCK_AS_IMPLICIT_KEY':
      case 'MULTILINE_IMPLICIT_KEY': {
        if (explained.has(line)) continue;
        if (/block sequence/.test(error.message)) {
          // A "- " item indented under a key that already has a value.
          const above = lines.previousContent(line);
          if (above !== undefined) {
            explainDeeper(line, above);
            continue;
          }
          break;
        }
        const value = valueOf(here);
        if (value !== undefined && /: |:$/.test(value) && !/^["'[{]/.test(value)) {
          const key = keyOf(here) ?? 'the key';
          blame(line, here.indexOf(value) + 1, `the value of "${key}" contains ": ", which YAML reads as the start of another key`,
            `put the value in double quotes: ${key}: "${value.replace(/"/g, '\\"')}"`);
          continue;
        }
        if (error.code === 'MULTILINE_IMPLICIT_KEY' && keyOf(here) === undefined && !here.includes(':')) {
          blame(line, keyColumn(here), 'this line has no ":" after its key', `write the key, a colon and a space, then the value (e.g. "kind: place")`);
          continue;
        }
        const next = lines.nextContent(line);
        if (next !== undefined && indentOf(lines.text(next)) + 1 > keyColumn(here)) {
          explainDeeper(next, line);
          continue;
        }
        break;
      }
    }
    // Anything else: the library's words, at the place it found.
    if (explained.has(line)) continue;
    const reason = error.message.split('\n')[0] ?? error.code;
    blame(line, col, `this line cannot be read as YAML (${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')})`,
      'check the indentation, quotation marks and brackets of this line and the one above it');
  }
  return problems;

  /** A line indented deeper than the `key: value` line above it. */
  function explainDeeper(line: number, above: number): void {
    const here = lines.text(line);
    const aboveText = lines.text(above);
    const column = keyColumn(aboveText);
    const alsoExplains = [above, ...range(line, lines.nextContent(line) ?? line)];
    if (isItem(here)) {
      // A list item: measured against the "- " of the item before it.
      explained.add(above);
      if (explainItem(line)) return;
    }
    if (firstKeyIsOdd(above, line)) {
      blameFirstKey(above, line, 'less');
      return;
    }
    blame(line, indentOf(here) + 1,
      `this line is indented deeper than the key above it: "${shown(here)}" starts in column ${indentOf(here) + 1}, "${shown(aboveText)}" (line ${above}) in column ${column}`,
      `move "${shown(here)}" to column ${column}, under "${shown(aboveText)}"`, alsoExplains);
  }

  /**
   * True when `first`, the first key of a mapping (right after its parent line, or on the line of
   * its "-"), is the line out of step and `later`, a key after it, is right: `later` lines up
   * with the keys after it, or with the file's indentation step (`- key` for an entry's first key).
   */
  function firstKeyIsOdd(first: number, later: number): boolean {
    const firstText = lines.text(first);
    const laterColumn = indentOf(lines.text(later)) + 1;
    if (keyColumn(firstText) === laterColumn || keyOf(lines.text(later)) === undefined) return false;
    const onDash = firstText.trimStart().startsWith('-');
    const parent = lines.previousContent(first);
    if (!onDash && (parent === undefined || keyColumn(lines.text(parent)) >= keyColumn(firstText) || !/:\s*(?:#.*)?$/.test(lines.text(parent)))) return false;
    // Keys after `later` in the same mapping that agree with it.
    let agreeing = 0;
    for (let l = lines.nextContent(later); l !== undefined; l = lines.nextContent(l)) {
      const indent = indentOf(lines.text(l)) + 1;
      if (indent < Math.min(laterColumn, keyColumn(firstText))) break;
      if (indent === laterColumn) agreeing += 1;
    }
    if (agreeing > 0) return true;
    const expected = onDash ? indentOf(firstText) + 3 : keyColumn(lines.text(parent!)) + indentStep(first);
    return laterColumn === expected;
  }

  /** Blames the first key of a mapping that is out of step with the keys after it. */
  function blameFirstKey(first: number, later: number, how: 'deeper' | 'less'): void {
    const firstText = lines.text(first);
    const laterText = lines.text(later);
    const column = keyColumn(firstText);
    const target = indentOf(laterText) + 1;
    const key = `"${keyOf(firstText) ?? firstText.trim()}:"`;
    const onDash = firstText.trimStart().startsWith('-');
    const dashColumn = indentOf(firstText) + 1;
    // An entry's first key sits one space after its "-": fix the spaces, or move the "-".
    const hint = !onDash
      ? `move ${key} to column ${target}, over "${shown(laterText)}"`
      : target - 2 === dashColumn
        ? `write one space after "-", so that ${key} starts in column ${target}, over "${shown(laterText)}"`
        : `move "${shown(firstText)}" to column ${target - 2}, so that ${key} starts in column ${target}, over "${shown(laterText)}"`;
    blame(first, column,
      `this ${onDash ? 'key' : 'line'} is indented ${how} than the keys after it: ${key} starts in column ${column}, "${shown(laterText)}" (line ${later}) in column ${target}`,
      hint, range(first, lines.nextContent(later) ?? later));
  }

  /** The indentation step of the file (2 when it cannot tell): how far a block's keys sit right of their parent's key, leaving out `except`. */
  function indentStep(except: number): number {
    const counts = new Map<number, number>();
    for (let l = 1; l <= lines.count; l++) {
      const text = lines.text(l);
      if (!lines.hasContent(l) || !/:\s*(?:#.*)?$/.test(text)) continue;
      const child = lines.nextContent(l);
      if (child === undefined || child === except) continue;
      const step = indentOf(lines.text(child)) + 1 - keyColumn(text);
      if (step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
    }
    let best = 2;
    let most = 0;
    for (const [step, n] of counts) if (n > most || (n === most && step < best)) [best, most] = [step, n];
    return best;
  }

  /** A line indented less than the keys of its mapping (but more than the mapping's parent). */
  function explainDedent(line: number): void {
    const here = lines.text(line);
    const indent = indentOf(here);
    if (isItem(here) && explainItem(line)) return;
    let sibling: number | undefined;
    for (let l = lines.previousContent(line); l !== undefined; l = lines.previousContent(l)) {
      const text = lines.text(l);
      // The items of a list above are the value of a key: measure against the key.
      if (isItem(text) && indentOf(text) > indent) continue;
      if (keyColumn(text) - 1 > indent) {
        sibling = l;
        if (indentOf(lines.text(l)) < indent) break;
      } else break;
    }
    let previous = lines.previousContent(line);
    while (previous !== undefined && isItem(lines.text(previous)) && indentOf(lines.text(previous)) > indent) previous = lines.previousContent(previous);
    if (sibling === undefined && previous !== undefined && indent + 1 > keyColumn(lines.text(previous))) {
      explainDeeper(line, previous);
      return;
    }
    if (sibling === undefined) {
      blame(line, indent + 1, 'this line is indented differently from the lines around it',
        'line up each key with the other keys of its entry, using spaces only');
      return;
    }
    const text = lines.text(sibling);
    const column = keyColumn(text);
    if (firstKeyIsOdd(sibling, line)) {
      blameFirstKey(sibling, line, 'deeper');
      return;
    }
    // The parser measures the lines after a dedented key against it: their errors are this one.
    let end = line;
    for (let l = lines.nextContent(line); l !== undefined && indentOf(lines.text(l)) >= indent; l = lines.nextContent(l)) end = l;
    blame(line, indent + 1,
      `this line is indented less than the key above it: "${shown(here)}" starts in column ${indent + 1}, "${shown(text)}" (line ${sibling}) in column ${column}`,
      `move "${shown(here)}" to column ${column}, under "${shown(text)}"`,
      range(line, end));
  }

  /** A list item ("- …") measured against the item before it; false when there is none to compare with. */
  function explainItem(line: number): boolean {
    const here = lines.text(line);
    for (let l = lines.previousContent(line); l !== undefined; l = lines.previousContent(l)) {
      const item = lines.text(l);
      if (!isItem(item) || indentOf(item) === indentOf(here)) continue;
      const deeper = indentOf(item) < indentOf(here);
      blame(line, indentOf(here) + 1,
        `this list item is indented ${deeper ? 'deeper' : 'less'} than the item above it: "${shown(here)}" starts in column ${indentOf(here) + 1}, "${shown(item)}" (line ${l}) in column ${indentOf(item) + 1}`,
        `move "${shown(here)}" to column ${indentOf(item) + 1}, under "${shown(item)}"`, range(line, lines.nextContent(line) ?? line));
      return true;
    }
    return false;
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let l = from; l <= to; l++) out.push(l);
  return out;
}

/** The last line at or before `line` whose value opens a quotation mark it does not close. */
function findUnclosedQuote(lines: Lines, line: number): { line: number; column: number; quote: string } | undefined {
  for (let l = Math.min(line, lines.count); l >= 1; l--) {
    const text = lines.text(l);
    const value = valueOf(text) ?? text.trim().replace(/^- +/, '');
    const quote = value.charAt(0);
    if (quote !== '"' && quote !== "'") continue;
    const rest = value.slice(1);
    const closed = quote === '"' ? /(?<!\\)"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
    if (!closed) return { line: l, column: text.indexOf(value) + 1, quote };
  }
  return undefined;
}

/** The last line at or before `line` with a `{` or `[` that is not closed on that line. */
function findUnclosedBracket(lines: Lines, line: number, open: '{' | '['): { line: number; column: number } | undefined {
  const close = open === '{' ? '}' : ']';
  for (let l = Math.min(line, lines.count); l >= 1; l--) {
    const text = lines.text(l);
    let depth = 0;
    let column = 0;
    for (let i = text.length - 1; i >= 0; i--) {
      const c = text[i];
      if (c === close) depth += 1;
      else if (c === open) {
        if (depth === 0) {
          column = i + 1;
          break;
        }
        depth -= 1;
      }
    }
    if (column > 0) return { line: l, column };
  }
  return undefined;
}
