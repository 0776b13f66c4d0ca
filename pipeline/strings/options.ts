/**
 * Options of software strings: where a site's code and catalogs are, and how its i18next setup
 * spells keys, namespaces, plurals, contexts, interpolations and nesting.
 *
 * Every field is documented with its meaning, range and default; the defaults live in
 * `STRINGS_DEFAULTS` only, and `resolveStringsOptions` checks a partial input up front, refusing
 * the first wrong field with "expected X, got Y".
 */
import { InputError } from '../model.js';
import { closest } from '../suggest.js';

/** How an i18next value marks variables: `{{name}}`, `{{count, number}}`, `{{- html}}`. */
export interface InterpolationSyntax {
  /** Opens a variable. Non-empty. Default '{{' (i18next's `interpolation.prefix`). */
  readonly prefix: string;
  /** Closes a variable. Non-empty. Default '}}'. */
  readonly suffix: string;
  /** Marks a variable that is not escaped (`{{- html}}`). Non-empty. Default '-'. */
  readonly unescapePrefix: string;
  /** Separates the variable from its format (`{{count, number}}`). Non-empty. Default ','. */
  readonly formatSeparator: string;
}

/** How an i18next value nests another key: `$t(key)`, `$t(key, {"count": 1})`. */
export interface NestingSyntax {
  /** Opens a nested key. Non-empty. Default '$t(' (i18next's `interpolation.nestingPrefix`). */
  readonly prefix: string;
  /** Closes it. Non-empty. Default ')'. */
  readonly suffix: string;
}

/** Catalog layout for a namespace that has no catalog yet. */
export type CatalogStyle = 'nested' | 'flat';

export interface StringsOptions {
  /** Language of the German catalogs (BCP 47). Default 'de'. */
  readonly sourceLanguage: string;
  /**
   * Globs of the site's source files, relative to the project root, with forward slashes
   * (`*`, `?`, `**`, `{a,b}`). Lexer by extension: .js .mjs .cjs .ts .mts .cts (JavaScript),
   * .jsx .tsx (JSX with the Trans component), .html .htm (`data-i18n` attributes).
   * Default ['src/**\/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,html,htm}'].
   */
  readonly input: readonly string[];
  /** Globs to leave out (matched like `input`). Default ['**\/node_modules/**']. */
  readonly ignore: readonly string[];
  /**
   * Namespaces of the site, one catalog each. A key in another namespace is reported, not
   * written. Names: letters, digits, `_`, `-`, `.`; not ending in `.aside` or `.meta` (the names
   * of a catalog's companion files). Default ['translation'] (i18next's default).
   */
  readonly namespaces: readonly string[];
  /** Namespace of a key that names none. One of `namespaces`. Default 'translation'. */
  readonly defaultNamespace: string;
  /** Separates the levels of a key (`card.readMore`); false: keys are flat. Default '.'. */
  readonly keySeparator: string | false;
  /** Separates a namespace from its key (`common:nav.home`); false: none. Default ':'. */
  readonly nsSeparator: string | false;
  /** Separates a key from its plural form (`comments_one`). Non-empty. Default '_'. */
  readonly pluralSeparator: string;
  /** Separates a key from its context (`friend_male`). Non-empty. Default '_'. */
  readonly contextSeparator: string;
  /**
   * Context values that a catalog key may end in (`friend_male`), so that such a key is read
   * as a variant of its base key. Values found as literals in the code (`{context: 'male'}`)
   * count too. Default ['male', 'female'].
   */
  readonly contextValues: readonly string[];
  readonly interpolation: InterpolationSyntax;
  readonly nesting: NestingSyntax;
  /**
   * Keys never moved aside although the code does not name them: keys the code builds at run
   * time (`t('errors.' + code)`). `namespace:key`, or `namespace:prefix*` for every key starting
   * with the prefix. Default [].
   */
  readonly keep: readonly string[];
  /** Names of the translation function. Default ['t'] (also matches `i18n.t`, `props.t`). */
  readonly functions: readonly string[];
  /** Components whose children are a translation (react-i18next). Default ['Trans']. */
  readonly transComponents: readonly string[];
  /**
   * HTML tags a Trans component keeps by name instead of numbering them (react-i18next's
   * `transKeepBasicHtmlNodesFor`). Default ['br', 'strong', 'i', 'p'].
   */
  readonly transKeepBasicHtmlNodesFor: readonly string[];
  /** Attribute naming keys in HTML templates. Default 'data-i18n'. */
  readonly htmlAttribute: string;
  /** Attribute holding JSON options (`defaultValue`, `count`…) in HTML templates. Default 'data-i18n-options'. */
  readonly htmlOptionsAttribute: string;
  /**
   * A comment right above a key's use becomes a note for translators. With a tag (e.g.
   * 'translators:'), only comments starting with it count (the tag is dropped). Default '' (any).
   */
  readonly commentTag: string;
  /**
   * German catalogs, relative to the root: `{lng}` is the language, `{ns}` the namespace. The
   * aside file of removed keys is `<name>.aside.json` beside it, notes and length limits are in
   * `<name>.meta.json`. Default 'source/locales/{lng}/{ns}.json'.
   */
  readonly catalogs: string;
  /** Translated catalogs, relative to the root, same placeholders. Default 'output/{lng}/locales/{ns}.json'. */
  readonly output: string;
  /** Layout of a catalog created from scratch. Default 'nested' ('flat' when keySeparator is false). */
  readonly newCatalogStyle: CatalogStyle;
  /** Indentation of a catalog created from scratch, in spaces, 0 to 8. Default 2. */
  readonly newCatalogIndent: number;
  /**
   * Length limits in characters (grapheme clusters, inline codes not counted), by
   * `namespace:key`; a key ending in `*` covers every key starting with what precedes it
   * (`common:nav.*`). A limit in `<ns>.meta.json` wins. Integers ≥ 1. Default {}.
   */
  readonly maxLength: Readonly<Record<string, number>>;
}

/** Every option's default, in one place. */
export const STRINGS_DEFAULTS: StringsOptions = Object.freeze({
  sourceLanguage: 'de',
  input: Object.freeze(['src/**/*.{js,mjs,cjs,ts,mts,cts,jsx,tsx,html,htm}']),
  ignore: Object.freeze(['**/node_modules/**']),
  namespaces: Object.freeze(['translation']),
  defaultNamespace: 'translation',
  keySeparator: '.',
  nsSeparator: ':',
  pluralSeparator: '_',
  contextSeparator: '_',
  contextValues: Object.freeze(['male', 'female']),
  interpolation: Object.freeze({ prefix: '{{', suffix: '}}', unescapePrefix: '-', formatSeparator: ',' }),
  nesting: Object.freeze({ prefix: '$t(', suffix: ')' }),
  keep: Object.freeze([]),
  functions: Object.freeze(['t']),
  transComponents: Object.freeze(['Trans']),
  transKeepBasicHtmlNodesFor: Object.freeze(['br', 'strong', 'i', 'p']),
  htmlAttribute: 'data-i18n',
  htmlOptionsAttribute: 'data-i18n-options',
  commentTag: '',
  catalogs: 'source/locales/{lng}/{ns}.json',
  output: 'output/{lng}/locales/{ns}.json',
  newCatalogStyle: 'nested',
  newCatalogIndent: 2,
  maxLength: Object.freeze({}),
}) as StringsOptions;

/** Options as a caller writes them: any field may be left out. */
export type StringsOptionsInput = {
  readonly [K in keyof StringsOptions]?: StringsOptions[K] extends InterpolationSyntax | NestingSyntax ? Partial<StringsOptions[K]> : StringsOptions[K];
};

const NAMESPACE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/u;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/u;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/**
 * A wrong option: the InputError `resolveStringsOptions` throws, with the option it is about
 * (`keySeparator`, `input[0]`, `interpolation.prefix`, `maxLength["common:nav.*"]`), so that a
 * config file can point at the option's line and column (see `optionPath`).
 */
export class StringsOptionError extends InputError {
  constructor(
    readonly field: string,
    detail: ConstructorParameters<typeof InputError>[0],
  ) {
    super(detail);
  }
}

/** The path of an option as `StringsOptionError.field` names it: `input[0]` → ['input', 0], `maxLength["a:b"]` → ['maxLength', 'a:b']. */
export function optionPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const m of field.matchAll(/\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/gu)) {
    if (m[1] !== undefined) path.push(m[1]);
    else if (m[2] !== undefined) path.push(Number(m[2]));
    else if (m[3] !== undefined) path.push(m[3]);
  }
  return path;
}

function refuse(field: string, expected: string, value: unknown, hint?: string): never {
  throw new StringsOptionError(field, {
    reason: `strings option ${field}: expected ${expected}, got ${describe(value)}`,
    ruleId: 'strings/option',
    source: 'strings',
    severity: 'error',
    fatal: true,
    expected,
    actual: describe(value),
    ...(hint === undefined ? {} : { hint }),
  });
}

function nonEmptyString(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') refuse(field, 'a non-empty string', value);
  return value;
}

function stringList(field: string, value: unknown, { minItems = 0, item = (f: string, v: unknown) => nonEmptyString(f, v) } = {}): readonly string[] {
  if (!Array.isArray(value)) refuse(field, minItems > 0 ? 'a list of at least one string' : 'a list of strings', value);
  if (value.length < minItems) refuse(field, `a list of at least ${minItems} string${minItems === 1 ? '' : 's'}`, value);
  return Object.freeze(value.map((v, i) => item(`${field}[${i}]`, v)));
}

function globList(field: string, value: unknown, minItems: number): readonly string[] {
  return stringList(field, value, {
    minItems,
    item: (f, v) => {
      const glob = nonEmptyString(f, v);
      if (glob.includes('\\') || glob.startsWith('/') || glob.split('/').includes('..') || /^[A-Za-z]:/u.test(glob)) {
        refuse(f, 'a glob relative to the project root, with forward slashes and without ".."', v);
      }
      if ((glob.match(/\{/gu) ?? []).length !== (glob.match(/\}/gu) ?? []).length) refuse(f, 'a glob whose "{" and "}" match', v);
      return glob;
    },
  });
}

function separator(field: string, value: unknown, allowFalse: boolean): string | false {
  if (allowFalse && value === false) return false;
  if (typeof value !== 'string' || value === '') refuse(field, allowFalse ? 'a non-empty string or false' : 'a non-empty string', value);
  return value;
}

function pathTemplate(field: string, value: unknown): string {
  const text = nonEmptyString(field, value);
  if (!text.includes('{ns}') || !text.includes('{lng}')) refuse(field, 'a path containing {lng} and {ns}', value);
  if (!text.endsWith('.json')) refuse(field, 'a path ending in .json', value);
  if (text.includes('\\') || text.startsWith('/') || text.split('/').includes('..')) {
    refuse(field, 'a path relative to the project root, with forward slashes and without ".."', value);
  }
  return text;
}

/**
 * Checks options and fills in the defaults. Throws an InputError (rule `strings/option`) naming
 * the first wrong field, what it expected and what it got; an unknown field gets "did you mean".
 */
export function resolveStringsOptions(input: StringsOptionsInput = {}): StringsOptions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) refuse('(all)', 'an object', input);
  const known = Object.keys(STRINGS_DEFAULTS);
  for (const field of Object.keys(input)) {
    if (!known.includes(field)) {
      const near = closest(field, known);
      refuse(field, `one of the fields ${known.join(', ')}`, field, near === undefined ? undefined : `did you mean "${near}"?`);
    }
  }
  const d = STRINGS_DEFAULTS;
  const take = <K extends keyof StringsOptions>(k: K): unknown => (input[k] === undefined ? d[k] : input[k]);

  const sourceLanguage = nonEmptyString('sourceLanguage', take('sourceLanguage'));
  if (!LANGUAGE_TAG.test(sourceLanguage)) refuse('sourceLanguage', 'a BCP 47 language tag such as "de" or "de-AT"', sourceLanguage);
  const namespaces = stringList('namespaces', take('namespaces'), {
    minItems: 1,
    item: (f, v) => {
      const name = nonEmptyString(f, v);
      if (!NAMESPACE_NAME.test(name) || /\.(aside|meta)$/u.test(name)) {
        refuse(f, 'a namespace name of letters, digits, "_", "-" and ".", not ending in ".aside" or ".meta"', v);
      }
      return name;
    },
  });
  const duplicate = namespaces.find((ns, i) => namespaces.indexOf(ns) !== i);
  if (duplicate !== undefined) refuse('namespaces', 'each namespace once', duplicate);
  const defaultNamespace = nonEmptyString('defaultNamespace', input.defaultNamespace ?? (namespaces.includes(d.defaultNamespace) ? d.defaultNamespace : namespaces[0]));
  if (!namespaces.includes(defaultNamespace)) refuse('defaultNamespace', `one of the namespaces (${namespaces.join(', ')})`, defaultNamespace);

  const keySeparator = separator('keySeparator', take('keySeparator'), true);
  const nsSeparator = separator('nsSeparator', take('nsSeparator'), true);
  const pluralSeparator = separator('pluralSeparator', take('pluralSeparator'), false) as string;
  const contextSeparator = separator('contextSeparator', take('contextSeparator'), false) as string;

  const objectOf = (field: string, value: unknown): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(field, 'an object', value);
    return value as Record<string, unknown>;
  };
  const interpolationInput = objectOf('interpolation', input.interpolation ?? {});
  const interpolation: InterpolationSyntax = Object.freeze({
    prefix: nonEmptyString('interpolation.prefix', interpolationInput['prefix'] ?? d.interpolation.prefix),
    suffix: nonEmptyString('interpolation.suffix', interpolationInput['suffix'] ?? d.interpolation.suffix),
    unescapePrefix: nonEmptyString('interpolation.unescapePrefix', interpolationInput['unescapePrefix'] ?? d.interpolation.unescapePrefix),
    formatSeparator: nonEmptyString('interpolation.formatSeparator', interpolationInput['formatSeparator'] ?? d.interpolation.formatSeparator),
  });
  const nestingInput = objectOf('nesting', input.nesting ?? {});
  const nesting: NestingSyntax = Object.freeze({
    prefix: nonEmptyString('nesting.prefix', nestingInput['prefix'] ?? d.nesting.prefix),
    suffix: nonEmptyString('nesting.suffix', nestingInput['suffix'] ?? d.nesting.suffix),
  });

  const style = take('newCatalogStyle');
  if (style !== 'nested' && style !== 'flat') refuse('newCatalogStyle', '"nested" or "flat"', style);
  const indent = take('newCatalogIndent');
  if (typeof indent !== 'number' || !Number.isInteger(indent) || indent < 0 || indent > 8) refuse('newCatalogIndent', 'an integer from 0 to 8', indent);

  const maxLengthInput = objectOf('maxLength', take('maxLength'));
  const maxLength: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [key, value] of Object.entries(maxLengthInput)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) refuse(`maxLength["${key}"]`, 'an integer of at least 1', value);
    maxLength[key] = value;
  }

  const commentTag = take('commentTag');
  if (typeof commentTag !== 'string') refuse('commentTag', 'a string', commentTag);

  return Object.freeze({
    sourceLanguage,
    input: globList('input', take('input'), 1),
    ignore: globList('ignore', take('ignore'), 0),
    namespaces,
    defaultNamespace,
    keySeparator,
    nsSeparator,
    pluralSeparator,
    contextSeparator,
    contextValues: stringList('contextValues', take('contextValues')),
    interpolation,
    nesting,
    keep: stringList('keep', take('keep'), {
      item: (f, v) => {
        const pattern = nonEmptyString(f, v);
        const sep = nsSeparator === false ? ':' : nsSeparator;
        if (!pattern.includes(sep)) refuse(f, `"namespace${sep}key" or "namespace${sep}prefix*"`, v);
        return pattern;
      },
    }),
    functions: stringList('functions', take('functions'), { minItems: 1 }),
    transComponents: stringList('transComponents', take('transComponents')),
    transKeepBasicHtmlNodesFor: stringList('transKeepBasicHtmlNodesFor', take('transKeepBasicHtmlNodesFor')),
    htmlAttribute: nonEmptyString('htmlAttribute', take('htmlAttribute')),
    htmlOptionsAttribute: nonEmptyString('htmlOptionsAttribute', take('htmlOptionsAttribute')),
    commentTag,
    catalogs: pathTemplate('catalogs', take('catalogs')),
    output: pathTemplate('output', take('output')),
    newCatalogStyle: input.newCatalogStyle === undefined && keySeparator === false ? 'flat' : style,
    newCatalogIndent: indent,
    maxLength: Object.freeze(maxLength),
  });
}

/**
 * Whether a key is kept by a `keep` pattern (`namespace:key` or `namespace:prefix*`). With no
 * namespace separator, patterns are written `namespace:key` all the same.
 */
export function isKept(namespace: string, key: string, patterns: readonly string[], nsSeparator: string | false): boolean {
  const full = `${namespace}${nsSeparator === false ? ':' : nsSeparator}${key}`;
  return patterns.some((p) => (p.endsWith('*') ? full.startsWith(p.slice(0, -1)) : full === p));
}

/** The path of a catalog from a template: `{lng}` and `{ns}` filled in. */
export function catalogPath(template: string, language: string, namespace: string): string {
  return template.replaceAll('{lng}', language).replaceAll('{ns}', namespace);
}

/** The aside file (removed keys) beside a catalog: `common.json` → `common.aside.json`. */
export function asidePath(catalogFile: string): string {
  return catalogFile.replace(/\.json$/u, '.aside.json');
}

/** The metadata file (notes, length limits) beside a catalog: `common.json` → `common.meta.json`. */
export function metaPath(catalogFile: string): string {
  return catalogFile.replace(/\.json$/u, '.meta.json');
}
