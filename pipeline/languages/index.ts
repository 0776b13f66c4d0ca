/**
 * The language registry: the bundled language files (`pipeline/languages/<code>.yaml`) and a
 * project's own (`paths.languages`, default `languages/`), which add languages or replace bundled
 * ones. Adding a language is one file (and its code in `targetLanguages`); see README.md,
 * "Languages".
 */
import { isPseudoLocale } from '../pseudo/index.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeUtf8, projectRelative } from '../files.js';
import { bundledFile, packageRoot } from '../paths.js';
import { fallbackProfile, parseLanguageProfile, type LanguageProfile } from './profile.js';

export { fallbackProfile, formFor, parseLanguageProfile, type FormPattern, type InflectionRule, type LanguageProfile, type NumberConventions, type NumberForm } from './profile.js';

/** The language files of a folder (absolute), named for messages relative to `root`. */
function profilesIn(folder: string, root: string): LanguageProfile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => {
      const file = path.join(folder, name);
      const shown = projectRelative(root, file);
      return parseLanguageProfile(decodeUtf8(readFileSync(file), shown, 'language'), shown);
    });
}

let bundled: readonly LanguageProfile[] | undefined;

/** The profiles shipped with the pipeline (loaded once). */
export function bundledProfiles(): readonly LanguageProfile[] {
  bundled ??= profilesIn(bundledFile('pipeline/languages'), packageRoot());
  return bundled;
}

/** Profiles by language code, with the fallback for a language without one. */
export class LanguageRegistry {
  private readonly byCode = new Map<string, LanguageProfile>();

  /** Later profiles replace earlier ones of the same code (a project's over the bundled). */
  constructor(profiles: readonly LanguageProfile[] = bundledProfiles()) {
    for (const profile of profiles) this.byCode.set(profile.code.toLowerCase(), profile);
  }

  /**
   * True when a file describes the language (its exact code, or its primary language: `fr` for
   * `fr-CA`). A pseudo-locale (`en-XA`, `qps-ploc`) has only a file of its own exact code: its
   * text keeps the source's numbers and punctuation, so English conventions would misfire (the
   * checks stage uses the source language's profile for it instead).
   */
  has(code: string): boolean {
    return this.find(code) !== undefined;
  }

  /** The profile of a language: its own file's, its primary language's, or the fallback (neutral values). */
  get(code: string): LanguageProfile {
    return this.find(code) ?? fallbackProfile(code);
  }

  private find(code: string): LanguageProfile | undefined {
    const lower = code.toLowerCase();
    if (isPseudoLocale(code)) return this.byCode.get(lower);
    return this.byCode.get(lower) ?? this.byCode.get(lower.split('-')[0] ?? lower);
  }
}

/** The bundled profiles and those of a project folder (absolute; absent is fine), which win. Throws InputError for a bad file. */
export function loadLanguages(projectFolder: string | undefined, root: string): LanguageRegistry {
  return new LanguageRegistry([...bundledProfiles(), ...(projectFolder === undefined ? [] : profilesIn(projectFolder, root))]);
}

let defaultRegistry: LanguageRegistry | undefined;

/** A bundled language's profile by code (or the fallback): for callers that have only a code. */
export function languageProfile(code: string): LanguageProfile {
  defaultRegistry ??= new LanguageRegistry();
  return defaultRegistry.get(code);
}
