// @ts-check
/**
 * The review page: loads one document in one language from the review server's JSON API and
 * lets a reviewer edit, confirm, send back and comment on its segments.
 *
 * Served as written (no build step): the browser runs this file, and `page/tsconfig.json` checks
 * its types against the server's view model (`../view.ts`). Every text from the store goes into
 * the page through `textContent` or a field's `value`, never through HTML, so a target holding
 * `<script>` stays text.
 *
 * Actions are sent one at a time, each with the document version of the one before, so the page
 * never conflicts with itself; a conflict with someone else stops further actions until the
 * reviewer reloads, and texts not yet saved stay in their fields across reloads, pages and filters.
 */

/** @typedef {import('../view.js').ReviewDocument} ReviewDocument */
/** @typedef {import('../view.js').SegmentView} SegmentView */
/** @typedef {import('../view.js').ContentView} ContentView */
/** @typedef {import('../view.js').CodeView} CodeView */
/** @typedef {import('../view.js').TermView} TermView */
/** @typedef {import('../view.js').CandidateView} CandidateView */
/** @typedef {import('../store.js').ReviewAction} ReviewAction */

/** @param {string} id */
function byId(id) {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element;
}

const main = byId('review');
const token = new URLSearchParams(location.search).get('token') ?? '';
const ref = { document: main.dataset.document ?? '', language: main.dataset.language ?? '' };
const pageSize = Math.max(1, Number(main.dataset.pageSize) || 50);
const api = `/api/documents/${encodeURIComponent(ref.document)}/${encodeURIComponent(ref.language)}`;
const numbers = new Intl.NumberFormat('en');

const ui = {
  counts: byId('counts'),
  alert: byId('alert'),
  status: byId('status'),
  range: byId('range'),
  previous: /** @type {HTMLButtonElement} */ (byId('page-previous')),
  next: /** @type {HTMLButtonElement} */ (byId('page-next')),
  filters: {
    state: /** @type {HTMLSelectElement} */ (byId('filter-state')),
    findings: /** @type {HTMLSelectElement} */ (byId('filter-findings')),
    origin: /** @type {HTMLSelectElement} */ (byId('filter-origin')),
  },
};

/** The words for each state, as the server wrote them into the state filter. */
const stateLabels = new Map([...ui.filters.state.options].map((o) => [o.value, o.textContent ?? o.value]));

const session = {
  /** @type {ReviewDocument | undefined} */
  view: undefined,
  /** @type {SegmentView[]} the document's segments, replaced one by one as actions return */
  segments: [],
  /** @type {Map<string, number>} segment id → index in `segments` */
  indexOf: new Map(),
  version: '',
  /**
   * Texts typed but not saved, by segment id (in editor form), with the saved text they were typed
   * over: when that changes underneath (another window, a tool), the row says so.
   * @type {Map<string, { text: string, base: string }>}
   */
  drafts: new Map(),
  /** @type {number[]} indexes of the segments the filters let through, in document order */
  shown: [],
  /** position in `shown` of the current segment */
  current: 0,
  /** true after a conflict, until the reviewer reloads */
  conflict: false,
  /** @type {Promise<unknown>} the action being sent; the next waits for it */
  queue: Promise.resolve(),
};

const list = document.createElement('ol');
list.className = 'segments';
list.setAttribute('aria-label', 'Segments');

// ---------------------------------------------------------------------------------------------
// Inline codes in the editor: ⟦1⟧ opens code 1, ⟦/1⟧ closes it, ⟦1/⟧ stands alone.

/** @param {CodeView} code */
function codeToken(code) {
  return code.kind === 'close' ? `⟦/${code.id}⟧` : code.kind === 'standalone' ? `⟦${code.id}/⟧` : `⟦${code.id}⟧`;
}

/** @param {ContentView | undefined} content the text as the editor shows it */
function editable(content) {
  if (content === undefined) return '';
  let out = '';
  let at = 0;
  for (const code of content.codes) {
    out += content.text.slice(at, code.at) + codeToken(code);
    at = code.at;
  }
  return out + content.text.slice(at);
}

/**
 * The editor's text as content: tokens of codes the segment knows become codes, anything else
 * (a literal "⟦x⟧" in a sentence) stays text.
 * @param {string} value
 * @param {SegmentView} segment
 * @returns {ContentView}
 */
function parseEditable(value, segment) {
  /** @type {Map<string, CodeView>} */
  const known = new Map();
  for (const code of [...(segment.target?.codes ?? []), ...segment.source.codes]) known.set(`${code.kind} ${code.id}`, code);
  /** @type {CodeView[]} */
  const codes = [];
  let text = '';
  let last = 0;
  for (const match of value.matchAll(/⟦(\/?)([^\s/⟦⟧]+)(\/?)⟧/gu)) {
    const [token, close, id, standalone] = match;
    const kind = close === '/' ? 'close' : standalone === '/' ? 'standalone' : 'open';
    const code = known.get(`${kind} ${id}`);
    if (code === undefined || id === undefined || match.index === undefined) continue;
    text += value.slice(last, match.index);
    last = match.index + token.length;
    codes.push(code.display === undefined ? { id, kind, at: text.length } : { id, kind, at: text.length, display: code.display });
  }
  return { text: text + value.slice(last), codes };
}

// ---------------------------------------------------------------------------------------------
// Small DOM helpers: text only.

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{ className?: string, text?: string, id?: string }} [options]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, options = {}) {
  const element = document.createElement(tag);
  if (options.className !== undefined) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  if (options.id !== undefined) element.id = options.id;
  return element;
}

/** @param {string} text @param {() => void} onClick @param {string} [label] */
function button(text, onClick, label) {
  const b = el('button', { text });
  b.type = 'button';
  if (label !== undefined) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
}

/** @param {TermView} term */
function describeTerm(term) {
  const lines = [term.dnt ? 'Do not translate' : term.approved.length === 0 ? 'No approved target' : `Approved: ${term.approved.join(', ')}`];
  if (term.forbidden.length > 0) lines.push(`Forbidden: ${term.forbidden.join(', ')}`);
  if (term.note !== undefined && term.note !== '') lines.push(`Note: ${term.note}`);
  return lines;
}

/**
 * Source text with glossary terms (hover or focus shows what the glossary says) and codes.
 * @param {HTMLElement} cell @param {SegmentView} segment @param {number} number
 */
function fillSource(cell, segment, number) {
  const { text, codes, terms } = segment.source;
  const edges = [...new Set([0, text.length, ...terms.flatMap((t) => [t.start, t.end]), ...codes.map((c) => c.at)])]
    .filter((at) => at >= 0 && at <= text.length)
    .sort((a, b) => a - b);
  let nextCode = 0;
  edges.forEach((at, i) => {
    while (nextCode < codes.length && (codes[nextCode]?.at ?? 0) <= at) {
      const code = /** @type {CodeView} */ (codes[nextCode++]);
      const chip = el('span', { className: 'code', text: codeToken(code) });
      if (code.display !== undefined) chip.title = code.display;
      cell.append(chip);
    }
    const end = edges[i + 1];
    if (end === undefined || end === at) return;
    const run = text.slice(at, end);
    const termIndex = terms.findIndex((t) => t.start <= at && t.end >= end);
    const term = terms[termIndex];
    if (term === undefined) {
      cell.append(run);
      return;
    }
    const wrap = el('span', { className: 'term-wrap' });
    const mark = el('mark', { className: term.dnt ? 'term term-dnt' : 'term', text: run });
    mark.tabIndex = 0;
    const tip = el('span', { className: 'tip', id: `tip-${number}-${termIndex}-${at}` });
    tip.setAttribute('role', 'tooltip');
    tip.append(el('strong', { text: term.term }));
    for (const line of describeTerm(term)) tip.append(el('span', { text: line }));
    mark.setAttribute('aria-describedby', tip.id);
    wrap.append(mark, tip);
    cell.append(wrap);
  });
}

/** @param {import('../view.js').Origin | undefined} origin */
function describeOrigin(origin) {
  if (origin === undefined) return 'origin unknown';
  return origin.provider === undefined ? origin.kind : `${origin.kind} (${origin.provider})`;
}

/** "2025-09-03 12:15" in the reviewer's time zone (the title keeps the stored time). @param {string} iso */
function localTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** @param {CandidateView} candidate */
function describeCandidate(candidate) {
  const parts = [candidate.kind === 'previous' ? 'previous translation' : candidate.kind];
  if (candidate.quality !== undefined) parts.push(`${candidate.quality}%`);
  if (candidate.origin !== undefined) parts.push(candidate.origin);
  return parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------
// One segment.

/** @param {number} index index in session.segments */
function renderRow(index) {
  const segment = /** @type {SegmentView} */ (session.segments[index]);
  const view = /** @type {ReviewDocument} */ (session.view);
  const number = index + 1;
  const row = el('li', { className: `segment state-${segment.state}`, id: `segment-${number}` });
  row.dataset.index = String(index);
  row.setAttribute('role', 'group');
  row.setAttribute('aria-labelledby', `label-${number}`);

  const meta = el('div', { className: 'meta' });
  meta.append(
    el('span', { className: 'number', id: `label-${number}`, text: `Segment ${number}` }),
    el('span', { className: 'block', text: segment.block.kind }),
    el('span', { className: `state state-${segment.state}`, text: stateLabels.get(segment.state) ?? segment.state }),
    el('span', { className: 'origin', text: describeOrigin(segment.origin) }),
  );
  if (segment.confirmedBy !== undefined) {
    const by = el('span', { className: 'confirmed', text: `confirmed by ${segment.confirmedBy.name}` });
    if (segment.confirmedBy.time !== undefined) by.title = segment.confirmedBy.time;
    meta.append(by);
  }

  const source = el('div', { className: 'source' });
  source.lang = view.sourceLanguage;
  fillSource(source, segment, number);

  const target = el('div', { className: 'target' });
  target.lang = view.language;
  const field = el('textarea', { id: `target-${number}` });
  field.lang = view.language;
  field.rows = 2;
  field.setAttribute('aria-label', `Target of segment ${number}`);
  field.dataset.role = 'target';
  const saved = editable(segment.target);
  const draft = session.drafts.get(segment.id);
  field.value = draft?.text ?? saved;
  const unsaved = el('span', { className: 'unsaved', text: 'not saved' });
  unsaved.hidden = draft === undefined;
  field.addEventListener('input', () => {
    if (field.value === saved) session.drafts.delete(segment.id);
    else session.drafts.set(segment.id, { text: field.value, base: session.drafts.get(segment.id)?.base ?? saved });
    unsaved.hidden = !session.drafts.has(segment.id);
  });
  target.append(field, unsaved);
  if (draft !== undefined && draft.base !== saved) {
    const changed = el('p', { className: 'changed' });
    changed.append(
      `Changed by someone else while you were typing; the saved text is now: “${saved === '' ? '(empty)' : saved}”. Your text above is not saved: Save or Confirm to replace theirs, or `,
      button('Use current text', () => {
        session.drafts.delete(segment.id);
        refreshRow(index);
      }),
    );
    target.append(changed);
  }

  if (segment.findings.length > 0) {
    const findings = el('ul', { className: 'findings' });
    findings.setAttribute('aria-label', `Findings of segment ${number}`);
    for (const f of segment.findings) {
      const item = el('li', { className: `finding finding-${f.severity}` });
      item.append(el('span', { className: 'severity', text: f.severity }), ' ', f.reason, ' ', el('code', { text: f.ruleId }));
      if (f.expected !== undefined || f.actual !== undefined) {
        item.append(el('span', { className: 'detail', text: [f.expected === undefined ? '' : `expected ${f.expected}`, f.actual === undefined ? '' : `found ${f.actual}`].filter(Boolean).join(', ') }));
      }
      if (f.hint !== undefined) item.append(el('span', { className: 'hint', text: f.hint }));
      if (f.accepted !== undefined) item.append(el('span', { className: 'hint', text: `accepted: ${f.accepted}` }));
      findings.append(item);
    }
    target.append(findings);
  }

  if (segment.candidates.length > 0) {
    const candidates = el('ul', { className: 'candidates' });
    candidates.setAttribute('aria-label', `Candidates for segment ${number}`);
    segment.candidates.forEach((candidate, i) => {
      const item = el('li');
      const use = button('Use', () => {
        field.value = editable(candidate.target);
        field.dispatchEvent(new Event('input'));
        field.focus();
      }, `Use candidate ${i + 1} (${describeCandidate(candidate)})`);
      item.append(use, el('span', { className: 'candidate-origin', text: describeCandidate(candidate) }), el('span', { className: 'candidate-text', text: editable(candidate.target) }));
      candidates.append(item);
    });
    target.append(candidates);
  }

  if (segment.notes.length > 0) {
    const notes = el('ul', { className: 'notes' });
    notes.setAttribute('aria-label', `Notes on segment ${number}`);
    for (const note of segment.notes) {
      const item = el('li');
      const author = el('span', { className: 'author', text: note.time === undefined ? note.author : `${note.author}, ${localTime(note.time)}` });
      if (note.time !== undefined) author.title = note.time;
      item.append(author, ' ', note.text);
      notes.append(item);
    }
    target.append(notes);
  }

  const comment = el('input', { id: `comment-${number}` });
  comment.type = 'text';
  comment.dataset.role = 'comment';
  comment.setAttribute('aria-label', `Comment on segment ${number}`);
  comment.placeholder = 'Comment…';
  comment.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      commentOn(index, comment);
    }
  });
  const actions = el('div', { className: 'actions' });
  actions.append(
    button('Save', () => void save(index, field)),
    button('Confirm', () => void confirm(index, field)),
    comment,
    button('Comment', () => void commentOn(index, comment)),
    button('Send back', () => void sendBack(index, comment)),
  );
  target.append(actions);

  row.append(meta, source, target);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Actions.

/** @param {string} text */
function say(text) {
  ui.status.textContent = text;
}

/** @param {string} text @param {boolean} [offerReload] */
function warn(text, offerReload = false) {
  ui.alert.replaceChildren(el('span', { text }));
  if (offerReload) ui.alert.append(' ', button('Reload', () => void load()));
}

/**
 * Sends one action after the one before; on success shows the segment as the store returned it.
 * @param {number} index @param {ReviewAction} action @param {string} done
 */
function act(index, action, done) {
  const next = session.queue.then(() => send(index, action, done));
  session.queue = next.catch(() => undefined);
  return next;
}

/** @param {number} index @param {ReviewAction} action @param {string} done @returns {Promise<boolean>} */
async function send(index, action, done) {
  if (session.conflict) {
    warn('This document changed since you loaded it. Reload before you go on; texts you have not saved stay in their fields.', true);
    return false;
  }
  let response;
  try {
    response = await fetch(`${api}/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Review-Token': token },
      body: JSON.stringify({ version: session.version, action }),
    });
  } catch {
    warn('The review server does not answer (was it stopped?). Texts you have not saved stay in their fields: start `l10n review` again and reload.');
    return false;
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 409) {
    session.conflict = true;
    warn(`Segment ${index + 1} ${body?.error?.message ?? 'was not saved: the document changed since you loaded it.'}`, true);
    return false;
  }
  if (!response.ok) {
    warn(`Segment ${index + 1}: ${body?.error?.message ?? `the server answered ${response.status}`}`);
    return false;
  }
  /** @type {SegmentView} */
  const segment = body.segment;
  session.version = body.version;
  session.segments[index] = segment;
  const draft = session.drafts.get(segment.id);
  if (draft !== undefined && (action.kind === 'edit' || action.kind === 'confirm')) {
    const sent = action.target === undefined ? undefined : editable(action.target);
    // Typed on after sending: the rest stays a draft, now over the text just saved.
    if (draft.text === editable(segment.target) || draft.text === sent) session.drafts.delete(segment.id);
    else session.drafts.set(segment.id, { text: draft.text, base: editable(segment.target) });
  }
  ui.alert.replaceChildren();
  refreshRow(index);
  renderCounts();
  say(done);
  return true;
}

/** @param {number} index @param {HTMLTextAreaElement} field */
function targetAction(index, field) {
  const segment = /** @type {SegmentView} */ (session.segments[index]);
  return parseEditable(field.value, segment);
}

/** @param {number} index @param {HTMLTextAreaElement} field */
function save(index, field) {
  const segment = /** @type {SegmentView} */ (session.segments[index]);
  return act(index, { kind: 'edit', segment: segment.id, target: targetAction(index, field) }, `Saved segment ${index + 1}.`);
}

/** @param {number} index @param {HTMLTextAreaElement} field */
function confirm(index, field) {
  const segment = /** @type {SegmentView} */ (session.segments[index]);
  /** @type {ReviewAction} */
  const action = session.drafts.has(segment.id) ? { kind: 'confirm', segment: segment.id, target: targetAction(index, field) } : { kind: 'confirm', segment: segment.id };
  return act(index, action, `Confirmed segment ${index + 1}.`);
}

/** @param {number} index @param {HTMLInputElement} input */
function commentOn(index, input) {
  const segment = /** @type {SegmentView} */ (session.segments[index]);
  if (input.value.trim() === '') {
    warn(`Write the comment for segment ${index + 1} in its comment field first.`);
    input.focus();
    return Promise.resolve(false);
  }
  const text = input.value;
  input.value = '';
  return act(index, { kind: 'comment', segment: segment.id, comment: text }, `Comment added to segment ${index + 1}.`);
}

/** @param {number} index @param {HTMLInputElement} input */
function sendBack(index, input) {
  const segment = /** @type {SegmentView} */ (session.segments[index]);
  if (input.value.trim() === '') {
    warn(`To send segment ${index + 1} back, write in its comment field what the translator should change.`);
    input.focus();
    return Promise.resolve(false);
  }
  const text = input.value;
  input.value = '';
  return act(index, { kind: 'send-back', segment: segment.id, comment: text }, `Sent segment ${index + 1} back to the translator.`);
}

/** Redraws one row where it is, keeping the focus on the same control. @param {number} index */
function refreshRow(index) {
  const old = list.querySelector(`li[data-index="${index}"]`);
  if (old === null) return;
  const active = document.activeElement;
  const role = active instanceof HTMLElement && old.contains(active) ? active.dataset.role : undefined;
  const caret = active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] : undefined;
  const comment = /** @type {HTMLInputElement | null} */ (old.querySelector('[data-role="comment"]'))?.value ?? '';
  const row = renderRow(index);
  if (old.getAttribute('aria-current') === 'true') row.setAttribute('aria-current', 'true');
  /** @type {HTMLInputElement} */ (row.querySelector('[data-role="comment"]')).value = comment;
  old.replaceWith(row);
  if (role !== undefined) {
    const control = /** @type {HTMLTextAreaElement | HTMLInputElement | null} */ (row.querySelector(`[data-role="${role}"]`));
    control?.focus({ preventScroll: true });
    if (control !== null && caret !== undefined) control.setSelectionRange(caret[0] ?? null, caret[1] ?? null);
  }
}

// ---------------------------------------------------------------------------------------------
// Filters, pages, counts.

/** @param {SegmentView} segment */
function passes(segment) {
  const state = ui.filters.state.value;
  if (state !== 'all' && segment.state !== state) return false;
  const findings = ui.filters.findings.value;
  if (findings === 'any' && segment.findings.length === 0) return false;
  if (findings === 'none' && segment.findings.length > 0) return false;
  if ((findings === 'error' || findings === 'warning') && !segment.findings.some((f) => f.severity === findings)) return false;
  const origin = ui.filters.origin.value;
  if (origin === 'unknown') return segment.origin === undefined;
  return origin === 'all' || segment.origin?.kind === origin;
}

/** Applies the filters, staying on the current segment when it is still shown. */
function applyFilters() {
  const currentIndex = session.shown[session.current];
  session.shown = [];
  session.segments.forEach((segment, i) => {
    if (passes(segment)) session.shown.push(i);
  });
  const position = currentIndex === undefined ? -1 : session.shown.indexOf(currentIndex);
  session.current = Math.max(0, position);
  renderPage();
}

function renderPage() {
  const first = Math.floor(session.current / pageSize) * pageSize;
  const indexes = session.shown.slice(first, first + pageSize);
  const fragment = document.createDocumentFragment();
  for (const index of indexes) fragment.append(renderRow(index));
  list.replaceChildren(fragment);
  markCurrent();
  const total = session.segments.length;
  const shown = session.shown.length;
  ui.range.textContent =
    shown === 0
      ? `No segment matches these filters (${numbers.format(total)} in all).`
      : `Segments ${numbers.format(first + 1)}–${numbers.format(first + indexes.length)} of ${numbers.format(shown)}` + (shown < total ? ` shown (${numbers.format(total)} in all)` : '');
  ui.previous.disabled = first === 0;
  ui.next.disabled = first + pageSize >= shown;
}

function markCurrent() {
  const index = session.shown[session.current];
  for (const row of list.querySelectorAll('li[aria-current]')) row.removeAttribute('aria-current');
  list.querySelector(`li[data-index="${index}"]`)?.setAttribute('aria-current', 'true');
}

function renderCounts() {
  /** @type {Map<string, number>} */
  const states = new Map();
  let errors = 0;
  let warnings = 0;
  for (const segment of session.segments) {
    states.set(segment.state, (states.get(segment.state) ?? 0) + 1);
    for (const f of segment.findings) {
      if (f.severity === 'error') errors += 1;
      else if (f.severity === 'warning') warnings += 1;
    }
  }
  const parts = [`${numbers.format(session.segments.length)} segments`];
  for (const [state, label] of stateLabels) if (states.has(state)) parts.push(`${numbers.format(states.get(state) ?? 0)} ${label}`);
  parts.push(`${numbers.format(errors)} errors`, `${numbers.format(warnings)} warnings`);
  ui.counts.textContent = parts.join(' · ');
}

/**
 * Makes a segment the current one: shows its page, puts the cursor in its target field and keeps
 * its neighbours in view.
 * @param {number} position position in the filtered list
 */
function moveTo(position) {
  if (session.shown.length === 0) return;
  const clamped = Math.max(0, Math.min(session.shown.length - 1, position));
  const samePage = Math.floor(clamped / pageSize) === Math.floor(session.current / pageSize);
  session.current = clamped;
  if (!samePage || list.childElementCount === 0) renderPage();
  else markCurrent();
  const row = list.querySelector(`li[data-index="${session.shown[clamped]}"]`);
  const field = /** @type {HTMLTextAreaElement | null} */ (row?.querySelector('[data-role="target"]') ?? null);
  field?.focus({ preventScroll: true });
  row?.scrollIntoView({ block: 'center' });
}

/** The index (in session.segments) of the row holding the focus, else of the current segment. */
function focusedIndex() {
  const row = document.activeElement?.closest('li.segment');
  const index = row instanceof HTMLElement ? Number(row.dataset.index) : session.shown[session.current];
  return index;
}

// ---------------------------------------------------------------------------------------------
// Loading, keyboard, wiring.

async function load() {
  let response;
  try {
    response = await fetch(api, { headers: { 'X-Review-Token': token } });
  } catch {
    warn('The review server does not answer (was it stopped?). Start `l10n review` again and reload.');
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body?.error?.message ?? `The server answered ${response.status}.`;
    if (session.view === undefined) main.replaceChildren(el('p', { className: 'loading', text: `This document cannot be shown: ${message}` }));
    else warn(message);
    return;
  }
  const reloaded = session.view !== undefined;
  /** @type {ReviewDocument} */
  const view = body.view;
  session.view = view;
  session.segments = [...view.segments];
  session.indexOf = new Map(session.segments.map((s, i) => [s.id, i]));
  session.version = body.version;
  session.conflict = false;
  let changedMeanwhile = 0;
  for (const [id, draft] of session.drafts) {
    const index = session.indexOf.get(id);
    const saved = index === undefined ? undefined : editable(session.segments[index]?.target);
    if (saved === undefined || saved === draft.text) session.drafts.delete(id);
    else if (saved !== draft.base) changedMeanwhile += 1;
  }
  ui.alert.replaceChildren();
  if (list.parentElement !== main) main.replaceChildren(list);
  renderCounts();
  applyFilters();
  if (!reloaded) {
    // For the benchmark (and any browser's performance panel): navigation start → segments painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark('review:segments-shown'), 0));
  } else {
    const kept = session.drafts.size;
    const changed = changedMeanwhile === 0 ? '' : ` ${changedMeanwhile} of them ${changedMeanwhile === 1 ? 'was' : 'were'} changed by someone else meanwhile: see the note under the field.`;
    say(kept === 0 ? 'Reloaded.' : `Reloaded. ${kept} text${kept === 1 ? '' : 's'} you had not saved ${kept === 1 ? 'stays in its field' : 'stay in their fields'}, marked "not saved": save again.${changed}`);
  }
}

document.addEventListener('keydown', (event) => {
  if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
    event.preventDefault();
    const index = focusedIndex();
    const position = index === undefined ? session.current : Math.max(0, session.shown.indexOf(index));
    moveTo(position + (event.key === 'ArrowDown' ? 1 : -1));
    return;
  }
  if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'Enter' || event.key.toLowerCase() === 's')) {
    const index = focusedIndex();
    const row = index === undefined ? null : list.querySelector(`li[data-index="${index}"]`);
    const field = /** @type {HTMLTextAreaElement | null} */ (row?.querySelector('[data-role="target"]') ?? null);
    if (index === undefined || field === null) return;
    event.preventDefault();
    if (event.key === 'Enter') {
      void confirm(index, field);
      moveTo(Math.max(0, session.shown.indexOf(index)) + 1);
    } else {
      void save(index, field);
    }
    return;
  }
  if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
    const filter = event.code === 'KeyS' ? ui.filters.state : event.code === 'KeyF' ? ui.filters.findings : event.code === 'KeyO' ? ui.filters.origin : undefined;
    if (filter !== undefined) {
      event.preventDefault();
      filter.focus();
    }
  }
});

list.addEventListener('focusin', (event) => {
  const row = event.target instanceof Element ? event.target.closest('li.segment') : null;
  if (!(row instanceof HTMLElement)) return;
  const position = session.shown.indexOf(Number(row.dataset.index));
  if (position >= 0 && position !== session.current) {
    session.current = position;
    markCurrent();
  }
});

for (const filter of Object.values(ui.filters)) filter.addEventListener('change', () => applyFilters());
ui.previous.addEventListener('click', () => {
  session.current = Math.max(0, (Math.floor(session.current / pageSize) - 1) * pageSize);
  renderPage();
});
ui.next.addEventListener('click', () => {
  session.current = Math.min(session.shown.length - 1, (Math.floor(session.current / pageSize) + 1) * pageSize);
  renderPage();
});
window.addEventListener('beforeunload', (event) => {
  if (session.drafts.size > 0) event.preventDefault();
});

void load();
