/**
 * Writing HTML from text on the server (index page, page shell, static report): every text goes
 * through `escapeHtml()`, so a target that holds `<script>` or `onerror=` stays text.
 */
import { createHash } from 'node:crypto';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as element content or as a double-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c);
}

/** The CSP source that allows exactly this inline style sheet (`'sha256-…'`). */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** Formats a count with thousands separators the same way on every machine (`5,000`). */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}
