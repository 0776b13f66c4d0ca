/**
 * The static review report: one self-contained, read-only HTML file per document and language.
 * Source and target side by side, glossary terms marked (with what the glossary approves and
 * forbids), states, origins, findings and notes. No script, no external file, nothing that
 * depends on the clock or the machine: the same view gives the same bytes, so the file can be
 * committed next to the outputs and its changes read in a diff.
 *
 * Its Content-Security-Policy allows nothing but its own style sheet, so even a browser that
 * opened a tampered copy runs no script from it.
 */
import { count, escapeHtml, styleHash } from './html.js';
import {
  describeOrigin,
  FINDING_SEVERITIES,
  REVIEW_STATE_LABELS,
  REVIEW_STATES,
  summarize,
  type CodeView,
  type ContentView,
  type ReviewDocument,
  type SegmentView,
  type TermView,
} from './view.js';

/** A run of text (inside a glossary term or not) or an inline code, in reading order. */
export type ContentPiece = { readonly kind: 'text'; readonly text: string; readonly term?: TermView } | { readonly kind: 'code'; readonly code: CodeView };

/** Splits a text into runs at term edges and codes, the codes at their places. */
export function contentPieces(content: ContentView, terms: readonly TermView[] = []): ContentPiece[] {
  const edges = new Set<number>([0, content.text.length]);
  for (const term of terms) edges.add(Math.max(0, Math.min(term.start, content.text.length))).add(Math.max(0, Math.min(term.end, content.text.length)));
  for (const code of content.codes) edges.add(Math.max(0, Math.min(code.at, content.text.length)));
  const sorted = [...edges].sort((a, b) => a - b);
  const pieces: ContentPiece[] = [];
  let nextCode = 0;
  sorted.forEach((at, i) => {
    while (nextCode < content.codes.length && (content.codes[nextCode]?.at ?? 0) <= at) {
      pieces.push({ kind: 'code', code: content.codes[nextCode] as CodeView });
      nextCode += 1;
    }
    const end = sorted[i + 1];
    if (end === undefined || end === at) return;
    const term = terms.find((t) => t.start <= at && t.end >= end);
    const text = content.text.slice(at, end);
    pieces.push(term === undefined ? { kind: 'text', text } : { kind: 'text', text, term });
  });
  while (nextCode < content.codes.length) pieces.push({ kind: 'code', code: content.codes[nextCode++] as CodeView });
  return pieces;
}

/** How an inline code is written for people, the same as in the review page's editor: ⟦1⟧ ⟦/1⟧ ⟦1/⟧. */
export function codeToken(code: CodeView): string {
  return code.kind === 'close' ? `⟦/${code.id}⟧` : code.kind === 'standalone' ? `⟦${code.id}/⟧` : `⟦${code.id}⟧`;
}

/** What the glossary says about a term, in one line. */
export function describeTerm(term: TermView): string {
  const parts = [term.dnt ? 'do not translate' : term.approved.length === 0 ? 'no approved target' : `approved: ${term.approved.join(', ')}`];
  if (term.forbidden.length > 0) parts.push(`forbidden: ${term.forbidden.join(', ')}`);
  if (term.note !== undefined && term.note !== '') parts.push(`note: ${term.note}`);
  return `${term.term}: ${parts.join('; ')}`;
}

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.meta { color: #555; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-top: 1px solid #ddd; padding: .5rem .6rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { border-top: 0; border-bottom: 2px solid #888; }
col.n { width: 6.5rem; } col.state { width: 9rem; }
.block { display: block; color: #666; font-size: .8rem; overflow-wrap: normal; }
mark.term { background: #fff1b8; border-bottom: 2px solid #d4a300; color: inherit; }
.code { font: .8rem ui-monospace, monospace; background: #e8eefc; color: #23408e; border-radius: 3px; padding: 0 .15rem; }
.terms, .findings, .notes { margin: .35rem 0 0; padding-left: 1.1rem; font-size: .85rem; }
.terms { color: #555; }
.finding-error { color: #a4000f; } .finding-warning { color: #7a4d00; } .finding-info { color: #355; }
.empty { color: #888; font-style: italic; }
.state { font-weight: 600; } .origin { display: block; color: #555; font-size: .85rem; }
tr.needs-review td, tr.needs-translation td { background: #fff8f0; }
@media print { body { margin: 0; } tr { break-inside: avoid; } }
`;

/** The report's Content-Security-Policy: its own style sheet and nothing else (in the file, and from the review server). */
export const REPORT_CSP = `default-src 'none'; style-src ${styleHash(STYLE)}`;

function contentHtml(content: ContentView, terms: readonly TermView[] = []): string {
  return contentPieces(content, terms)
    .map((piece) => {
      if (piece.kind === 'code') {
        const title = piece.code.display === undefined ? '' : ` title="${escapeHtml(piece.code.display)}"`;
        return `<span class="code"${title}>${escapeHtml(codeToken(piece.code))}</span>`;
      }
      if (piece.term === undefined) return escapeHtml(piece.text);
      return `<mark class="term" title="${escapeHtml(describeTerm(piece.term))}">${escapeHtml(piece.text)}</mark>`;
    })
    .join('');
}

function list(className: string, items: readonly string[]): string {
  return items.length === 0 ? '' : `<ul class="${className}">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

function confirmedByHtml(segment: SegmentView): string {
  const by = segment.confirmedBy;
  if (by === undefined) return '';
  return ` <span class="origin">confirmed by ${escapeHtml(by.name)}${by.time === undefined ? '' : ` (${escapeHtml(by.time)})`}</span>`;
}

function segmentRow(view: ReviewDocument, segment: SegmentView, index: number): string {
  const source = contentHtml(segment.source, segment.source.terms) + list('terms', segment.source.terms.map((t) => escapeHtml(describeTerm(t))));
  const target = segment.target === undefined || (segment.target.text === '' && segment.target.codes.length === 0) ? '<span class="empty">no translation</span>' : contentHtml(segment.target);
  const findings = segment.findings.map(
    (f) =>
      `<span class="finding-${escapeHtml(f.severity)}">${escapeHtml(f.severity)}: ${escapeHtml(f.reason)} <code>${escapeHtml(f.ruleId)}</code></span>` +
      (f.expected === undefined ? '' : ` expected ${escapeHtml(f.expected)}`) +
      (f.actual === undefined ? '' : `, found ${escapeHtml(f.actual)}`) +
      (f.accepted === undefined ? '' : ` (accepted: ${escapeHtml(f.accepted)})`),
  );
  const notes = segment.notes.map((n) => `${escapeHtml(n.author)}${n.time === undefined ? '' : ` (${escapeHtml(n.time)})`}: ${escapeHtml(n.text)}`);
  return [
    `<tr id="s-${escapeHtml(segment.id)}" class="${escapeHtml(segment.state)}">`,
    `<td>${index + 1} <span class="block">${escapeHtml(segment.block.kind)}</span></td>`,
    `<td lang="${escapeHtml(view.sourceLanguage)}">${source}</td>`,
    `<td lang="${escapeHtml(view.language)}">${target}${list('findings', findings)}${list('notes', notes)}</td>`,
    `<td><span class="state">${escapeHtml(REVIEW_STATE_LABELS[segment.state] ?? segment.state)}</span> <span class="origin">${escapeHtml(describeOrigin(segment.origin))}</span>${confirmedByHtml(segment)}</td>`,
    '</tr>',
  ].join('');
}

/** The report of one document in one language, as the bytes of an HTML file (UTF-8). */
export function renderReport(view: ReviewDocument): string {
  const summary = summarize(view);
  const states = REVIEW_STATES.filter((s) => summary.states[s] > 0).map((s) => `${count(summary.states[s])} ${REVIEW_STATE_LABELS[s]}`);
  const findings = FINDING_SEVERITIES.map((s) => `${count(summary.findings[s])} ${s === 'info' ? 'notices' : s + 's'}`);
  const title = `Review report: ${view.document} (${view.sourceLanguage} → ${view.language})`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(view.file)} · ${count(summary.segments)} segments: ${states.join(', ') || 'none'} · ${findings.join(', ')}</p>`,
    '<table>',
    '<colgroup><col class="n"><col><col><col class="state"></colgroup>',
    `<thead><tr><th scope="col">#</th><th scope="col">Source (${escapeHtml(view.sourceLanguage)})</th><th scope="col">Target (${escapeHtml(view.language)})</th><th scope="col">State</th></tr></thead>`,
    '<tbody>',
    ...view.segments.map((segment, i) => segmentRow(view, segment, i)),
    '</tbody>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
