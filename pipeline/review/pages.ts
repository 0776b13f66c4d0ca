/**
 * The HTML the review server sends: the index of documents × languages (complete without
 * script) and the shell of a review page, which `page/review.js` fills from the JSON API.
 */
import { count, escapeHtml } from './html.js';
import { ORIGIN_KINDS, REVIEW_STATE_LABELS, REVIEW_STATES, type DocumentRef, type ReviewSummary } from './view.js';

/** Paths of the server, in one place for the server and the pages. */
export const ROUTES = {
  index: '/',
  script: '/assets/review.js',
  style: '/assets/review.css',
  page: (ref: DocumentRef): string => `/review/${encodeURIComponent(ref.document)}/${encodeURIComponent(ref.language)}`,
  report: (ref: DocumentRef): string => `/report/${encodeURIComponent(ref.document)}/${encodeURIComponent(ref.language)}`,
} as const;

/** A path with the session token, as every link and asset of the pages carries it. */
export function withToken(path: string, token: string): string {
  return `${path}?token=${encodeURIComponent(token)}`;
}

function head(title: string, token: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${escapeHtml(withToken(ROUTES.style, token))}">`,
    '</head>',
  ].join('\n');
}

/** The index page: one row per document and language, with counts and links. */
export function indexPage(summaries: readonly ReviewSummary[], token: string): string {
  const headerCells = ['Document', 'Language', 'Segments', ...REVIEW_STATES.map((s) => REVIEW_STATE_LABELS[s]), 'Errors', 'Warnings', 'Open'];
  const rows = summaries.map((s) => {
    const cells = [
      `<th scope="row">${escapeHtml(s.document)}</th>`,
      `<td>${escapeHtml(s.sourceLanguage)} → ${escapeHtml(s.language)}</td>`,
      `<td class="number">${count(s.segments)}</td>`,
      ...REVIEW_STATES.map((state) => `<td class="number">${count(s.states[state])}</td>`),
      `<td class="number">${count(s.findings.error)}</td>`,
      `<td class="number">${count(s.findings.warning)}</td>`,
      `<td><a href="${escapeHtml(withToken(ROUTES.page(s), token))}">Review<span class="visually-hidden"> ${escapeHtml(s.document)} (${escapeHtml(s.language)})</span></a>` +
        ` · <a href="${escapeHtml(withToken(ROUTES.report(s), token))}">Report<span class="visually-hidden"> of ${escapeHtml(s.document)} (${escapeHtml(s.language)})</span></a></td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const body =
    summaries.length === 0
      ? '<p>No translations to review yet: run <code>l10n extract</code> first.</p>'
      : [
          '<table class="index">',
          '<caption>Documents and languages</caption>',
          `<thead><tr>${headerCells.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`,
          `<tbody>\n${rows.join('\n')}\n</tbody>`,
          '</table>',
        ].join('\n');
  return [head('Review: documents', token), '<body>', '<header class="top"><h1>Review</h1></header>', '<main class="index-main">', body, '</main>', '</body>', '</html>', ''].join('\n');
}

/** Values of the findings filter, in words. */
const FINDING_FILTERS: ReadonlyArray<readonly [string, string]> = [
  ['all', 'all'],
  ['any', 'with findings'],
  ['error', 'with errors'],
  ['warning', 'with warnings'],
  ['none', 'without findings'],
];

/** Keyboard shortcuts of the review page, as the page's help lists them. */
export const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ['Alt+↓ / Alt+↑', 'next / previous segment'],
  ['Ctrl+Enter', 'confirm and go to the next segment'],
  ['Ctrl+S', 'save the target'],
  ['Alt+Shift+S', 'filter by state'],
  ['Alt+Shift+F', 'filter by findings'],
  ['Alt+Shift+O', 'filter by origin'],
];

function select(id: string, label: string, options: ReadonlyArray<readonly [string, string]>): string {
  const items = options.map(([value, words]) => `<option value="${escapeHtml(value)}">${escapeHtml(words)}</option>`).join('');
  return `<span class="filter"><label for="${id}">${escapeHtml(label)}</label> <select id="${id}">${items}</select></span>`;
}

/** The review page of one document and language; the script renders the segments. */
export function reviewPage(ref: DocumentRef, token: string, pageSize: number): string {
  const title = `Review: ${ref.document} (${ref.language})`;
  const keys = SHORTCUTS.map(([key, what]) => `<dt><kbd>${escapeHtml(key)}</kbd></dt><dd>${escapeHtml(what)}</dd>`).join('');
  return [
    head(title, token),
    '<body>',
    '<header class="top">',
    `<a class="back" href="${escapeHtml(withToken(ROUTES.index, token))}">All documents</a>`,
    `<h1>${escapeHtml(ref.document)} <span class="languages">(${escapeHtml(ref.language)})</span></h1>`,
    '<p class="counts" id="counts"></p>',
    '</header>',
    '<div class="toolbar">',
    select('filter-state', 'State', [['all', 'all'], ...REVIEW_STATES.map((s) => [s, REVIEW_STATE_LABELS[s]] as const)]),
    select('filter-findings', 'Findings', FINDING_FILTERS),
    select('filter-origin', 'Origin', [['all', 'all'], ...ORIGIN_KINDS.map((o) => [o, o] as const), ['unknown', 'unknown']]),
    '<span class="pager"><button type="button" id="page-previous">Previous page</button> <span id="range" aria-live="polite"></span> <button type="button" id="page-next">Next page</button></span>',
    `<details class="keys"><summary>Keyboard</summary><dl>${keys}</dl></details>`,
    '</div>',
    '<div id="alert" class="alert" role="alert"></div>',
    '<div id="status" class="status" role="status"></div>',
    `<main id="review" data-document="${escapeHtml(ref.document)}" data-language="${escapeHtml(ref.language)}" data-page-size="${pageSize}">`,
    '<p class="loading">Loading the segments…</p>',
    '<noscript><p>The review page needs JavaScript to edit. The <a href="' +
      escapeHtml(withToken(ROUTES.report(ref), token)) +
      '">read-only report</a> works without it.</p></noscript>',
    '</main>',
    `<script type="module" src="${escapeHtml(withToken(ROUTES.script, token))}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
