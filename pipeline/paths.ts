/**
 * Where the package's own data files are, whether the code runs from `pipeline/*.ts` (tests) or
 * from the compiled `dist/pipeline/*.js` (CLI). Data files (rules, schemas) stay in `pipeline/`
 * beside the code that loads them and are never copied into `dist/`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The folder holding this package's package.json. */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

/** Absolute path of a data file shipped with the package, e.g. `pipeline/segment/rules/de.srx`. */
export function bundledFile(relative: string): string {
  return path.join(packageRoot(), relative);
}
