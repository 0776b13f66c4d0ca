/**
 * Small text helpers shared by the checks.
 */

/** The primary language subtag, lower case: `fr-CA` → `fr`. */
export function primary(language: string): string {
  return (language.split('-')[0] ?? language).toLowerCase();
}

/** Shortens a text for a message, keeping its start. */
export function excerpt(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Apostrophes in the wild: typewriter ', typographic ’ and the modifier letter ʼ. Glossaries and
 * translators use them interchangeably, so matching treats them as one.
 */
export const APOSTROPHES = "'’ʼ";

/** True when the text has a letter or a digit. */
export function hasWordCharacter(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
