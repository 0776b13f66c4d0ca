/**
 * Validates XLIFF against the official schemas in ../shared/schemas with xmllint-wasm (libxml2 in
 * WebAssembly). The schemas import each other by relative paths and URLs; xmllint-wasm sees only a
 * flat in-memory folder, so every schemaLocation is rewritten to a bare file name.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** Where the shared schemas live, seen from the project root. */
export const SCHEMA_ROOT = path.resolve(process.cwd(), '../shared/schemas/xliff');

/** True when the schemas are present (CI machines may lack them). */
export const schemasAvailable = existsSync(path.join(SCHEMA_ROOT, '1.2', 'xliff-core-1.2-strict.xsd'));

/** The message a skipped schema test shows. */
export const SKIP_REASON = `XLIFF schemas not found at ${SCHEMA_ROOT}: schema validation skipped`;

interface SchemaFile {
  readonly fileName: string;
  readonly contents: string;
}

function flatten(contents: string): string {
  return contents.replace(/schemaLocation="([^"]*)"/gu, (_m, loc: string) => `schemaLocation="${loc.split('/').pop() ?? loc}"`);
}

function xsdFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...xsdFiles(full));
    else if (name.endsWith('.xsd')) out.push(full);
  }
  return out;
}

let cache12: { main: SchemaFile; preload: SchemaFile[] } | undefined;
let cache21: { main: SchemaFile; preload: SchemaFile[] } | undefined;

function schema12(): { main: SchemaFile; preload: SchemaFile[] } {
  cache12 ??= {
    main: { fileName: 'xliff-core-1.2-strict.xsd', contents: flatten(readFileSync(path.join(SCHEMA_ROOT, '1.2', 'xliff-core-1.2-strict.xsd'), 'utf8')) },
    preload: [{ fileName: 'xml.xsd', contents: readFileSync(path.join(SCHEMA_ROOT, '1.2', 'xml.xsd'), 'utf8') }],
  };
  return cache12;
}

function schema21(): { main: SchemaFile; preload: SchemaFile[] } {
  if (cache21 === undefined) {
    const seen = new Set<string>();
    const preload: SchemaFile[] = [];
    for (const file of xsdFiles(path.join(SCHEMA_ROOT, '2.1'))) {
      const name = path.basename(file);
      if (seen.has(name)) continue;
      seen.add(name);
      preload.push({ fileName: name, contents: flatten(readFileSync(file, 'utf8')) });
    }
    cache21 = {
      main: { fileName: 'xliff-2.1-with-modules.xsd', contents: flatten(readFileSync(path.join(SCHEMA_ROOT, 'xliff-2.1-with-modules.xsd'), 'utf8')) },
      preload,
    };
  }
  return cache21;
}

/** Validates a 1.2 file against the strict schema or a 2.x file against 2.1 + modules. */
export async function validateXliff(xml: string, version: '1.2' | '2.1'): Promise<{ valid: boolean; errors: string[] }> {
  const { main, preload } = version === '1.2' ? schema12() : schema21();
  const result = await validateXML({ xml: [{ fileName: 'file.xlf', contents: xml }], schema: [main], preload });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
