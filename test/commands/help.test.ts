/**
 * `l10n <command> --help`: every command lists its exit codes the same way, and every option the
 * command accepts appears in its usage text (and nothing it refuses).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/project.js';

const project = tempProject({ fixture: 'artikel' });
afterAll(() => project.remove());

/** The commands, each with the exit codes it can return and the options its parser accepts. */
const COMMANDS: Record<string, { codes: number[]; options: string[] }> = {
  extract: { codes: [0, 1, 2, 3], options: ['--lang'] },
  build: { codes: [0, 1, 2, 3], options: ['--lang', '--check', '--fail-on', '--format', '--untranslated'] },
  check: { codes: [0, 1, 2, 3], options: ['--lang', '--fail-on', '--format', '--untranslated'] },
  status: { codes: [0, 1, 2, 3], options: ['--lang', '--json', '--fail-if-incomplete'] },
  review: { codes: [0, 2, 3], options: ['--lang', '--port', '--open', '--reviewer'] },
  segment: { codes: [0, 2, 3], options: ['--jsonl', '--srx', '--abbreviation', '--language', '--line-breaks'] },
  terms: { codes: [0, 2], options: ['--glossary', '--jsonl'] },
  glossary: { codes: [0, 2, 3], options: ['--format', '--lang', '--out', '--glossary', '--kind', '--source-lang', '--encoding', '--skip-existing', '--force'] },
  inspect: { codes: [0, 2, 3], options: ['--json'] },
  memory: { codes: [0, 2, 3], options: ['--lang'] },
};

describe('l10n <command> --help', () => {
  for (const [name, { codes, options }] of Object.entries(COMMANDS)) {
    it(`${name}: lists its exit codes one per line and every option it accepts`, async () => {
      const { code, stdout } = await project.run([name, '--help']);
      expect(code).toBe(0);
      const block = stdout.slice(stdout.indexOf('\nExit codes:\n') + 1).trimEnd().split('\n');
      expect(block[0]).toBe('Exit codes:');
      expect(block.slice(1).map((line) => Number(/^ {2}([0-3]) {2}\S/.exec(line)?.[1]))).toEqual(codes);
      for (const option of options) expect(stdout).toContain(option);
      const named = new Set(stdout.match(/--[a-z][a-z-]*/g));
      for (const option of named) expect(options, `${name} --help names ${option}`).toContain(option);
    });
  }
});

describe('a command with sub-commands, called without one', () => {
  it('l10n memory names its sub-commands', async () => {
    const { code, stderr } = await project.run(['memory']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^l10n memory: missing subcommand: expected update or import\n/);
    expect((await project.run(['memory', 'fix'])).stderr).toMatch(/unknown subcommand "fix": expected update or import/);
    expect((await project.run(['memory', 'import'])).stderr).toMatch(/import: expected the TMX file to import/);
  });

  it('l10n glossary names its sub-commands', async () => {
    const { code, stderr } = await project.run(['glossary']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^l10n glossary: missing subcommand: expected check, export or import\n/);
  });
});
