/** XLIFF as the shared XML parser names it: `xliff/…` rule ids, hints for translators and their tools. */
import type { XmlFormat } from '../xml/index.js';

export const XLIFF_FORMAT: XmlFormat = {
  rulePrefix: 'xliff',
  source: 'xliff-import',
  name: 'XLIFF',
  hints: {
    'not-well-formed': 'The file is damaged or was cut short (a failed upload or save?). Export it again from the translation tool; nothing was imported.',
    empty: 'Export the file again from the translation tool.',
    encoding: 'Export the file as UTF-8 from the translation tool.',
    'invalid-encoding': 'Save the file again as UTF-8 from the translation tool.',
  },
};
