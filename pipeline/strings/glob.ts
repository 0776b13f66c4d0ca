/**
 * File globs for the site's source files: `*` (any characters but `/`), `?` (one such
 * character), `**` (any number of folders), `{a,b}` (alternatives, not nested), everything else
 * literal. Node 20 has no glob of its own (`fs.glob` arrived in 22), and the few patterns a site
 * needs do not justify a dependency; a project that moves to Node 22 can swap this for `fs.glob`.
 */
import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { escapeRegExp } from './regexp.js';

/** A RegExp matching whole project-relative paths (forward slashes) against a glob. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let i = 0;
  let inBraces = false;
  while (i < glob.length) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
      if (atStart && atEnd) {
        // "**/" matches zero or more folders; a final "**" matches everything below.
        out += i + 2 === glob.length ? '.*' : '(?:[^/]*/)*';
        i += i + 2 === glob.length ? 2 : 3;
        continue;
      }
      out += '[^/]*';
      i += 2;
      continue;
    }
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{' && !inBraces) {
      inBraces = true;
      out += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces = false;
      out += ')';
    } else if (c === ',' && inBraces) out += '|';
    else out += escapeRegExp(c);
    i += 1;
  }
  if (inBraces) out += ')';
  return new RegExp(`^${out}$`, 'u');
}

/** The folder part of a glob before its first wildcard: where the walk starts. */
function globBase(glob: string): string {
  const parts = glob.split('/');
  const literal: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (/[*?{]/u.test(part)) break;
    literal.push(part);
  }
  return literal.join('/');
}

/**
 * Project-relative paths of the files under `root` that match one of `include` and none of
 * `exclude`, sorted (so extraction reads files in the same order on every machine). Folders
 * whose name starts with a dot are not entered; a folder that does not exist matches nothing.
 */
export function expandGlobs(root: string, include: readonly string[], exclude: readonly string[] = []): string[] {
  const includes = include.map(globToRegExp);
  const excludes = exclude.map(globToRegExp);
  const found = new Set<string>();
  const walk = (relative: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (excludes.some((r) => r.test(child) || r.test(`${child}/`))) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && includes.some((r) => r.test(child))) found.add(child);
    }
  };
  const bases = [...new Set(include.map(globBase))].sort();
  // A base inside another base is walked by the outer one already.
  for (const base of bases) {
    if (bases.some((other) => other !== base && (other === '' || base.startsWith(`${other}/`)))) continue;
    walk(base);
  }
  return [...found].sort();
}
