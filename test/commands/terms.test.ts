import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../pipeline/commands/command.js';
import { terms } from '../../pipeline/commands/terms.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'terms');

function fakeIo(input: string, cwd = FIXTURES): CommandIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, stdin: Readable.from([input]), stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, stdoutIsTTY: false, out, err };
}

describe('l10n terms', () => {
  it('writes exactly one JSON line per input line, in order, and nothing else on stdout', async () => {
    const input = ['{"text": "Putins Sprecher im Weißen Haus"}', '{"text": "nichts"}', '', '{"text": "Der Kreml-Chef"}'].join('\n') + '\n';
    const io = fakeIo(input);
    const code = await terms.run(['--glossary', 'basic.yaml', '--jsonl'], io);
    expect(code).toBe(0);
    const lines = io.out.join('').split('\n').filter((l) => l !== '');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { matches: [{ term: 'Wladimir Putin', start: 0, end: 6 }, { term: 'Weißes Haus', start: 19, end: 30 }] },
      { matches: [] },
      { matches: [] },
      { matches: [{ term: 'Kreml-Chef', start: 4, end: 14 }] },
    ]);
  });

  it('keeps the line count on bad input, reports it on stderr and exits 3', async () => {
    const io = fakeIo('not json\n{"txt": 1}\n{"text": "Putin"}\n');
    const code = await terms.run(['--glossary', 'basic.yaml', '--jsonl'], io);
    expect(code).toBe(3);
    expect(io.out.join('').trimEnd().split('\n')).toEqual(['{"matches":[]}', '{"matches":[]}', '{"matches":[{"term":"Wladimir Putin","start":0,"end":5}]}']);
    expect(io.err.join('')).toMatch(/stdin:1: error: not JSON/);
    expect(io.err.join('')).toMatch(/stdin:2: error: expected an object/);
  });

  it('uses <cwd>/glossary by default and lists terms readably without --jsonl', async () => {
    const io = fakeIo('Putin und Interfax\n', path.join(FIXTURES, 'project'));
    const code = await terms.run([], io);
    expect(code).toBe(0);
    expect(io.out.join('')).toContain('0-5  "Putin" → Wladimir Putin (en: Vladimir Putin; fr: Vladimir Poutine)');
    expect(io.out.join('')).toContain('"Interfax" → Interfax (do not translate)');
  });

  it('exits 2 with the messages when the glossary has errors', async () => {
    const io = fakeIo('x\n');
    expect(await terms.run(['--glossary', 'bad.yaml'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/bad\.yaml:4:5: error: unknown key "colour"/);
    expect(io.out).toEqual([]);
  });

  it('turns unknown options into a usage error', async () => {
    await expect(terms.run(['--nope'], fakeIo(''))).rejects.toThrow(/Unknown option/);
  });
});
