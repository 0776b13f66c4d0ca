/**
 * `strings/plural-missing`: a plural key translated in part. Each form the target language
 * needs (French: one, many, other) that has no translation while another form has one is a
 * finding: the site would show the source language's text for some counts only. A key with no
 * form translated is simply untranslated (`qa/untranslated`).
 */
import { describeMissingForm } from '../../strings/checks.js';
import type { PluralCategory } from '../../strings/plurals.js';
import { translated, type Check, type Finding } from '../types.js';

export const stringPluralMissing: Check = {
  id: 'strings/plural-missing',
  severity: 'error',
  description: 'software strings: every plural form the language needs is translated once one of them is',
  run: (block, { language }) => {
    const forms = block.segments.filter((s) => s.resource?.plural !== undefined);
    const missing = forms.filter((s) => !translated(s));
    if (forms.length < 2 || missing.length === 0 || missing.length === forms.length) return [];
    const group = { name: block.resource?.name ?? block.id, forms: forms.map((s) => s.resource?.plural?.category ?? 'other') };
    return missing.map((segment): Finding => {
      const plural = segment.resource?.plural;
      const described = describeMissingForm(group, { name: segment.resource?.name ?? segment.id, category: (plural?.category ?? 'other') as PluralCategory, type: plural?.type }, language);
      return { segment, ...described };
    });
  },
};
