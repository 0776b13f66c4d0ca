import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LINE_BREAK_MODES, segment, sentencesByLineBreaks } from '../../pipeline/commands/segment.js';
import { createSegmenter } from '../../pipeline/segment/engine.js';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('l10n segment', () => {
  it('prints one sentence per line, each input line a paragraph', async () => {
    project = tempProject({ fixture: 'artikel' });
    const result = await project.run(['segment'], 'Er kam am 3. Oktober an. Dann ging er.\nZweiter Absatz ohne Punkt\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Er kam am 3. Oktober an.\nDann ging er.\nZweiter Absatz ohne Punkt\n');
  });

  it('--line-breaks paragraph (the default) segments every line on its own', async () => {
    project = tempProject();
    const result = await project.run(['segment', '--line-breaks', 'paragraph'], 'Die Regierung hat am Montag\nbeschlossen, die Steuern zu senken.\n');
    expect(result.stdout).toBe('Die Regierung hat am Montag\nbeschlossen, die Steuern zu senken.\n');
  });

  it('--line-breaks space joins a hard-wrapped sentence and still splits list items', async () => {
    project = tempProject();
    const input = 'Die Regierung hat am Montag\nbeschlossen, die Steuern zu senken.\n\nTipps für heiße Tage\n• 1. Trinken Sie Wasser\n• 2. Meiden Sie die Sonne\n';
    const result = await project.run(['segment', '--line-breaks', 'space'], input);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Die Regierung hat am Montag beschlossen, die Steuern zu senken.\nTipps für heiße Tage\n• 1. Trinken Sie Wasser\n• 2. Meiden Sie die Sonne\n');
  });

  it('--line-breaks sentence ends a sentence at every line break', async () => {
    project = tempProject();
    const result = await project.run(['segment', '--line-breaks', 'sentence'], 'Der Bundestag hat das Gesetz\nverabschiedet. Der Bundesrat folgt.\n');
    expect(result.stdout).toBe('Der Bundestag hat das Gesetz\nverabschiedet.\nDer Bundesrat folgt.\n');
  });

  it('--line-breaks with an unknown value is a usage error (exit 2) that names the choices', async () => {
    project = tempProject();
    const result = await project.run(['segment', '--line-breaks', 'newline'], 'Text.\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('paragraph, sentence, space');
    expect(result.stderr).toContain('"newline"');
  });

  it('--jsonl writes exactly one line per input line, in order, and nothing else on stdout', async () => {
    project = tempProject({ fixture: 'artikel' });
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
    project = tempProject({ fixture: 'artikel' });
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

  it('streams every --line-breaks mode to exactly the sentences of the whole input, however it is cut', async () => {
    const segmenter = createSegmenter({ language: 'de', abbreviations: [] });
    const piece = fc.constantFrom('Eins.', 'Zwei ist gut.', 'Dr. Müller kam', ' ', '\t', '\n', '\r\n', '\r', '\n\n', ' \n', '\n \t\r\n', '- Punkt', '1. Liste', 'ä', '„Zitat“');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 25 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(...LINE_BREAK_MODES), async (parts, cuts, mode) => {
        const text = parts.join('');
        const bytes = Buffer.from(text);
        const pieces: Buffer[] = [];
        for (let at = 0, i = 0; at < bytes.length; i += 1) {
          const size = cuts[i % cuts.length] as number;
          pieces.push(bytes.subarray(at, at + size));
          at += size;
        }
        let stdout = '';
        const code = await segment.run(['--line-breaks', mode], {
          cwd: process.cwd(),
          stdin: Readable.from(pieces),
          stdout: (t) => {
            stdout += t;
          },
          stderr: () => undefined,
          isTTY: false,
          stdoutIsTTY: false,
        });
        expect(code).toBe(0);
        expect(stdout).toBe(sentencesByLineBreaks(segmenter, text, mode).map((s) => `${s}\n`).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('splits paragraphs at line feeds only: a lone carriage return stays inside its paragraph', async () => {
    project = tempProject();
    const result = await project.run(['segment'], 'Eins\rzwei drei.\n');
    expect(result.stdout).toBe('Eins\rzwei drei.\n');
  });

  it('takes extra abbreviations from the command line', async () => {
    project = tempProject({ fixture: 'artikel' });
    const without = await project.run(['segment'], 'Der Zfl. Müller sprach.\n');
    const withAbbreviation = await project.run(['segment', '--abbreviation', 'Zfl'], 'Der Zfl. Müller sprach.\n');
    expect(without.stdout).toBe('Der Zfl.\nMüller sprach.\n');
    expect(withAbbreviation.stdout).toBe('Der Zfl. Müller sprach.\n');
  });
});

describe('l10n with wrong arguments', () => {
  it('an unknown command exits 2 with the list of commands', async () => {
    project = tempProject({ fixture: 'artikel' });
    const result = await project.run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('extract');
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    project = tempProject({ fixture: 'artikel' });
    const result = await project.run(['build', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: l10n build');
  });
});

/** A minimal SRX file: break after a full stop and a space, never after "Nr.". */
const SMALL_SRX = `<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="no"/>
  <body>
    <languagerules>
      <languagerule languagerulename="All">
        <rule break="no"><beforebreak>\\bNr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules><languagemap languagepattern=".*" languagerulename="All"/></maprules>
  </body>
</srx>
`;

describe('l10n segment: abbreviations and rules files as users give them', () => {
  it('takes an abbreviation written with its full stop (--abbreviation Zfl.) as Zfl', async () => {
    project = tempProject();
    const result = await project.run(['segment', '--abbreviation', 'Zfl.'], 'Der Zfl. Müller sprach.\n');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Der Zfl. Müller sprach.\n');
    expect(result.code).toBe(0);
  });

  it('refuses a wrong abbreviation or language as a usage error (exit 2), without a stack trace', async () => {
    project = tempProject();
    for (const args of [['--abbreviation', 'Zfl..'], ['--abbreviation', 'z B'], ['--language', '1']]) {
      const result = await project.run(['segment', ...args], 'Ein Satz.\n');
      expect(result.stderr).toMatch(/^l10n segment: --(abbreviation|language): expected /u);
      expect(result.stderr).not.toContain('internal error');
      expect(result.code).toBe(2);
    }
  });

  it('reads --srx relative to the working folder', async () => {
    project = tempProject();
    project.write('small.srx', SMALL_SRX);
    const result = await project.run(['segment', '--srx', 'small.srx'], 'Zimmer Nr. 5 ist frei. Danach kam er.\n');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Zimmer Nr. 5 ist frei.\nDanach kam er.\n');
    expect(result.code).toBe(0);
  });

  it('refuses a --srx file that is missing or not SRX as a usage error (exit 2), as its help says', async () => {
    project = tempProject();
    project.write('notes.txt', 'Das sind keine Regeln.\n');
    const help = await project.run(['segment', '--help']);
    expect(help.stdout).toMatch(/ 2 {2}usage error, a missing or bad SRX file/u);
    const notSrx = await project.run(['segment', '--srx', 'notes.txt'], 'Ein Satz.\n');
    expect(notSrx.stderr).toMatch(/^notes\.txt:\d+:\d+: error: .*\[segment\/srx-/u);
    expect(notSrx.code).toBe(2);
    const missing = await project.run(['segment', '--srx', 'nowhere.srx'], 'Ein Satz.\n');
    expect(missing.stderr).toContain('[segment/srx-unreadable]');
    expect(missing.code).toBe(2);
  });
});

describe('segmentation settings in l10n.config.yaml', () => {
  it('takes configured abbreviations written with their full stop', async () => {
    project = tempProject();
    project.write('l10n.config.yaml', 'targetLanguages: [en]\ndocuments: [source/zfl.txt]\nsegmentation:\n  abbreviations: [Zfl., med]\n');
    project.write('source/zfl.txt', 'Titel\nDer Zfl. Müller und der med. Dienst sprachen.\n');
    const result = await project.run(['extract']);
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    expect(project.read('translations/en/zfl.xlf')).toContain('<source xml:space="preserve">Der Zfl. Müller und der med. Dienst sprachen.</source>');
  });

  it('refuses an abbreviation that is only full stops, with its line and column (exit 2)', async () => {
    project = tempProject();
    project.write('l10n.config.yaml', 'targetLanguages: [en]\nsegmentation:\n  abbreviations: [Zfl, med..]\n');
    const result = await project.run(['extract']);
    expect(result.stderr).toMatch(/^l10n\.config\.yaml:3:\d+: error: segmentation\.abbreviations\[1\]: expected an abbreviation/u);
    expect(result.code).toBe(2);
  });

  it('refuses a configured rules file that is not SRX as a config error (exit 2)', async () => {
    project = tempProject();
    project.write('l10n.config.yaml', 'targetLanguages: [en]\nsegmentation:\n  srx: notes.txt\n');
    project.write('notes.txt', 'Das sind keine Regeln.\n');
    const result = await project.run(['build']);
    expect(result.stderr).toMatch(/^notes\.txt:\d+:\d+: error: .*\[segment\/srx-/u);
    expect(result.code).toBe(2);
  });
});
