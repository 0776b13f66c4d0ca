/**
 * Writes a memory as TMX 1.4b: deterministic (no dates, entries sorted), plain text segments, the
 * state and origin of each entry as `<prop>` so a re-import keeps them.
 */
import { el, renderDocument } from '../xml/write.js';
import type { Memory } from './types.js';

/** The memory as a TMX 1.4b document (UTF-8 text, `\n` line ends, final newline). */
export function writeTmx(memory: Memory): string {
  const units = memory.entries.map((e) =>
    el('tu', [], [
      el('prop', [['type', 'x-l10n-origin']], [e.origin], true),
      el('prop', [['type', 'x-l10n-state']], [e.state], true),
      el('tuv', [['xml:lang', memory.sourceLanguage]], [el('seg', [], [e.source], true)]),
      el('tuv', [['xml:lang', memory.targetLanguage]], [el('seg', [], [e.target], true)]),
    ]),
  );
  const header = el('header', [
    ['creationtool', 'l10n-pipeline'],
    ['creationtoolversion', '1'],
    ['segtype', 'sentence'],
    ['o-tmf', 'l10n-xliff'],
    ['adminlang', 'en'],
    ['srclang', memory.sourceLanguage],
    ['datatype', 'plaintext'],
  ]);
  return renderDocument(el('tmx', [['version', '1.4']], [header, el('body', [], units)]));
}
