/**
 * Problems of the XML layer as InputErrors: the rule id and hint come from the format being read,
 * so a TMX file's DOCTYPE is `tmx/doctype` with a TMX hint and an XLIFF file's is `xliff/doctype`.
 */
import { DEFAULT_MAX_FILE_MB, MAX_FILE_MB, MAX_FILE_MB_VARIABLE } from '../limits.js';
import { InputError, type Message } from '../model.js';
import type { XmlFormat, XmlProblem } from './options.js';

/** The hint for a problem when the format gives none. */
export function defaultHint(problem: XmlProblem, name: string): string {
  switch (problem) {
    case 'too-large':
      return `Check that this is the right file; if it is, set the environment variable ${MAX_FILE_MB_VARIABLE} to a larger number of megabytes (at most ${MAX_FILE_MB}; default ${DEFAULT_MAX_FILE_MB}).`;
    case 'too-deep':
      return `No ${name} file nests that deep; the file is damaged or hostile. Raise maxDepth only if you trust it.`;
    case 'doctype':
      return 'Remove the <!DOCTYPE …> line; if the tool that wrote the file adds it, report that to its vendor.';
    case 'not-well-formed':
      return 'The file is damaged or was cut short (a failed upload or save?). Export it again from the tool that wrote it; nothing was imported.';
    case 'empty':
      return 'Export the file again from the tool that wrote it.';
    case 'encoding':
      return 'Export the file as UTF-8 from the tool that wrote it.';
    case 'invalid-utf8':
      return 'The file was probably saved in another encoding (Windows-1252, Latin-1) without saying so: save it again as UTF-8, or name its encoding in the first line (<?xml version="1.0" encoding="windows-1252"?>).';
    case 'invalid-encoding':
      return 'Save the file again as UTF-8 from the tool that wrote it.';
  }
}

/** The rule id of a problem in a format: `<rulePrefix>/<name>`. */
export function ruleIdOf(format: XmlFormat, problem: XmlProblem): string {
  return `${format.rulePrefix}/${format.ruleNames?.[problem] ?? problem}`;
}

/** Where a problem is, as far as it is known. */
export interface XmlPlace {
  readonly line?: number;
  readonly column?: number;
}

/** An InputError for an XML-layer problem of `file` read as `format`. */
export function xmlError(
  format: XmlFormat,
  file: string,
  problem: XmlProblem,
  reason: string,
  place: XmlPlace = {},
  extra: Partial<Pick<Message, 'actual' | 'expected' | 'hint'>> = {},
): InputError {
  return new InputError({
    reason,
    ruleId: ruleIdOf(format, problem),
    source: format.source,
    severity: 'error',
    fatal: true,
    file,
    ...(place.line === undefined ? {} : { line: place.line }),
    ...(place.column === undefined ? {} : { column: place.column }),
    ...extra,
    hint: extra.hint ?? format.hints?.[problem] ?? defaultHint(problem, format.name),
  });
}
