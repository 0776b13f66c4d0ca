/**
 * What `l10n inspect` reports about an XLIFF file: a plain, JSON-ready summary of what the reader
 * found, in any version and from any tool. Counts are per segment (1.2: a trans-unit, or each
 * `<mrk mtype="seg">` of a segmented one; 2.x: each `<segment>`).
 */
import { capMessage } from '../quote.js';
import { readXliff } from './read.js';
import type { InlineContent, ParsedUnit, ParsedXliff, ReadOptions } from './types.js';

/** One `<file>` of the summary. */
export interface InspectedFile {
  readonly id: string | null;
  readonly original: string | null;
  readonly sourceLanguage: string | null;
  readonly targetLanguage: string | null;
  readonly units: number;
  readonly segments: number;
}

/** The summary; `README.md` ("Inspecting a file") documents every field. */
export interface XliffSummary {
  readonly file: string;
  readonly version: string;
  readonly sourceLanguage: string | null;
  readonly targetLanguage: string | null;
  readonly files: readonly InspectedFile[];
  readonly units: number;
  readonly segments: number;
  /** Segments whose target holds text (an empty or missing target does not count). */
  readonly targets: number;
  /**
   * Segments per state value as written. Without an XLIFF state: `(none)` for a segment read as
   * untranslated, else `(none: read as <state>)`, e.g. from a Trados confirmation level or a memoQ
   * status, so a vendor's confirmed work is visible before the build.
   */
  readonly states: Readonly<Record<string, number>>;
  /** Inline codes per element name, sources and targets together (`{uri}local` for foreign ones). */
  readonly inlineCodes: Readonly<Record<string, number>>;
  /** Markers (`mrk`, `sm`) per type, segment markers left out. */
  readonly markers: Readonly<Record<string, number>>;
  /** Notes on units and files. */
  readonly notes: number;
  /** Translation candidates (`alt-trans`, `mtc:match`). */
  readonly candidates: number;
  /** Messages the reader reported while accepting the file (unknown states, no namespace…). */
  readonly warnings: readonly string[];
}

/** Counts into a plain object with sorted keys, so the JSON output is stable. */
function sorted(counts: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const key of [...counts.keys()].sort()) out[key] = counts.get(key) as number;
  return out;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function countInline(content: InlineContent | undefined, codes: Map<string, number>, markers: Map<string, number>): void {
  if (content === undefined) return;
  for (const code of content.codes) bump(codes, code.element);
  for (const mark of content.marks) if (mark.type !== 'seg') bump(markers, mark.type);
}

/**
 * Counts units as they come (`add`), so a file can be summarized while it is read without holding
 * its units (`readXliff`'s `onUnit`); `summary` then adds what the file says besides its units.
 */
export class XliffSummarizer {
  private readonly states = new Map<string, number>();
  private readonly codes = new Map<string, number>();
  private readonly markers = new Map<string, number>();
  private readonly perFile: Array<{ units: number; segments: number }> = [];
  private units = 0;
  private segments = 0;
  private targets = 0;
  private notes = 0;
  private candidates = 0;

  /** Counts one unit. */
  add(unit: ParsedUnit): void {
    const counts = (this.perFile[unit.fileIndex] ??= { units: 0, segments: 0 });
    counts.units += 1;
    counts.segments += unit.segments.length;
    this.units += 1;
    this.segments += unit.segments.length;
    this.notes += unit.notes.length;
    this.candidates += unit.candidates.length;
    for (const segment of unit.segments) {
      bump(this.states, stateKey(segment));
      if (segment.target !== undefined && segment.target.text.trim() !== '') this.targets += 1;
      countInline(segment.source, this.codes, this.markers);
      countInline(segment.target, this.codes, this.markers);
    }
  }

  /** The summary of `parsed` (its files, languages and messages) with the units counted so far. */
  summary(parsed: ParsedXliff): XliffSummary {
    return {
      file: parsed.file,
      version: parsed.version,
      sourceLanguage: parsed.sourceLanguage ?? null,
      targetLanguage: parsed.targetLanguage ?? null,
      files: parsed.files.map((f, i) => ({
        id: f.id ?? null,
        original: f.original ?? null,
        sourceLanguage: f.sourceLanguage ?? null,
        targetLanguage: f.targetLanguage ?? null,
        units: this.perFile[i]?.units ?? 0,
        segments: this.perFile[i]?.segments ?? 0,
      })),
      units: this.units,
      segments: this.segments,
      targets: this.targets,
      states: sorted(this.states),
      inlineCodes: sorted(this.codes),
      markers: sorted(this.markers),
      notes: this.notes + parsed.files.reduce((n, f) => n + f.notes.length, 0),
      candidates: this.candidates,
      warnings: parsed.messages.map(capMessage).map((m) => `${m.line ?? '?'}:${m.column ?? '?'}: ${m.reason} [${m.ruleId}]`),
    };
  }
}

/** Summarizes a parsed XLIFF file. */
export function inspectXliff(parsed: ParsedXliff): XliffSummary {
  const summarizer = new XliffSummarizer();
  for (const unit of parsed.units) summarizer.add(unit);
  return summarizer.summary(parsed);
}

/**
 * Reads and summarizes an XLIFF file without keeping its units: memory stays near the file's own
 * size, whatever the number of units. Throws what `readXliff` throws.
 */
export function inspectXliffBytes(bytes: Uint8Array, file: string, options: Omit<ReadOptions, 'onUnit'> = {}): XliffSummary {
  const summarizer = new XliffSummarizer();
  const parsed = readXliff(bytes, file, { ...options, onUnit: (unit) => summarizer.add(unit) });
  return summarizer.summary(parsed);
}

/** The summary as text for people. */
export function summaryText(s: XliffSummary): string {
  const counts = (record: Readonly<Record<string, number>>): string => {
    const entries = Object.entries(record);
    return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k} ${v}`).join(', ');
  };
  const lines = [
    `${s.file}: XLIFF ${s.version}, ${s.sourceLanguage ?? '?'} → ${s.targetLanguage ?? '?'}`,
    `files: ${s.files.length}`,
    ...s.files.map((f) => `  ${f.original ?? f.id ?? '(no name)'}: ${f.units} units, ${f.segments} segments`),
    `units: ${s.units}`,
    `segments: ${s.segments}`,
    `targets with text: ${s.targets}`,
    `states: ${counts(s.states)}`,
    `inline codes: ${counts(s.inlineCodes)}`,
    `markers: ${counts(s.markers)}`,
    `notes: ${s.notes}`,
    `candidates: ${s.candidates}`,
    ...s.warnings.map((w) => `warning: ${w}`),
  ];
  return lines.join('\n') + '\n';
}

/** The state key of a segment: its XLIFF state as written, or what the reader made of its absence. */
function stateKey(segment: ParsedXliff['units'][number]['segments'][number]): string {
  if (segment.rawState !== undefined) return segment.rawState;
  if (segment.state === 'initial' && !segment.needsReview) return '(none)';
  return `(none: read as ${segment.state}${segment.needsReview ? ', needs review' : ''})`;
}
