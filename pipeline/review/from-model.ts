/**
 * The review view of a document in one language, made from the pipeline's model: the source
 * sentences with their codes and glossary terms (`Document`), what the translator's file says
 * about each (`SegmentTarget`: target, state, origin, notes, candidates, who reviewed) and the
 * findings of the checks (`Message`s with the segment's id). The project's review store and the
 * build's static report both use it, so the page and the report show the same thing.
 */
import { type Candidate, type Content, type Document, type InlineCode, type Message, type SegmentTarget, type Span } from '../model.js';
import type { CandidateView, CodeView, ContentView, FindingView, NoteView, Origin, ReviewDocument, ReviewState, SegmentView, TermView } from './view.js';

/** What a view is made of. */
export interface ModelViewInput {
  readonly doc: Document;
  /** Target language (BCP 47). */
  readonly language: string;
  readonly sourceLanguage: string;
  /** The translations' file, relative to the project root (for people). */
  readonly file: string;
  /** What the file says about each segment, by segment id (a segment without entry has no unit yet). */
  readonly targets: ReadonlyMap<string, SegmentTarget>;
  /** Messages about this document in this language; those naming a segment become its findings. */
  readonly messages: readonly Message[];
}

/** Note categories that are the pipeline's own (context, glossary, the review record): not shown as notes. */
const HIDDEN_NOTES: ReadonlySet<string> = new Set(['context', 'glossary', 'l10n-review']);

/** The view of one document in one language. */
export function modelView(input: ModelViewInput): ReviewDocument {
  const findings = new Map<string, FindingView[]>();
  for (const message of input.messages) {
    if (message.unit === undefined) continue;
    // The reader's notices about a whole file name its first unit; a segment's findings are the checks' and the problems of its own unit.
    if (message.source !== 'qa' && message.severity === 'info') continue;
    const list = findings.get(message.unit) ?? [];
    list.push(findingView(message));
    findings.set(message.unit, list);
  }
  const segments: SegmentView[] = [];
  for (const block of input.doc.blocks) {
    for (const segment of block.segments) {
      const target = input.targets.get(segment.id);
      const content = target?.target;
      const origin = originOf(target);
      const view: SegmentView = {
        id: segment.id,
        block: { id: block.id, kind: block.kind },
        source: { ...contentView(segment), terms: termViews(segment.spans, segment.text.length, input.language) },
        ...(content === undefined ? {} : { target: contentView(content) }),
        state: reviewState(target),
        ...(origin === undefined ? {} : { origin }),
        findings: findings.get(segment.id) ?? [],
        candidates: (target?.candidates ?? []).map(candidateView),
        notes: (target?.notes ?? []).filter((n) => n.category === undefined || n.author !== undefined || !HIDDEN_NOTES.has(n.category)).map(noteView),
        ...confirmedBy(target),
      };
      segments.push(view);
    }
  }
  return { document: input.doc.name, language: input.language, sourceLanguage: input.sourceLanguage, file: input.file, segments };
}

/** The review state of what a file says about a segment (see `ReviewState`). */
export function reviewState(target: SegmentTarget | undefined): ReviewState {
  if (target?.target === undefined) return 'initial';
  if (target.state === 'initial') return 'needs-translation';
  if (target.needsReview) return 'needs-review';
  return target.state;
}

/** Who confirmed a reviewed or final target, as the file says. */
function confirmedBy(target: SegmentTarget | undefined): Pick<SegmentView, 'confirmedBy'> {
  const by = target?.reviewedBy;
  if (by === undefined || by.decision === 'sent-back' || target?.target === undefined || target.needsReview || (target.state !== 'reviewed' && target.state !== 'final')) return {};
  return { confirmedBy: by.at === undefined ? { name: by.by } : { name: by.by, time: by.at } };
}

/** Who wrote the target: the reviewer who edited it, else what the file says. */
function originOf(target: SegmentTarget | undefined): Origin | undefined {
  if (target?.target === undefined) return undefined;
  if (target.editedBy !== undefined) return { kind: 'reviewer', provider: target.editedBy.by };
  if (target.origin === 'source-copy') return undefined;
  if (target.origin === 'translator') return { kind: 'translator' };
  // The candidate the target equals names the engine or the memory.
  const text = target.target.text;
  const provider = target.candidates.find((c) => c.target.text === text && c.origin !== undefined)?.origin;
  return provider === undefined ? { kind: target.origin } : { kind: target.origin, provider };
}

function findingView(message: Message): FindingView {
  const accepted = (message as Message & { accepted?: string }).accepted;
  return {
    ruleId: message.ruleId,
    severity: message.severity,
    reason: message.reason,
    ...(message.hint === undefined ? {} : { hint: message.hint }),
    ...(message.expected === undefined ? {} : { expected: message.expected }),
    ...(message.actual === undefined ? {} : { actual: message.actual }),
    ...(accepted === undefined ? {} : { accepted }),
  };
}

/** A code as people see it: its label, its equivalent text, or its markup, shortened. */
function codeView(code: InlineCode): CodeView {
  const shown = code.disp ?? code.equiv ?? (code.data === '' ? code.type : code.data);
  const display = shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
  return { id: code.id, kind: code.kind, at: code.at, ...(display === '' ? {} : { display }) };
}

function contentView(content: Content): ContentView {
  return { text: content.text, codes: content.codes.map(codeView) };
}

/** A language's entries of a per-language record (exact tag, then the primary language). */
function forLanguage<T>(record: Readonly<Record<string, T>> | undefined, language: string): T | undefined {
  if (record === undefined) return undefined;
  if (Object.hasOwn(record, language)) return record[language];
  const primary = language.split('-')[0] ?? language;
  return Object.hasOwn(record, primary) ? record[primary] : undefined;
}

/** The glossary terms of a segment, in order and without overlaps (the view's contract). */
function termViews(spans: readonly Span[], length: number, language: string): TermView[] {
  const out: TermView[] = [];
  let end = 0;
  const sorted = spans.filter((s) => s.kind === 'term' && s.start >= 0 && s.end <= length && s.start < s.end).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const span of sorted) {
    if (span.start < end) continue;
    end = span.end;
    out.push({
      start: span.start,
      end: span.end,
      term: span.term ?? '',
      approved: span.dnt === true ? [] : [...(forLanguage(span.targets, language) ?? [])],
      forbidden: [...(forLanguage(span.forbidden, language) ?? [])],
      dnt: span.dnt === true,
      ...(span.note === undefined ? {} : { note: span.note }),
    });
  }
  return out;
}

const MACHINE = /\b(?:mt|machine)\b/iu;

function candidateView(candidate: Candidate): CandidateView {
  const kind = `${candidate.type ?? ''} ${candidate.origin ?? ''}`;
  return {
    kind: /previous-version/iu.test(kind) ? 'previous' : MACHINE.test(kind) ? 'machine' : 'memory',
    target: contentView(candidate.target),
    ...(candidate.source === undefined ? {} : { source: candidate.source }),
    ...(candidate.quality === undefined ? {} : { quality: candidate.quality }),
    ...(candidate.origin === undefined ? {} : { origin: candidate.origin }),
  };
}

function noteView(note: SegmentTarget['notes'][number]): NoteView {
  return { author: note.author ?? note.category ?? 'note', ...(note.time === undefined ? {} : { time: note.time }), text: note.text };
}
