/**
 * Reading back a memory file exactly as `writeTmx` wrote it, without building an XML tree: the
 * project's own memories are read on every extract, and at archive size the general reader
 * (`tmx-read.ts`) spent most of its time on elements whose layout is known in advance.
 *
 * The file is accepted only when every byte is where the writer puts it: the declaration, the
 * header, one `<tu>` per entry with its two props and two variants in the pair's languages, text
 * with only the writer's four references (`&amp;` `&lt;` `&gt;` `&#13;`) and none of the
 * characters XML refuses or rewrites (a raw CR, controls). Anything else (a file from another tool,
 * one edited by hand, re-indented, with a BOM or a comment) gives undefined and is read by the
 * general reader, with its checks and messages. For an accepted file both readers give the same
 * entries (a property test holds them to it). The caller checks the file's size before reading it.
 */
import { isUtf8 } from 'node:buffer';
import { detach } from '../xml/index.js';
import type { MemoryEntry } from './types.js';

/** Text as the writer escapes it. */
const TEXT = '((?:[^<>&\\r\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|&(?:amp|lt|gt|#13);)*)';
/** A language tag as the writer may write it unescaped (`attr` escapes nothing in such a tag). */
const TAG = /^[A-Za-z0-9_-]+$/u;
const REFERENCES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#13;': '\r' };

const unescape = (text: string): string => (text.includes('&') ? text.replace(/&(?:amp|lt|gt|#13);/gu, (r) => REFERENCES[r] ?? r) : text);

/**
 * The entries of a memory file this pipeline wrote for the pair `sourceLanguage`–`targetLanguage`
 * (origin and state from the unit's props), in file order; undefined when the file is not exactly
 * in the writer's layout.
 */
export function readOwnTmx(bytes: Uint8Array, sourceLanguage: string, targetLanguage: string): MemoryEntry[] | undefined {
  if (!TAG.test(sourceLanguage) || !TAG.test(targetLanguage) || sourceLanguage === targetLanguage) return undefined;
  if (!isUtf8(bytes) || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n' +
    `  <header creationtool="l10n-pipeline" creationtoolversion="1" segtype="sentence" o-tmf="l10n-xliff" adminlang="en" srclang="${sourceLanguage}" datatype="plaintext"/>\n`;
  if (!text.startsWith(head)) return undefined;
  if (text === `${head}  <body/>\n</tmx>\n`) return [];
  const tail = '  </body>\n</tmx>\n';
  if (!text.startsWith('  <body>\n', head.length) || !text.endsWith(tail)) return undefined;
  const unit = new RegExp(
    '    <tu>\\n' +
      `      <prop type="x-l10n-origin">${TEXT}</prop>\\n` +
      `      <prop type="x-l10n-state">${TEXT}</prop>\\n` +
      `      <tuv xml:lang="${sourceLanguage}">\\n        <seg>${TEXT}</seg>\\n      </tuv>\\n` +
      `      <tuv xml:lang="${targetLanguage}">\\n        <seg>${TEXT}</seg>\\n      </tuv>\\n` +
      '    </tu>\\n',
    'uy',
  );
  const shared = new Map<string, string>();
  const short = (value: string): string => {
    let kept = shared.get(value);
    if (kept === undefined) {
      kept = detach(unescape(value));
      if (shared.size < 64) shared.set(value, kept);
    }
    return kept;
  };
  const entries: MemoryEntry[] = [];
  const end = text.length - tail.length;
  unit.lastIndex = head.length + '  <body>\n'.length;
  while (unit.lastIndex < end) {
    const m = unit.exec(text);
    if (m === null) return undefined;
    const [, origin = '', state = '', source = '', target = ''] = m;
    entries.push({ source: detach(unescape(source)), target: detach(unescape(target)), origin: short(origin), state: short(state) });
  }
  return unit.lastIndex === end ? entries : undefined;
}
