/**
 * Software strings: the interface texts of a site (i18next catalogs and the code that uses
 * them) as a second kind of source beside articles, with the same XLIFF workflow, glossary and
 * checks. See README "Software strings".
 *
 * Layers, lowest first: options, regexp, glob → json → catalog, keys, plurals, codes, meta →
 * units, target, checks → locate → extract → refresh → io. Nothing here prints or exits;
 * problems are messages, and input that cannot be used at all is an InputError.
 */
export { STRINGS_DEFAULTS, resolveStringsOptions, catalogPath, asidePath, metaPath, isKept, StringsOptionError, optionPath } from './options.js';
export type { StringsOptions, StringsOptionsInput, InterpolationSyntax, NestingSyntax, CatalogStyle } from './options.js';
export { parseJson, jsonValue, LineIndex, MAX_JSON_DEPTH } from './json.js';
export type { JsonNode, JsonObject, JsonArray, JsonString, JsonScalar, JsonMember, JsonPlace, JsonDocument } from './json.js';
export { readCatalog, writeCatalog, formatCatalog, newLayout, pathForKey } from './catalog.js';
export type { Catalog, CatalogEntry, CatalogLayout, CatalogLeaf, CatalogReadOptions } from './catalog.js';
export { shapeKeys, pluralKey, contextKey, pluralGroupKey, pluralFormsByGroup } from './keys.js';
export type { KeyShape, KeySyntax, KeyHints, PluralForm } from './keys.js';
export { PLURAL_CATEGORIES, pluralCategories, pluralCategoryOf, targetPluralForms, sourceFormFor, pluralExamples } from './plurals.js';
export type { PluralCategory, PluralType } from './plurals.js';
export { parseCodes, renderCodedText, toRuns, fromRuns, compareCodes, alignCodeIds, nestingReference } from './codes.js';
export type { InlineCode, CodedText, CodeKind, CodeType, CodeSyntax, CodeProblem } from './codes.js';
export { readCatalogMeta, maxLengthFor, metaNoteFor } from './meta.js';
export type { CatalogMeta, KeyMeta } from './meta.js';
export { unitsForLanguage, flatUnits, isPluralGroup, carryTarget } from './units.js';
export { stringUnitId, pluralGroupId, stringBlockId } from '../ids.js';
export type { StringUnit, PluralGroup, StringItem, UnitPlural, UnitExtras, PreviousTarget } from './units.js';
export { buildTargetCatalog } from './target.js';
export type { TargetCatalog } from './target.js';
export { checkTranslations, checkCodes, checkLength, checkPluralForms, visibleLength } from './checks.js';
export { extractKeys, requiredKeys, fileKind } from './extract.js';
export type { KeyUse, SourceFile, ExtractResult, RequiredKey } from './extract.js';
export type { FileKind } from './locate.js';
export { refreshNamespace, nestedKeysOf } from './refresh.js';
export type { RefreshInput, RefreshResult, KeyedLeaf, NestedKeys } from './refresh.js';
export { expandGlobs, globToRegExp } from './glob.js';
export { readSourceFiles, readSourceCatalogs, refreshSourceCatalogs, writeTargetCatalogs, hintsFromUses, commentsFromUses, MAX_SOURCE_FILE_BYTES, MAX_CATALOG_BYTES } from './io.js';
export type { SourceCatalogs, RefreshReport } from './io.js';
