/**
 * The build report as JSON: a documented, stable shape (README.md, "Reports") that CI and
 * dashboards can read. No time stamps, sorted messages: the same input gives the same bytes.
 */
import { sortMessages, type Message, type SegmentTarget, type Severity } from '../model.js';
import { capMessage } from '../quote.js';

/** Version of the report's shape; raised only when a field changes meaning or disappears. */
export const REPORT_VERSION = 1;

/** Segment counts of one document in one language. */
export interface BuildCounts {
  readonly segments: number;
  /** Segments published with their translation. */
  readonly published: number;
  /** Segments published in the source language (policy `untranslated: source`). */
  readonly fellBack: number;
  /** Segments without a publishable translation. */
  readonly missing: number;
  /**
   * Only for a document that policy `hold` keeps unpublished in this language: its segments whose
   * translation is ready (published once the `missing` ones are too). `published` is then 0.
   */
  readonly held?: number;
  /**
   * Of the published, machine output no person has confirmed (`policies.machine.publish`);
   * absent when there is none.
   */
  readonly machine?: number;
}

/** Who confirmed a reviewed or final segment, as the file says. */
export interface Confirmation {
  /** The segment (unit) id. */
  readonly unit: string;
  readonly state: 'reviewed' | 'final';
  /** The reviewer's name. */
  readonly by: string;
  /** When, ISO 8601, where the file says. */
  readonly at?: string;
}

/** The review of one document in one language: present only when some segment is reviewed or final. */
export interface ReviewSummary {
  readonly reviewed: number;
  readonly final: number;
  /** The segments whose file names who confirmed them, in document order. */
  readonly confirmations: readonly Confirmation[];
  /** Reviewed or final segments whose file names nobody. */
  readonly unnamed: number;
}

export interface ReportDocument {
  readonly document: string;
  readonly source: string;
  readonly language: string;
  readonly xliff: string;
  readonly counts: BuildCounts;
  /** True when policy `hold` kept the document unpublished in this language (left out otherwise). */
  readonly held?: true;
  /** Files written (or, with --check, that would be written), relative to the project root. */
  readonly outputs: readonly string[];
  /** Who confirmed what; absent when no segment is reviewed or final. */
  readonly review?: ReviewSummary;
}

/**
 * The review summary of a document's segments (in order) from what its file says about each;
 * undefined when none is reviewed or final.
 */
export function reviewSummary(segmentIds: readonly string[], targets: ReadonlyMap<string, SegmentTarget> | undefined): ReviewSummary | undefined {
  let reviewed = 0;
  let final = 0;
  let unnamed = 0;
  const confirmations: Confirmation[] = [];
  for (const id of segmentIds) {
    const t = targets?.get(id);
    if (t?.target === undefined || t.needsReview || (t.state !== 'reviewed' && t.state !== 'final')) continue;
    // A locked unit (nothing to translate) is final by itself: no person confirmed it.
    if (t.locked === true) continue;
    if (t.state === 'reviewed') reviewed += 1;
    else final += 1;
    const by = t.reviewedBy?.decision === 'sent-back' ? undefined : t.reviewedBy;
    if (by === undefined) unnamed += 1;
    else confirmations.push({ unit: id, state: t.state, by: by.by, ...(by.at === undefined ? {} : { at: by.at }) });
  }
  return reviewed + final === 0 ? undefined : { reviewed, final, confirmations, unnamed };
}

/** "Ana 3, Ben 1" (most first), or "nobody named" when the files name no one. */
export function confirmedBy(summary: ReviewSummary): string {
  const byName = new Map<string, number>();
  for (const c of summary.confirmations) byName.set(c.by, (byName.get(c.by) ?? 0) + 1);
  const names = [...byName].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, n]) => `${name} ${n}`);
  if (summary.unnamed > 0) names.push(`unnamed ${summary.unnamed}`);
  return names.join(', ');
}

/** How a language's build treats machine output no person has confirmed. */
export interface MachinePublishing {
  /** True when `policies.machine.publish` lists the language: such output is published as it is. */
  readonly publish: boolean;
  /** Sentences published as unconfirmed machine output. */
  readonly published: number;
}

export interface BuildReport {
  readonly reportVersion: number;
  readonly language: string;
  readonly failOn: Severity;
  /**
   * `build` only: true when this run wrote the language's outputs (those of its documents that
   * could be built); false when it wrote none of them (findings at or above `failOn`, or the
   * writes failed), so the other files in `output/<lang>/` are from an earlier run. `build
   * --check` says what a build would write, to compare with the report on disk; absent in `check`.
   */
  readonly written?: boolean;
  /** Present when the language publishes unconfirmed machine output (`policies.machine.publish`). */
  readonly machine?: MachinePublishing;
  readonly summary: { readonly errors: number; readonly warnings: number; readonly notices: number };
  readonly documents: readonly ReportDocument[];
  readonly messages: readonly Message[];
}

/** Assembles the report of one language; what its messages quote is capped (`capMessage`). */
export function buildReport(
  language: string,
  failOn: Severity,
  documents: readonly ReportDocument[],
  messages: readonly Message[],
  run: { readonly written?: boolean; readonly machinePublish?: boolean } = {},
): BuildReport {
  const count = (s: Severity): number => messages.filter((m) => m.severity === s).length;
  return {
    reportVersion: REPORT_VERSION,
    language,
    failOn,
    ...(run.written === undefined ? {} : { written: run.written }),
    ...(run.machinePublish === true ? { machine: { publish: true, published: documents.reduce((n, d) => n + (d.counts.machine ?? 0), 0) } } : {}),
    summary: { errors: count('error'), warnings: count('warning'), notices: count('info') },
    documents,
    messages: sortMessages(messages).map(capMessage),
  };
}

/** The report as pretty JSON with a final newline. */
export function reportToJson(report: BuildReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
