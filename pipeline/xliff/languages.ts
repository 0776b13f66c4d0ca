/**
 * Language tags as the XLIFF adapter compares them: a file, or one target, for the job's language,
 * a regional variant of it (`fr-CA` for `fr`, which tools often set), or another language.
 */

/** How two language tags relate: the same tag, the same primary language ('en' / 'en-US'), or not. */
export function languageRelation(a: string, b: string): 'same' | 'region' | 'other' {
  if (a.toLowerCase() === b.toLowerCase()) return 'same';
  return primary(a) === primary(b) ? 'region' : 'other';
}

function primary(tag: string): string {
  return (tag.split(/[-_]/u)[0] ?? '').toLowerCase();
}
