/**
 * What i18next-parser's transform (its gulp and CLI entry) does, measured, and why software
 * strings use only its lexers: entries without positions, warnings as bare strings, a process
 * exit from inside the pipeline, catalogs read and written by the transform itself. If an
 * upgrade changes one of these, this file says which.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Loading i18next-parser (the TypeScript compiler) takes seconds on a busy machine: once, before the tests, with time to spare.
beforeAll(async () => {
  await import('i18next-parser');
}, 120_000);


interface Lexer {
  extract(content: string, filename: string): Record<string, unknown>[];
  on(event: string, listener: (warning: string) => void): void;
}
type LexerClass = new (options?: Record<string, unknown>) => Lexer;
/** The transform is an object-mode stream of source files in and catalog files out. */
interface Transform {
  on(event: string, listener: (...args: never[]) => void): this;
  pipe<T extends NodeJS.WritableStream>(destination: T): T;
  write(file: unknown): boolean;
  end(): void;
}
interface ParserModule {
  readonly JavascriptLexer: LexerClass;
  readonly HTMLLexer: LexerClass;
  readonly transform: new (options: Record<string, unknown>) => Transform;
}
const load = async (): Promise<ParserModule> => (await import('i18next-parser')) as unknown as ParserModule;

/** The smallest object the transform accepts as a source file. */
const sourceFile = (file: string, text: string) => ({ path: file, contents: Buffer.from(text), isBuffer: () => true });

async function runTransform(options: Record<string, unknown>, files: ReturnType<typeof sourceFile>[]): Promise<{ written: Map<string, string>; warnings: unknown[] }> {
  const { transform: Transform } = await load();
  const stream = new Transform(options);
  const written = new Map<string, string>();
  const warnings: unknown[] = [];
  stream.on('warning', (w: never) => warnings.push(w));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.pipe(new Writable({ objectMode: true, write(file: { path: string; contents: Buffer }, _, done) { written.set(path.relative(path.dirname(path.dirname(file.path)), file.path).split(path.sep).join('/'), file.contents.toString()); done(); } })).on('finish', resolve);
    for (const file of files) stream.write(file);
    stream.end();
  });
  return { written, warnings };
}

describe('i18next-parser 9, as measured', () => {
  it('gives lexer entries without any position: no file, line or column', async () => {
    const { JavascriptLexer } = await load();
    const entries = new JavascriptLexer().extract("\n\nt('a', 'A');\nt('b', { count: n });", 'a.js');
    expect(entries).toEqual([{ key: 'a', defaultValue: 'A' }, { key: 'b', count: 'n' }]);
  });

  it('reports a dynamic key as a bare string naming neither file nor place ("undefined" for a concatenation)', async () => {
    const { JavascriptLexer } = await load();
    const lexer = new JavascriptLexer();
    const warnings: string[] = [];
    lexer.on('warning', (w) => warnings.push(w));
    lexer.extract("t('errors.' + code);\nt(name);", 'a.js');
    expect(warnings).toEqual(['Key is not a string literal: undefined', 'Key is not a string literal: name']);
  });

  it('lets a SyntaxError escape from the HTML lexer on bad options JSON', async () => {
    const { HTMLLexer } = await load();
    expect(() => new HTMLLexer().extract('<a data-i18n="x" data-i18n-options=\'{bad}\'></a>', 'a.html')).toThrowError(SyntaxError);
  });

  it('returns the keys of earlier files again when one HTML lexer reads several files', async () => {
    const { HTMLLexer } = await load();
    const lexer = new HTMLLexer();
    lexer.extract('<p data-i18n="first"></p>', 'a.html');
    expect(lexer.extract('<p data-i18n="second"></p>', 'b.html').map((e) => e.key)).toEqual(['first', 'second']);
  });

  it('ends the process from inside the transform when warnings are set to fail', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'l10n-parser-'));
      await runTransform({ locales: ['de'], output: path.join(folder, '$LOCALE/$NAMESPACE.json'), failOnWarnings: true }, [sourceFile('/site/a.js', 't(name)')]).catch(() => undefined);
      expect(exit).toHaveBeenCalledWith(1);
      rmSync(folder, { recursive: true, force: true });
    } finally {
      exit.mockRestore();
    }
  });

  it('reads existing catalogs itself, writes "" for keys without text, and moves removed keys to a _old catalog', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'l10n-parser-'));
    mkdirSync(path.join(folder, 'de'));
    writeFileSync(path.join(folder, 'de/common.json'), '{"share": "Teilen (bearbeitet)", "gone": "Weg"}');
    const { written, warnings } = await runTransform(
      { locales: ['de', 'fr'], output: path.join(folder, '$LOCALE/$NAMESPACE.json'), defaultNamespace: 'common' },
      [sourceFile('/site/a.js', "t('share', 'Teilen'); t('items', { count: n });")],
    );
    expect(warnings).toEqual([]);
    expect([...written.keys()]).toEqual(['de/common.json', 'de/common_old.json', 'fr/common.json']);
    expect(JSON.parse(written.get('de/common.json') as string)).toEqual({ share: 'Teilen (bearbeitet)', items_one: '', items_other: '' });
    expect(JSON.parse(written.get('de/common_old.json') as string)).toEqual({ gone: 'Weg' });
    expect(JSON.parse(written.get('fr/common.json') as string)).toEqual({ share: 'Teilen', items_one: '', items_many: '', items_other: '' });
    rmSync(folder, { recursive: true, force: true });
  });
});
