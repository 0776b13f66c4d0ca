/**
 * The project's memories on disk: `<paths.translations>/memory/<source>-<target>.tmx`, one per
 * language pair; loading, saving, and collecting approved work from XLIFF files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { maxFileBytes, projectRelative, readBoundedFile, resolveInside, writeFileAtomic } from '../files.js';
import { TARGET_STATES, type SegmentTarget, type TargetState } from '../model.js';
import { languageMatch, normalize } from './merge.js';
import { readOwnTmx } from './tmx-own.js';
import { readTmx, TMX_MAX_BYTES, type TmxVariant } from './tmx-read.js';
import { writeTmx } from './tmx-write.js';
import type { Memory, MemoryEntry } from './types.js';

/** Where the memory of a language pair lives (absolute). */
export function memoryPath(config: Config, language: string): string {
  const folder = resolveInside(config.root, config.paths.translations, 'paths.translations', config.file);
  return path.join(folder, 'memory', `${config.sourceLanguage}-${language}.tmx`);
}

/**
 * Loads the memory of a language pair; an absent file is an empty memory.
 * @throws InputError when the file exists but cannot be read as TMX.
 */
export function loadMemory(config: Config, language: string): Memory {
  const file = memoryPath(config, language);
  const empty: Memory = { sourceLanguage: config.sourceLanguage, targetLanguage: language, entries: [] };
  if (!existsSync(file)) return empty;
  // Size first (stat): a huge memory is refused before it is read.
  const maxBytes = maxFileBytes(process.env, TMX_MAX_BYTES / 1024 / 1024);
  const bytes = readBoundedFile(file, projectRelative(config.root, file), maxBytes, 'tmx');
  // The file as extract wrote it is read without the XML parser; any other goes through it.
  const entries =
    readOwnTmx(bytes, config.sourceLanguage, language) ??
    entriesFromTmx(readTmx(bytes, projectRelative(config.root, file), { maxBytes }), config.sourceLanguage, language, 'project');
  return { ...empty, entries: normalize(entries) };
}

/** Writes the memory when its content changed; returns true when written. */
export function saveMemory(config: Config, memory: Memory): boolean {
  const file = memoryPath(config, memory.targetLanguage);
  const content = writeTmx(memory);
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return false;
  writeFileAtomic(file, content);
  return true;
}

/**
 * Entries of a parsed TMX for one language pair. A variant counts for a language when its tag is
 * that language or a related one (see `languageMatch`); a unit that has the exact tag uses only
 * those variants, so `en-GB` and `en` in one unit give the `en-GB` target to an `en-GB` memory.
 */
export function entriesFromTmx(
  parsed: ReturnType<typeof readTmx>,
  sourceLanguage: string,
  targetLanguage: string,
  defaultOrigin: string,
): MemoryEntry[] {
  const out: MemoryEntry[] = [];
  for (const unit of parsed.units) {
    const source = variantsIn(unit.variants, sourceLanguage)[0];
    if (source === undefined) continue;
    for (const target of variantsIn(unit.variants, targetLanguage)) {
      if (target === source) continue;
      out.push({
        source: source.text,
        target: target.text,
        origin: unit.props.get('x-l10n-origin') ?? defaultOrigin,
        state: unit.props.get('x-l10n-state') ?? 'imported',
      });
    }
  }
  return out;
}

/** The variants of a unit in a language: those with its exact tag, or else those of a related tag. */
function variantsIn(variants: readonly TmxVariant[], language: string): TmxVariant[] {
  const exact = variants.filter((v) => languageMatch(v.language, language) === 'exact');
  return exact.length > 0 ? exact : variants.filter((v) => languageMatch(v.language, language) === 'related');
}

/**
 * The approved translations among a file's targets (as the XLIFF adapter's `readTargets` gives
 * them): reviewed or final, or translated when the project publishes translated work
 * (`policies.publishState`); never a target marked for review, never an untouched copy of the
 * source.
 */
export function approvedEntries(targets: readonly SegmentTarget[], publishState: Exclude<TargetState, 'initial'>): MemoryEntry[] {
  const floor = TARGET_STATES.indexOf(publishState);
  const out: MemoryEntry[] = [];
  for (const t of targets) {
    if (t.needsReview || t.target === undefined || t.origin === 'source-copy') continue;
    if (TARGET_STATES.indexOf(t.state) < floor) continue;
    out.push({ source: t.source.text, target: t.target.text, origin: 'project', state: t.state });
  }
  return out;
}
