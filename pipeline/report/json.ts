/**
 * The build report as JSON: a documented, stable shape (README.md, "Reports") that CI and
 * dashboards can read. No time stamps, sorted messages: the same input gives the same bytes.
 */
import { sortMessages, type Message, type Severity } from '../model.js';
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
   * Of the published, machine output no person has confirmed (`policies.machine.publish`);
   * absent when there is none.
   */
  readonly machine?: number;
}

export interface ReportDocument {
  readonly document: string;
  readonly source: string;
  readonly language: string;
  readonly xliff: string;
  readonly counts: BuildCounts;
  /** Files written (or, with --check, that would be written), relative to the project root. */
  readonly outputs: readonly string[];
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
  /** Present when the language publishes unconfirmed machine output (`policies.machine.publish`). */
  readonly machine?: MachinePublishing;
  readonly summary: { readonly errors: number; readonly warnings: number; readonly notices: number };
  readonly documents: readonly ReportDocument[];
  readonly messages: readonly Message[];
}

/** Assembles the report of one language; what its messages quote is capped (`capMessage`). */
export function buildReport(language: string, failOn: Severity, documents: readonly ReportDocument[], messages: readonly Message[], machinePublish = false): BuildReport {
  const count = (s: Severity): number => messages.filter((m) => m.severity === s).length;
  return {
    reportVersion: REPORT_VERSION,
    language,
    failOn,
    ...(machinePublish ? { machine: { publish: true, published: documents.reduce((n, d) => n + (d.counts.machine ?? 0), 0) } } : {}),
    summary: { errors: count('error'), warnings: count('warning'), notices: count('info') },
    documents,
    messages: sortMessages(messages).map(capMessage),
  };
}

/** The report as pretty JSON with a final newline. */
export function reportToJson(report: BuildReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
