/** Escapes a string for use inside a RegExp (also in `u` mode, where needless escapes are errors). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
