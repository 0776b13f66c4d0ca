/**
 * Writes a memory as TMX 1.4b: deterministic (no dates, entries sorted), plain text segments, the
 * state and origin of each entry as `<prop>` so a re-import keeps them.
 *
 * The file is built as text, unit by unit, with the XML writer's escaping (`xml/write.ts`) and
 * its layout (two-space indentation, `\n` line ends): the same bytes `renderDocument` gives for
 * the same tree, without building a tree of a hundred thousand elements first.
 */
import { escapeAttr, escapeText, replaceUnwritable } from '../xml/write.js';
import type { Memory } from './types.js';

/** What text may need: markup characters, CR, and what XML 1.0 cannot carry. */
const NEEDS_ESCAPING = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

const text = (value: string): string => (NEEDS_ESCAPING.test(value) ? escapeText(replaceUnwritable(value)) : value);
const attr = (value: string): string => (NEEDS_ESCAPING.test(value) ? escapeAttr(replaceUnwritable(value)) : value);

/** The memory as a TMX 1.4b document (UTF-8 text, `\n` line ends, final newline). */
export function writeTmx(memory: Memory): string {
  const source = attr(memory.sourceLanguage);
  const target = attr(memory.targetLanguage);
  const header =
    `  <header creationtool="l10n-pipeline" creationtoolversion="1" segtype="sentence" o-tmf="l10n-xliff" ` +
    `adminlang="en" srclang="${source}" datatype="plaintext"/>\n`;
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n', header];
  if (memory.entries.length === 0) parts.push('  <body/>\n');
  else {
    parts.push('  <body>\n');
    for (const e of memory.entries) {
      parts.push(
        '    <tu>\n' +
          `      <prop type="x-l10n-origin">${text(e.origin)}</prop>\n` +
          `      <prop type="x-l10n-state">${text(e.state)}</prop>\n` +
          `      <tuv xml:lang="${source}">\n        <seg>${text(e.source)}</seg>\n      </tuv>\n` +
          `      <tuv xml:lang="${target}">\n        <seg>${text(e.target)}</seg>\n      </tuv>\n` +
          '    </tu>\n',
      );
    }
    parts.push('  </body>\n');
  }
  parts.push('</tmx>\n');
  return parts.join('');
}
