/**
 * The project configuration, `l10n.config.yaml`: languages, documents, paths and policies.
 *
 * It is read with `yaml`'s document API and a LineCounter, so that every mistake (an unknown key,
 * a wrong type, a value out of range) is reported with file, line and column before anything runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isScalar, isSeq, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { clashReason, decodeUtf8, documentNameClashes } from './files.js';
import { readMachineSection, type MachineSection } from './machine-config.js';
import { InputError, type Severity, type TargetState } from './model.js';
import { optionPath, resolveStringsOptions, StringsOptionError, type StringsOptions, type StringsOptionsInput } from './strings/options.js';
import type { XliffVersion } from './xliff/index.js';
import { checkYaml, readCheckedYaml, type FieldType, type YamlReport } from './yaml-check.js';

export const CONFIG_FILE = 'l10n.config.yaml';

/** The severity a config gives a check, or `off`. */
export type CheckSetting = Severity | 'off';

/**
 * What the config is checked against besides its own schema: the names the project's registries
 * know. The config module knows no check itself (checks sit above it), so the caller passes them.
 */
export interface ConfigVocabulary {
  /** Every rule id the `checks:` section may name (the check registry's, `RULE_IDS`). */
  readonly ruleIds: readonly string[];
}

/** What `build` does with a segment that has no publishable translation. */
export type UntranslatedPolicy = 'fail' | 'source';

/** XLIFF settings for one target language; unset fields take the project's. */
export interface XliffSettings {
  /** XLIFF version written by `extract`. Range: '1.2' | '2.1'. Default '1.2'. */
  readonly version: XliffVersion;
  /**
   * Shape of the file for a CAT tool family. 'omegat' pre-fills empty targets with the source,
   * because OmegaT only translates text already inside `<target>`. Default 'default'.
   */
  readonly profile: 'default' | 'omegat';
}

export interface Config {
  /** Absolute path of the config file (messages name it). */
  readonly file: string;
  /** Absolute project root: the folder of the config file. */
  readonly root: string;
  /** Source language, BCP 47. Default 'de'. */
  readonly sourceLanguage: string;
  /** Target languages, BCP 47, in the order reports list them. At least one. */
  readonly targetLanguages: readonly string[];
  /**
   * Source documents, relative to the root: paths and globs (`source/news/*.txt`). Default (empty):
   * every file under `paths.source` that a registered format reads (see `findDocuments`).
   */
  readonly documents: readonly string[];
  readonly paths: {
    /** Folder of source documents. Default 'source'. */
    readonly source: string;
    /** Glossary files or folders. Default ['glossary']. */
    readonly glossary: readonly string[];
    /** Folder of XLIFF files, one sub-folder per language. Default 'translations'. */
    readonly translations: string;
    /** Folder of generated documents, one sub-folder per language. Default 'output'. */
    readonly output: string;
    /**
     * Folder of the project's own language files (`<code>.yaml`), which add languages to the
     * bundled ones or replace them. Default 'languages' (absent: only the bundled ones).
     */
    readonly languages: string;
  };
  readonly segmentation: {
    /** An SRX file (relative to the root) used instead of the bundled German rules. Default none. */
    readonly srx: string | undefined;
    /**
     * Extra abbreviations that never end a sentence, without their full stop (the file may write
     * it: "med." is read as "med"). Default [].
     */
    readonly abbreviations: readonly string[];
  };
  /** XLIFF settings for all languages. */
  readonly xliff: XliffSettings;
  /** Per-language XLIFF overrides, e.g. `fr: {version: '2.1'}`. */
  readonly xliffByLanguage: ReadonlyMap<string, XliffSettings>;
  readonly policies: {
    /** 'fail' (default): an untranslated segment fails the build; 'source': publish the source with a warning. */
    readonly untranslated: UntranslatedPolicy;
    /** Lowest state that is published. Default 'translated'. */
    readonly publishState: Exclude<TargetState, 'initial'>;
    /** Lowest severity that makes `build` and `check` exit 1. Default 'error'. */
    readonly failOn: Severity;
    /**
     * Machine output (`l10n translate`) that no person has confirmed yet. `publish`: the target
     * languages whose builds publish it as it is, saying so in their reports (a newsroom's choice
     * per language). Default: none, so machine output waits for a person.
     */
    readonly machine: { readonly publish: readonly string[] };
  };
  /**
   * Severity per quality-check rule id (`qa/…`), or 'off'. Rules not named run at their default
   * severity (README.md, "Quality checks"). Default: empty.
   */
  readonly checks: ReadonlyMap<string, CheckSetting>;
  /** Software strings (`strings:`): the site's i18next catalogs as documents. Default: none. */
  readonly strings: StringsConfig | undefined;
  /**
   * The `mt:` section: machine translation settings for `l10n translate` (README.md, "Machine
   * translation"); undefined when absent. API keys are never in it: they come from the environment.
   */
  readonly mt: MachineSection | undefined;
}

/** The `strings:` section, checked. */
export interface StringsConfig {
  /** The options (`pipeline/strings/options.ts`); their `sourceLanguage` is the project's. */
  readonly options: StringsOptions;
  /** True when `strings.input` is set: `extract` refreshes the German catalogs from the site's code first. */
  readonly readsCode: boolean;
}

/** The XLIFF settings that apply to one language. */
export function xliffSettingsFor(config: Config, language: string): XliffSettings {
  return config.xliffByLanguage.get(language) ?? config.xliff;
}

// The schema of the config file (checked by `checkYaml`, pipeline/yaml-check.ts).

const LANGUAGE: FieldType = {
  type: 'string',
  pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
  describe: 'a BCP 47 language code such as "en" or "pt-BR"',
};
/** Relative, forward slashes, no `..`: a configured path can never point outside the project. */
const RELATIVE_PATH: FieldType = {
  type: 'string',
  pattern: /^(?!\/)(?![A-Za-z]:)(?!(?:.*\/)?\.\.(?:\/|$))[^\\\0]+$/,
  describe: 'a path relative to the project root, with forward slashes and without ".." (it must stay inside the project)',
};
/** An extra abbreviation: a word without spaces, written with its final full stop or without. */
const ABBREVIATION = /^\S*[^\s.]\.?$/u;
export const ABBREVIATION_DESCRIPTION = 'an abbreviation without spaces, with or without its final full stop ("Abg." or "Abg")';

/**
 * An abbreviation as the segmenter takes it, without its final full stop ("med." → "med"), or
 * undefined when it is none (spaces, only full stops). Users write the full stop; the rules
 * add it themselves.
 */
export function abbreviationWithoutStop(written: string): string | undefined {
  return ABBREVIATION.test(written) ? written.replace(/\.$/u, '') : undefined;
}

const XLIFF_FIELDS = {
  version: { type: 'enum', values: ['1.2', '2.1'] },
  profile: { type: 'enum', values: ['default', 'omegat'] },
} as const satisfies Record<string, FieldType>;

const TEXT: FieldType = { type: 'string' };
const TEXTS: FieldType = { type: 'list', of: TEXT };

/**
 * The `strings:` section's shape (types and names, with positions); what the values mean is
 * checked by `resolveStringsOptions` (see `checkStrings`). `sourceLanguage` is the project's.
 */
const STRINGS_FIELDS: FieldType = {
  type: 'object',
  fields: {
    input: TEXTS,
    ignore: TEXTS,
    namespaces: { type: 'list', of: TEXT, minItems: 1 },
    defaultNamespace: TEXT,
    keySeparator: { type: 'false-or', of: TEXT },
    nsSeparator: { type: 'false-or', of: TEXT },
    pluralSeparator: TEXT,
    contextSeparator: TEXT,
    contextValues: TEXTS,
    interpolation: { type: 'object', fields: { prefix: TEXT, suffix: TEXT, unescapePrefix: TEXT, formatSeparator: TEXT } },
    nesting: { type: 'object', fields: { prefix: TEXT, suffix: TEXT } },
    keep: TEXTS,
    functions: TEXTS,
    transComponents: TEXTS,
    transKeepBasicHtmlNodesFor: TEXTS,
    htmlAttribute: TEXT,
    htmlOptionsAttribute: TEXT,
    commentTag: TEXT,
    catalogs: RELATIVE_PATH,
    output: RELATIVE_PATH,
    newCatalogStyle: { type: 'enum', values: ['nested', 'flat'] },
    newCatalogIndent: { type: 'number', min: 0, max: 8 },
    maxLength: { type: 'map', keyPattern: /^.+$/u, keyDescribe: 'a key as "namespace:key" or "namespace:prefix*"', of: { type: 'number', min: 1 } },
  },
};

/** The `checks:` section: a severity (or off) per known rule id. */
function checksSchema(ruleIds: readonly string[]): FieldType {
  return {
    type: 'map',
    keyPattern: new RegExp(`^(?:${ruleIds.map((id) => id.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')).join('|')})$`),
    keyDescribe: `a check's rule id (${ruleIds.join(', ')})`,
    keySuggestions: ruleIds,
    of: { type: 'enum', values: ['off', 'info', 'warning', 'error'] },
  };
}

function schema(vocabulary: ConfigVocabulary): FieldType {
  return {
  type: 'object',
  fields: {
    sourceLanguage: LANGUAGE,
    targetLanguages: { type: 'list', of: LANGUAGE, minItems: 1 },
    documents: { type: 'list', of: RELATIVE_PATH },
    paths: {
      type: 'object',
      fields: {
        source: RELATIVE_PATH,
        glossary: { type: 'list', of: RELATIVE_PATH },
        translations: RELATIVE_PATH,
        output: RELATIVE_PATH,
        languages: RELATIVE_PATH,
      },
    },
    segmentation: {
      type: 'object',
      fields: {
        srx: { type: 'null-or', of: RELATIVE_PATH },
        abbreviations: { type: 'list', of: { type: 'string', pattern: ABBREVIATION, describe: ABBREVIATION_DESCRIPTION } },
      },
    },
    xliff: {
      type: 'object',
      fields: {
        ...XLIFF_FIELDS,
        languages: {
          type: 'map',
          keyPattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
          keyDescribe: 'a target language code',
          of: { type: 'object', fields: XLIFF_FIELDS },
        },
      },
    },
    policies: {
      type: 'object',
      fields: {
        untranslated: { type: 'enum', values: ['fail', 'source'] },
        publishState: { type: 'enum', values: ['translated', 'reviewed', 'final'] },
        failOn: { type: 'enum', values: ['error', 'warning', 'info'] },
        machine: { type: 'object', fields: { publish: { type: 'list', of: LANGUAGE } } },
      },
    },
    checks: checksSchema(vocabulary.ruleIds),
    strings: STRINGS_FIELDS,
    mt: { type: 'mapping' },
  },
  };
}

/** Reads and checks the config file of a project. Throws InputError (exit 2) on any mistake. */
export function loadConfig(root: string, vocabulary: ConfigVocabulary): Config {
  const file = path.resolve(root, CONFIG_FILE);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InputError({
      reason: `cannot read the config file ${CONFIG_FILE}`,
      ruleId: 'config/missing',
      source: 'config',
      severity: 'error',
      fatal: true,
      file,
      hint: 'run l10n from the project root, where l10n.config.yaml is',
    });
  }
  try {
    return parseConfig(decodeUtf8(bytes, file, 'config'), file, vocabulary);
  } catch (error) {
    // Messages name the config file as the user knows it, not by its absolute path.
    if (error instanceof InputError) throw new InputError({ ...error.detail, file: CONFIG_FILE });
    throw error;
  }
}

/** Parses and checks config text; `file` names it in messages and sets the project root. */
export function parseConfig(text: string, file: string, vocabulary: ConfigVocabulary): Config {
  let strings: StringsConfig | undefined;
  let mt: MachineSection | undefined;
  const data = readCheckedYaml(text, schema(vocabulary), {
    file,
    area: 'config',
    source: 'config',
    hint: 'fix the config file; README.md lists every key',
    empty: 'the config file is empty',
    more: (doc, report, place) => {
      const documents = doc.get('documents', true);
      const source = doc.getIn(['paths', 'source']);
      if (isSeq(documents)) checkDocumentNames(documents.items as YamlNode[], typeof source === 'string' ? source : 'source', report);
      strings = checkStrings(doc, report);
      checkMachinePublishing(doc, report);
      mt = readMachineSection(doc, report, place);
    },
  });
  return toConfig(data, file, strings, mt);
}

/**
 * The `strings:` section through `resolveStringsOptions`: a wrong value is reported at its line
 * and column ("expected X, got Y"). The project's `sourceLanguage` is the catalogs' language; the
 * translated catalogs go below `<paths.output>/<lang>/`, where the build writes every language's
 * files (default `<paths.output>/{lng}/locales/{ns}.json`).
 */
function checkStrings(doc: YamlDocument, report: YamlReport): StringsConfig | undefined {
  const node = doc.get('strings', true) as YamlNode | undefined;
  if (node === undefined || node === null) return undefined;
  // The schema has reported what is wrong with the section's shape; the values are checked when it is right.
  let shapeProblems = 0;
  checkYaml(node, STRINGS_FIELDS, 'strings', () => {
    shapeProblems += 1;
  });
  if (shapeProblems > 0) return undefined;
  const input = (doc.getIn(['strings'], false) as { toJSON?: () => unknown } | undefined)?.toJSON?.();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const sourceLanguage = doc.get('sourceLanguage');
  const outputFolder = String(doc.getIn(['paths', 'output']) ?? 'output').replace(/\/+$/u, '');
  const given = input as Record<string, unknown>;
  let options: StringsOptions;
  try {
    options = resolveStringsOptions({
      ...(given as StringsOptionsInput),
      sourceLanguage: typeof sourceLanguage === 'string' ? sourceLanguage : 'de',
      output: (given['output'] as string | undefined) ?? `${outputFolder}/{lng}/locales/{ns}.json`,
    });
  } catch (error) {
    if (!(error instanceof StringsOptionError)) throw error;
    const at = (doc.getIn(['strings', ...optionPath(error.field)], true) ?? node) as YamlNode;
    report(at, error.detail.reason.replace(/^strings option /u, 'strings.'), error.detail.hint ?? 'README.md, "Software strings", lists the options');
    return undefined;
  }
  const prefix = `${outputFolder}/{lng}/`;
  const rest = options.output.startsWith(prefix) ? options.output.slice(prefix.length) : undefined;
  if (rest === undefined || rest.includes('{lng}')) {
    report((doc.getIn(['strings', 'output'], true) ?? node) as YamlNode, `strings.output: expected a path in ${prefix} with {ns} (the build writes each language's files there), got "${options.output}"`, `e.g. ${prefix}locales/{ns}.json`);
    return undefined;
  }
  return { options, readsCode: given['input'] !== undefined };
}

/** `policies.machine.publish` may only name target languages of the project. */
function checkMachinePublishing(doc: YamlDocument, report: YamlReport): void {
  const publish = doc.getIn(['policies', 'machine', 'publish'], true);
  const targets = doc.get('targetLanguages');
  if (!isSeq(publish) || !isSeq(targets)) return;
  const configured = targets.items.map((t) => (isScalar(t) ? String(t.value) : ''));
  publish.items.forEach((item, i) => {
    if (!isScalar(item) || configured.includes(String(item.value))) return;
    report(item as YamlNode, `policies.machine.publish[${i}]: expected one of the targetLanguages (${configured.join(', ')}), got "${String(item.value)}"`);
  });
}

/**
 * Reports a listed document whose name another listed one already has (see
 * `documentNameClashes`); globs are checked when they are expanded (`findDocuments`).
 */
function checkDocumentNames(items: readonly YamlNode[], sourceFolder: string, report: YamlReport): void {
  const paths = items.map((item) => (isScalar(item) && typeof item.value === 'string' && !/[*?[\]{}!]/u.test(item.value) ? item.value : ''));
  for (const clash of documentNameClashes(paths, sourceFolder)) {
    if (clash.path === '') continue;
    report(items[clash.index] as YamlNode, `documents[${clash.index}]: ${clashReason(clash)}`, clash.hint, 'config/duplicate-document');
  }
}

function toConfig(data: Map<string, unknown>, file: string, strings: StringsConfig | undefined, mt: MachineSection | undefined): Config {
  const section = (name: string): Map<string, unknown> => (data.get(name) as Map<string, unknown> | undefined) ?? new Map();
  const paths = section('paths');
  const segmentation = section('segmentation');
  const xliff = section('xliff');
  const policies = section('policies');
  const machinePolicy = (policies.get('machine') as Map<string, unknown> | undefined) ?? new Map<string, unknown>();
  const defaults: XliffSettings = {
    version: (xliff.get('version') as XliffVersion | undefined) ?? '1.2',
    profile: (xliff.get('profile') as XliffSettings['profile'] | undefined) ?? 'default',
  };
  const targetLanguages = (data.get('targetLanguages') as string[] | undefined) ?? ['en', 'fr', 'es'];
  const byLanguage = new Map<string, XliffSettings>();
  for (const [language, settings] of (xliff.get('languages') as Map<string, Map<string, unknown>> | undefined) ?? new Map()) {
    byLanguage.set(language, {
      version: (settings.get('version') as XliffVersion | undefined) ?? defaults.version,
      profile: (settings.get('profile') as XliffSettings['profile'] | undefined) ?? defaults.profile,
    });
  }
  return {
    file,
    root: path.dirname(file),
    sourceLanguage: (data.get('sourceLanguage') as string | undefined) ?? 'de',
    targetLanguages,
    documents: (data.get('documents') as string[] | undefined) ?? [],
    paths: {
      source: (paths.get('source') as string | undefined) ?? 'source',
      glossary: (paths.get('glossary') as string[] | undefined) ?? ['glossary'],
      translations: (paths.get('translations') as string | undefined) ?? 'translations',
      output: (paths.get('output') as string | undefined) ?? 'output',
      languages: (paths.get('languages') as string | undefined) ?? 'languages',
    },
    segmentation: {
      srx: segmentation.get('srx') as string | undefined,
      // Checked against ABBREVIATION above, so the full stop is all there is to remove.
      abbreviations: ((segmentation.get('abbreviations') as string[] | undefined) ?? []).map((a) => a.replace(/\.$/u, '')),
    },
    xliff: defaults,
    xliffByLanguage: byLanguage,
    policies: {
      untranslated: (policies.get('untranslated') as UntranslatedPolicy | undefined) ?? 'fail',
      publishState: (policies.get('publishState') as Config['policies']['publishState'] | undefined) ?? 'translated',
      failOn: (policies.get('failOn') as Severity | undefined) ?? 'error',
      machine: { publish: (machinePolicy.get('publish') as string[] | undefined) ?? [] },
    },
    checks: new Map(
      [...((data.get('checks') as Map<string, CheckSetting | undefined> | undefined) ?? new Map<string, CheckSetting | undefined>())].filter(
        (e): e is [string, CheckSetting] => e[1] !== undefined,
      ),
    ),
    strings,
    mt,
  };
}
