/**
 * File access that every stage shares: strict decoding, paths that cannot escape the project,
 * and writes that never leave a half-written file behind.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeLimit, raiseLimitHint } from './limits.js';
import { InputError, type Message } from './model.js';

/**
 * Decodes UTF-8 strictly. A byte order mark is kept as U+FEFF at the start of the text, so a
 * document written back from its source is the same bytes. Invalid bytes are an InputError
 * that names the line, column and byte offset of the first bad byte.
 */
export function decodeUtf8(bytes: Uint8Array, file: string, source = 'read'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, offset));
    const lines = before.split('\n');
    throw new InputError({
      reason: `the file is not valid UTF-8 (byte ${offset} is 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')})`,
      ruleId: `${source}/encoding`,
      source,
      severity: 'error',
      fatal: true,
      file,
      line: lines.length,
      column: (lines.at(-1)?.length ?? 0) + 1,
      hint: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8); a Windows-1252 or Latin-1 file shows this error at its first umlaut',
    });
  }
}

/** Offset of the first byte that makes the prefix undecodable (binary search over streaming decodes). */
function firstInvalidByte(bytes: Uint8Array): number {
  const decodesAsPrefix = (length: number): boolean => {
    try {
      // stream: true accepts a prefix that ends inside a valid multi-byte sequence.
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodesAsPrefix(mid)) good = mid;
    else bad = mid;
  }
  // `bad` is the shortest failing prefix, so byte bad-1 is where decoding broke. When it broke
  // because a multi-byte sequence was cut short ("ab" E2 80 "cd"), the sequence's lead byte is
  // what a person must fix: step back to it when its length reaches byte bad-1.
  let offset = bad - 1;
  let lead = offset - 1;
  while (lead >= 0 && offset - lead < 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead -= 1;
  const leadByte = bytes[lead] ?? 0;
  if (lead >= 0 && leadByte >= 0xc0) {
    const length = leadByte >= 0xf0 ? 4 : leadByte >= 0xe0 ? 3 : 2;
    if (lead + length > offset) offset = lead;
  }
  return Math.max(offset, 0);
}

/**
 * Resolves `relative` inside `root` and refuses anything outside it (`..`, absolute paths,
 * drive letters, backslashes). `what` names the setting or attribute the path came from.
 */
export function resolveInside(root: string, relative: string, what: string, file?: string): string {
  const resolved = path.resolve(root, relative);
  const inside = resolved === root || resolved.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  if (!inside || relative.includes('\\') || path.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) {
    throw new InputError({
      reason: `${what} "${relative}" points outside the project folder`,
      ruleId: 'files/path-escape',
      source: 'files',
      severity: 'error',
      fatal: true,
      ...(file === undefined ? {} : { file }),
      hint: 'use a path relative to the project root, with forward slashes and without ".."',
    });
  }
  return resolved;
}

/** How the temporary files of `writeFileAtomic` begin: `.l10n-tmp-<pid>-<file name>`. */
const TEMPORARY_PREFIX = '.l10n-tmp-';
const TEMPORARY_NAME = /^\.l10n-tmp-(\d+)-/u;

/**
 * True when a file name is one of `writeFileAtomic`'s temporary files. Nothing reads them as
 * project files (translations, glossaries, orphans): one can stay behind when a process is
 * killed outright (SIGKILL, a power cut) between writing it and renaming it.
 */
export function isTemporaryFile(name: string): boolean {
  return name.startsWith(TEMPORARY_PREFIX);
}

/** False when no process has this id any more (another user's process counts as alive). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders whose stale temporary files this process has removed already. */
const swept = new Set<string>();

/**
 * Removes the temporary files that processes no longer running left in `folder`, once per folder
 * and process (a command is one process): they are incomplete copies nobody will rename. Files
 * of running processes (another `l10n` writing at the same time) are left alone. Best effort:
 * what cannot be removed stays (and is still never read). Every write calls it for its folder;
 * commands call it for the folders they own even when they write nothing new there.
 */
export function removeStaleTemporaryFiles(folder: string): void {
  if (swept.has(folder)) return;
  swept.add(folder);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(TEMPORARY_NAME.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    try {
      rmSync(path.join(folder, name), { force: true });
    } catch {
      // Left for the next run; readers skip it meanwhile.
    }
  }
}

/**
 * Writes a file so that readers see either the old content or the new one, never a part: the
 * content goes to a temporary file in the same folder, which is then renamed over the target.
 * The write is synchronous, so a signal (Ctrl-C) is handled only before or after it, never
 * between the two steps; the first write into a folder removes what killed processes left there.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  removeStaleTemporaryFiles(path.dirname(file));
  const temporary = temporaryPathFor(file);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** What a failed write means for a person: the cause in words (with the system's code) and what to do. */
export interface WriteFailure {
  /** The system's error code (`ENOSPC`), when there is one. */
  readonly code: string | undefined;
  /** The cause, e.g. "the disk is full (ENOSPC)". */
  readonly cause: string;
  readonly hint: string;
}

/**
 * Explains an error thrown by a write (`writeFileAtomic`, `mkdirSync`, `rmSync`) by its code, so
 * that a full disk is not called a permission problem nor the other way round. `folder` names
 * the setting or folder the hint points at (`paths.output`).
 */
export function writeFailure(error: unknown, folder: string): WriteFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const tail = 'nothing was left half-written; run the command again once it is fixed';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { code, cause: `the disk is full (${code})`, hint: `free space on the disk that holds ${folder} (or raise the quota); ${tail}` };
    case 'EACCES':
    case 'EPERM':
      return { code, cause: `permission denied (${code})`, hint: `make ${folder} and its files writable for the user running l10n; ${tail}` };
    case 'EROFS':
      return { code, cause: `the file system is read-only (${code})`, hint: `run l10n in a writable checkout, or mount the file system that holds ${folder} read-write; ${tail}` };
    case 'ENOTDIR':
    case 'EEXIST':
      return { code, cause: `a file stands where a folder should be (${code})`, hint: `a part of the path is a file, not a folder (is ${folder} a file?): move it away; ${tail}` };
    case 'EISDIR':
      return { code, cause: `a folder stands where the file should be (${code})`, hint: `move the folder away; ${tail}` };
    case 'EMFILE':
    case 'ENFILE':
      return { code, cause: `too many open files (${code})`, hint: `close other programs or raise the limit (ulimit -n); ${tail}` };
    default:
      return {
        code,
        cause: code === undefined ? (error instanceof Error ? error.message : String(error)) : `the system refused it (${code})`,
        hint: `check ${folder}, its permissions and the free disk space; ${tail}`,
      };
  }
}

/**
 * Where a file's new content waits before it is renamed over the file: beside it (a rename never
 * crosses file systems), hidden, and named by the process (`.l10n-tmp-<pid>-<name>`).
 */
export function temporaryPathFor(file: string): string {
  return path.join(path.dirname(file), `${TEMPORARY_PREFIX}${process.pid}-${path.basename(file)}`);
}

/** A path relative to the project root with forward slashes, for messages and XLIFF attributes. */
export function projectRelative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * The name of a document: its path relative to the source folder, without the extension
 * (`source/a/b.txt` → `a/b` when the source folder is `source`); a listed path outside the source
 * folder is named by its file name alone (`other/x.txt` → `x`). It names the document's XLIFF files
 * (`translations/<lang>/<name>.xlf`) and outputs (`output/<lang>/<name>.txt`), so documents in
 * different folders of the source folder may share a file name (`a/x.txt`, `b/x.txt`).
 */
export function documentName(relativePath: string, sourceFolder = 'source'): string {
  const folder = sourceFolder.replace(/^\.\/|\/+$/gu, '');
  const inside = folder === '' || folder === '.' ? relativePath : relativePath.startsWith(`${folder}/`) ? relativePath.slice(folder.length + 1) : relativePath.slice(relativePath.lastIndexOf('/') + 1);
  const slash = inside.lastIndexOf('/');
  const base = inside.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  return inside.slice(0, slash + 1) + (dot > 0 ? base.slice(0, dot) : base);
}

/** A document path whose files an earlier path's files would overwrite (see `documentNameClashes`). */
export interface DocumentNameClash {
  /** Index of the later path in the list. */
  readonly index: number;
  readonly path: string;
  /** The earlier path that claims the same files. */
  readonly first: string;
  /** What both would write: their XLIFF and output files (the same name), or one output file. */
  readonly what: 'name' | { readonly output: string };
  /** What to do about it. */
  readonly hint: string;
}

/** Why two documents must not share a name, for the hint of a clash message. */
export const DOCUMENT_NAME_CLASH_HINT =
  'rename one of the files (names are the path below the source folder without the extension, compared without case, and "x.aside" is the name of x\'s aside file)';

/** Why a clash is one, in a sentence (`later` and `first` as the message shows them). */
export function clashReason(clash: DocumentNameClash, later = `"${clash.path}"`): string {
  if (clash.what === 'name') return `${later} has the same document name as "${clash.first}", so both would write the same XLIFF and output files`;
  return `${later} would write the output file "${clash.what.output}", as ${clash.first === 'the build report' ? 'the build report does' : `"${clash.first}" does`}`;
}

/** Output names no document may take: the build writes them itself. */
export const RESERVED_OUTPUTS: readonly string[] = ['report.json'];

/**
 * The paths whose files an earlier path already claims: the same document name (both would write
 * `translations/<lang>/<name>.xlf`, and the later one would merge into, then overwrite, the
 * earlier one's translations) or the same output file (`outputNamesOf`, a format's outputs), or an
 * output the build writes itself (`report.json`). Case is folded (macOS and Windows file systems
 * ignore it) and `.aside` is dropped (`a.aside.xlf` is where document `a` keeps its removed units).
 */
export function documentNameClashes(
  paths: readonly string[],
  sourceFolder = 'source',
  outputNamesOf: (path: string) => readonly string[] = () => [],
): DocumentNameClash[] {
  const seen = new Map<string, string>();
  const clashes: DocumentNameClash[] = [];
  for (const name of RESERVED_OUTPUTS) seen.set(`output:${name}`, '');
  paths.forEach((relativePath, index) => {
    const claims: Array<[key: string, what: DocumentNameClash['what']]> = [
      [`name:${documentName(relativePath, sourceFolder).toLowerCase().replace(/\.aside$/u, '')}`, 'name'],
      ...outputNamesOf(relativePath).map((o): [string, DocumentNameClash['what']] => [`output:${o.toLowerCase()}`, { output: o }]),
    ];
    for (const [key, what] of claims) {
      const first = seen.get(key);
      if (first === undefined) continue;
      clashes.push({
        index,
        path: relativePath,
        first: first === '' ? 'the build report' : first,
        what,
        hint: first === '' ? 'rename the file: the build writes its report under this name' : DOCUMENT_NAME_CLASH_HINT,
      });
      return;
    }
    for (const [key] of claims) seen.set(key, relativePath);
  });
  return clashes;
}

export { DEFAULT_MAX_FILE_MB, MAX_FILE_MB_VARIABLE, maxFileBytes } from './limits.js';

/**
 * Reads a file after checking its size on disk (stat, before a byte is read), so that a file far
 * larger than any real one (a 2 GB upload by mistake) is refused before it fills memory, and one
 * too large for Node to read at all is still called too large, never missing. `rulePrefix` names
 * the format in rule ids: `<prefix>/missing` (no such file), `<prefix>/too-large`, `<prefix>/io`
 * (anything else); `display` is the name messages show.
 */
export function readBoundedFile(absolute: string, display: string, maxBytes: number, rulePrefix: string): Uint8Array {
  const fail = (rule: string, reason: string, hint: string, extra: Partial<Message> = {}): never => {
    throw new InputError({ reason, ruleId: `${rulePrefix}/${rule}`, source: rulePrefix, severity: 'error', fatal: true, file: display, hint, ...extra });
  };
  try {
    const size = statSync(absolute).size;
    if (size > maxBytes) {
      fail('too-large', `the file is ${(size / 1024 / 1024).toFixed(1)} MB (${size} bytes), more than the limit of ${describeLimit(maxBytes)}`,
        `Check that this is the right file. To read larger files, ${raiseLimitHint(size)}.`,
        { actual: String(size), expected: `at most ${maxBytes} bytes` });
    }
    return readFileSync(absolute);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('missing', 'the file does not exist', 'Check the path.');
    return fail('io', `the file cannot be read (${code ?? 'error'})`, 'Check the path and the permissions.');
  }
}
