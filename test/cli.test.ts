/**
 * Ctrl-C (SIGINT) and SIGTERM stop a real `l10n` process with one line and the signal's exit code,
 * and leave no temporary file and no half-written file behind. The child pauses at a known file
 * access (test/helpers/pause-file-access.mjs) and gets the signal there: no timing is involved.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from './helpers/project.js';

const HELPERS = path.resolve('test/helpers');
const CLI = path.resolve('pipeline/cli.ts');

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

let project: TempProject | undefined;
let gate: string | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
  if (gate !== undefined) rmSync(gate, { recursive: true, force: true });
  gate = undefined;
});

/**
 * Runs `l10n <args>` in the project as a child process that pauses at the first `pauseAt` of a
 * file in `pauseIn`, sends it `signal` there, lets it go on, and returns how it ended.
 */
async function interrupted(root: string, args: readonly string[], pauseAt: 'rename' | 'read', pauseIn: string, signal: NodeJS.Signals): Promise<Exit & { paused: string }> {
  gate = mkdtempSync(path.join(tmpdir(), 'l10n-gate-'));
  const child = spawn(process.execPath, ['--import', path.join(HELPERS, 'ts-register.mjs'), '--import', path.join(HELPERS, 'pause-file-access.mjs'), CLI, ...args], {
    cwd: root,
    env: { ...process.env, PAUSE_AT: pauseAt, PAUSE_IN: path.join(root, pauseIn), PAUSE_GATE: gate },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const ended = new Promise<Exit>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig, stderr })));
  const pausedFile = path.join(gate, 'paused');
  let exited = false;
  void ended.then(() => {
    exited = true;
  });
  // Wait for the child to reach the pause (or to end without reaching it, which fails below).
  while (!existsSync(pausedFile) && !exited) await sleep(20);
  const paused = existsSync(pausedFile) ? readFileSync(pausedFile, 'utf8') : '';
  if (paused !== '') {
    child.kill(signal);
    writeFileSync(path.join(gate, 'go'), '');
  }
  return { ...(await ended), paused };
}

/** Every file under the project whose name marks it as a temporary file of a write. */
function temporaryFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((f) => path.basename(f).startsWith('.l10n-tmp-'));
}

/** Path → content of every file under a folder. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries((readdirSync(folder, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return [path.relative(folder, file), readFileSync(file, 'utf8')];
    }));
}

/** The kurz project with a second article, so a run has something left to do after the pause. */
function twoDocuments(): TempProject {
  const created = tempProject({ fixture: 'kurz' });
  created.write('source/zweiter.txt', 'Zweites Treffen\nKim reiste nach Peking.\n');
  return created;
}

describe('a signal during a run', () => {
  it('extract: Ctrl-C while a translation file is written leaves it whole, no temporary file, exit 130 and one line', async () => {
    project = twoDocuments();
    const result = await interrupted(project.root, ['extract'], 'rename', 'translations/en', 'SIGINT');
    expect(path.basename(result.paused)).toBe('treffen.xlf');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('l10n extract: stopped by Ctrl-C (SIGINT); no file was left half-written (each is complete or keeps its earlier content): run the command again\n');
    expect(temporaryFiles(project.root)).toEqual([]);
    // The file being written when the signal came is complete; the run stopped after that step,
    // before the next document.
    expect(project.read('translations/en/treffen.xlf').trimEnd().endsWith('</xliff>')).toBe(true);
    expect(existsSync(path.join(project.root, 'translations/en/zweiter.xlf'))).toBe(false);
    expect(existsSync(path.join(project.root, 'translations/fr/zweiter.xlf'))).toBe(false);
  }, 120_000);

  it('build: SIGTERM while the translations are read leaves output/ as it was, exit 143 and one line', async () => {
    project = twoDocuments();
    project.write('l10n.config.yaml', `${project.read('l10n.config.yaml')}policies:\n  untranslated: source\n`);
    expect((await project.run(['extract'])).code).toBe(0);
    expect((await project.run(['build'])).code).toBe(0);
    const before = snapshot(path.join(project.root, 'output'));
    expect(Object.keys(before)).toContain(path.join('en', 'report.json'));
    // A translation arrives; the build that would publish it is stopped.
    project.write('translations/en/treffen.xlf', project.read('translations/en/treffen.xlf').replace('<source xml:space="preserve">Danach reiste er ab.</source>', '<source xml:space="preserve">Danach reiste er ab.</source>\n          <target state="translated" xml:space="preserve">Then he left.</target>'));
    expect(project.read('translations/en/treffen.xlf')).toContain('Then he left.');
    const result = await interrupted(project.root, ['build'], 'read', 'translations/en', 'SIGTERM');
    expect(path.basename(result.paused)).toBe('treffen.xlf');
    expect(result.code).toBe(143);
    expect(result.stderr).toBe('l10n build: stopped by SIGTERM; no file was left half-written (each is complete or keeps its earlier content): run the command again\n');
    expect(snapshot(path.join(project.root, 'output'))).toEqual(before);
    expect(temporaryFiles(project.root)).toEqual([]);
  }, 120_000);

  it('build: Ctrl-C while the outputs are written lets the writes finish whole, with no temporary file', async () => {
    project = twoDocuments();
    project.write('l10n.config.yaml', `${project.read('l10n.config.yaml')}policies:\n  untranslated: source\n`);
    expect((await project.run(['extract'])).code).toBe(0);
    const result = await interrupted(project.root, ['build'], 'rename', 'output/en', 'SIGINT');
    expect(path.basename(result.paused)).toBe('treffen.txt');
    expect(temporaryFiles(project.root)).toEqual([]);
    // Outputs and reports are written in one step, so the build had finished when the signal
    // was handled: its own result stands, and what it wrote is what a build without a signal writes.
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('stopped');
    const written = snapshot(path.join(project.root, 'output'));
    rmSync(path.join(project.root, 'output'), { recursive: true });
    expect((await project.run(['build'])).code).toBe(0);
    expect(snapshot(path.join(project.root, 'output'))).toEqual(written);
  }, 120_000);
});
