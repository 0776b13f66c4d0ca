import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../pipeline/commands/command.js';
import { glossary } from '../../pipeline/commands/glossary.js';
import { loadGlossary } from '../../pipeline/terms/glossary.js';
import { FIXTURES } from './helpers.js';

function fakeIo(cwd = FIXTURES): CommandIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, stdin: Readable.from([]), stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, stdoutIsTTY: false, out, err };
}

describe('l10n glossary check', () => {
  it('exits 0 for a clean glossary (default folder glossary/)', async () => {
    const io = fakeIo(path.join(FIXTURES, 'project'));
    expect(await glossary.run(['check'], io)).toBe(0);
    expect(io.err.join('')).toMatch(/10 entries in 1 file\(s\): 0 error\(s\)/);
  });

  it('exits 2 and prints file:line:column: message for errors', async () => {
    const io = fakeIo();
    expect(await glossary.run(['check', 'bad.yaml', 'syntax.yaml'], io)).toBe(2);
    const err = io.err.join('');
    expect(err).toMatch(/^bad\.yaml:4:5: error: unknown key "colour" in a glossary entry \[glossary\/unknown-key\]/m);
    expect(err).toMatch(/^bad\.yaml:5:15: error: "english" in targets is not a language code/m);
    expect(err).toMatch(/^syntax\.yaml:4:\d+: error: .*\[glossary\/yaml-syntax\]/m);
  });

  it('rejects an unknown subcommand', async () => {
    await expect(glossary.run(['fix'], fakeIo())).rejects.toThrow(/unknown subcommand "fix"/);
  });
});

describe('l10n glossary export and import', () => {
  it('exports TBX to stdout and CSV to a file', async () => {
    const io = fakeIo();
    expect(await glossary.run(['export', '--format', 'tbx', '--glossary', 'basic.yaml'], io)).toBe(0);
    expect(io.out.join('')).toContain('<martif type="TBX-Basic"');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'glossary-'));
    const out = path.join(dir, 'en.csv');
    expect(await glossary.run(['export', '--format', 'csv', '--lang', 'en', '--out', out, '--glossary', path.join(FIXTURES, 'basic.yaml')], fakeIo())).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Weißes Haus,White House\n');
  });

  it('asks for --lang when a CSV export has several languages, and validates --format', async () => {
    await expect(glossary.run(['export', '--format', 'csv', '--glossary', 'basic.yaml'], fakeIo())).rejects.toThrow(/one language pair; choose one of en, es, fr/);
    await expect(glossary.run(['export', '--format', 'xlsx'], fakeIo())).rejects.toThrow(/expected one of tbx, csv, tsv, got "xlsx"/);
  });

  it('imports TBX and CSV into a YAML glossary that loads cleanly, and refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'glossary-'));
    const exportIo = fakeIo();
    await glossary.run(['export', '--format', 'tbx', '--glossary', 'basic.yaml'], exportIo);
    writeFileSync(path.join(dir, 'in.tbx'), exportIo.out.join(''));
    writeFileSync(path.join(dir, 'in.tsv'), 'Kreml\tKremlin\nPeking\tBeijing\n');
    const io = fakeIo(dir);
    expect(await glossary.run(['import', 'in.tbx'], io)).toBe(0);
    const imported = path.join(dir, 'glossary', 'imported.yaml');
    const loaded = loadGlossary([imported]);
    expect(loaded.messages).toEqual([]);
    expect(loaded.glossary.entries).toHaveLength(10);
    await expect(glossary.run(['import', 'in.tbx'], fakeIo(dir))).rejects.toThrow(/exists; pass --force/);
    // Kreml and Peking are in glossary/ now: a second file there would duplicate them.
    expect(await glossary.run(['import', 'in.tsv', '--lang', 'en', '--kind', 'place', '--out', 'glossary/places.yaml'], fakeIo(dir))).toBe(2);
    expect(existsSync(path.join(dir, 'glossary', 'places.yaml'))).toBe(false);
    expect(await glossary.run(['import', 'in.tsv', '--lang', 'en', '--kind', 'place', '--out', 'other/places.yaml'], fakeIo(dir))).toBe(0);
    const places = loadGlossary([path.join(dir, 'other', 'places.yaml')]);
    expect(places.glossary.entries.map((e) => [e.source, e.kind, e.targets.en])).toEqual([['Kreml', 'place', ['Kremlin']], ['Peking', 'place', ['Beijing']]]);
  });

  it('exits 3 when the file to import cannot be read', async () => {
    expect(await glossary.run(['import', 'missing.csv', '--lang', 'en', '--out', path.join(os.tmpdir(), 'never.yaml')], fakeIo())).toBe(3);
  });
});
