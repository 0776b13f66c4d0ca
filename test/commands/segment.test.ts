import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { segment } from '../../pipeline/commands/segment.js';
import { createSegmenter } from '../../pipeline/segment/engine.js';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('l10n segment', () => {
  it('prints one sentence per line, each input line a paragraph', async () => {
    project = tempProject();
    const result = await project.run(['segment'], 'Er kam am 3. Oktober an. Dann ging er.\nZweiter Absatz ohne Punkt\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Er kam am 3. Oktober an.\nDann ging er.\nZweiter Absatz ohne Punkt\n');
  });

  it('--jsonl writes exactly one line per input line, in order, and nothing else on stdout', async () => {
    project = tempProject();
    const input = [
      { id: 'a', text: 'Der Kreml bestreitet eine Verschwörung gegen die USA.Der Kreml achtete darauf.' },
      { id: 'b', text: 'Zum 80. Jahrestag kamen alle.' },
      { id: 'c', text: '' },
      { id: 'd', text: '„Wir kommen. Wir bleiben“, sagte er.' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const result = await project.run(['segment', '--jsonl'], input + '\n');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual([
      { sentences: ['Der Kreml bestreitet eine Verschwörung gegen die USA.', 'Der Kreml achtete darauf.'] },
      { sentences: ['Zum 80. Jahrestag kamen alle.'] },
      { sentences: [] },
      { sentences: ['„Wir kommen.', 'Wir bleiben“, sagte er.'] },
    ]);
    expect(result.stderr).toBe('');
  });

  it('--jsonl keeps the line count on a bad line, names it on stderr and exits 3', async () => {
    project = tempProject();
    const result = await project.run(['segment', '--jsonl'], '{"text": "Eins. Zwei."}\nnot json\n{"text": 5}\n');
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('{"sentences":["Eins.","Zwei."]}\n{"sentences":[]}\n{"sentences":[]}\n');
    expect(result.stderr).toContain('stdin:2: error: expected a JSON object with a string "text"');
    expect(result.stderr).toContain('stdin:3: error:');
  });

  it('reads its input in pieces: a line or a character cut between two pieces comes out whole', async () => {
    const paragraphs = ['Der Kreml schweigt. Peking auch.', 'Äußerst „gut“, sagte er. Dann ging er.', '', 'Ende ohne Zeilenende'];
    const bytes = Buffer.from(paragraphs.join('\r\n'));
    // Cut every 5 bytes: through the CRLF pairs, through "Ä", "ß", "„" and "“".
    const pieces = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.subarray(i * 5, i * 5 + 5));
    let stdout = '';
    const code = await segment.run([], {
      cwd: process.cwd(),
      stdin: Readable.from(pieces),
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => undefined,
      isTTY: false,
      stdoutIsTTY: false,
    });
    const segmenter = createSegmenter({ language: 'de', abbreviations: [] });
    const expected = paragraphs.flatMap((p) => segmenter.split(p).map(({ start, end }) => `${p.slice(start, end)}\n`)).join('');
    expect(code).toBe(0);
    expect(stdout).toBe(expected);
    expect(stdout).toContain('Äußerst „gut“, sagte er.\n');
  });

  it('splits paragraphs at line feeds only: a lone carriage return stays inside its paragraph', async () => {
    project = tempProject();
    const result = await project.run(['segment'], 'Eins\rzwei drei.\n');
    expect(result.stdout).toBe('Eins\rzwei drei.\n');
  });

  it('takes extra abbreviations from the command line', async () => {
    project = tempProject();
    const without = await project.run(['segment'], 'Der Zfl. Müller sprach.\n');
    const withAbbreviation = await project.run(['segment', '--abbreviation', 'Zfl'], 'Der Zfl. Müller sprach.\n');
    expect(without.stdout).toBe('Der Zfl.\nMüller sprach.\n');
    expect(withAbbreviation.stdout).toBe('Der Zfl. Müller sprach.\n');
  });
});

describe('l10n with wrong arguments', () => {
  it('an unknown command exits 2 with the list of commands', async () => {
    project = tempProject();
    const result = await project.run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('extract');
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    project = tempProject();
    const result = await project.run(['build', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: l10n build');
  });
});
