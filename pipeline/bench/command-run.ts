/**
 * Runs `l10n` commands as child processes for the benchmarks and measures them: wall time, and
 * what the child itself reports at exit through `usage-report.ts` (peak RSS, CPU time). A child of
 * its own per command means one command's memory never counts against another's.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandUsage } from './usage-report.js';

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const USAGE_HOOK = pathToFileURL(fileURLToPath(new URL('./usage-report.js', import.meta.url))).href;

/** The repository the benchmark runs from (dist/pipeline/bench → three levels up), for its bundled files. */
export const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

/** Where a measured command reads and writes; defaults: no input, output thrown away, no profile. */
export interface CommandRunOptions {
  /** File given as stdin. */
  readonly stdin?: string;
  /** File that receives stdout. */
  readonly stdout?: string;
  /** Folder for a V8 CPU profile of the command, named `<label>.cpuprofile`. */
  readonly profile?: { readonly folder: string; readonly label: string };
}

/** A measured command. `cpuMs` and `peakBytes` are 0 when the child died before reporting. */
export interface MeasuredCommand extends CommandUsage {
  readonly ms: number;
  readonly exitCode: number;
  /** The end of its stderr, for a command that failed. */
  readonly stderrTail: string;
}

/** Runs `l10n <args>` in `cwd` as a child process and measures it. */
export function measureCommand(cwd: string, args: readonly string[], options: CommandRunOptions = {}): MeasuredCommand {
  const usageFile = path.join(tmpdir(), `l10n-bench-usage-${process.pid}.json`);
  const flags = ['--import', USAGE_HOOK];
  if (options.profile !== undefined) flags.push('--cpu-prof', `--cpu-prof-dir=${options.profile.folder}`, `--cpu-prof-name=${options.profile.label}.cpuprofile`);
  const input = options.stdin === undefined ? 'ignore' : openSync(options.stdin, 'r');
  const output = options.stdout === undefined ? 'ignore' : openSync(options.stdout, 'w');
  const started = performance.now();
  try {
    const child = spawnSync(process.execPath, [...flags, CLI, ...args], {
      cwd,
      env: { ...process.env, L10N_BENCH_USAGE_FILE: usageFile },
      stdio: [input, output, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
    const ms = performance.now() - started;
    let usage: CommandUsage = { peakBytes: 0, cpuMs: 0 };
    try {
      usage = JSON.parse(readFileSync(usageFile, 'utf8')) as CommandUsage;
    } catch {
      // No report: the child died before exiting normally; the exit code says so.
    }
    return { ...usage, ms, exitCode: child.status ?? -1, stderrTail: (child.stderr ?? '').split('\n').slice(-15).join('\n') };
  } finally {
    if (typeof input === 'number') closeSync(input);
    if (typeof output === 'number') closeSync(output);
    rmSync(usageFile, { force: true });
  }
}
