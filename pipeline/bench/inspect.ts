/**
 * `l10n inspect` benchmark: the same generated ~50 MB XLIFF 1.2 file as the import benchmark,
 * summarized the way `inspect` does (units counted as they are read, none kept), against
 * `xmllint --noout` (libxml2, which only checks well-formedness) on the same file as the yardstick.
 * Both are timed in this run, so the ratio compares like with like at the same moment; when xmllint
 * is not installed the ratio is not measured, and the output says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { inspectXliffBytes } from '../xliff/inspect.js';
import { writeLargeXliff } from './xliff.js';

const TARGET_BYTES = 50 * 1024 * 1024;
/** Peak memory budget of inspect on that file. */
const BUDGET_MB = 400;
/** inspect may take at most this many times xmllint's time on the same file. */
const BUDGET_RATIO = 1.5;

/** Wall time of `xmllint --noout file` in ms, or a reason why it was not measured. */
function timeXmllint(file: string): number | string {
  const started = performance.now();
  const run = spawnSync('xmllint', ['--noout', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (run.error !== undefined) {
    return (run.error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'xmllint is not installed (apt-get install -y libxml2-utils)'
      : `xmllint could not run (${run.error.message})`;
  }
  if (run.status !== 0) return `xmllint failed (exit ${String(run.status)}): ${run.stderr.toString().slice(0, 200)}`;
  return ms;
}

/** Runs the benchmark and logs time, memory and the ratio to xmllint against the budgets. */
export function runInspectBench(log: (line: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'l10n-bench-'));
  const file = path.join(dir, 'large.xlf');
  try {
    const units = writeLargeXliff(file, TARGET_BYTES);
    const xmllintFirst = timeXmllint(file);
    const bytes = readFileSync(file);
    const started = performance.now();
    const summary = inspectXliffBytes(bytes, 'large.xlf');
    const ms = performance.now() - started;
    const peak = process.resourceUsage().maxRSS * 1024;
    const xmllintAfter = timeXmllint(file);
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(0);
    log(`file: ${mb(bytes.length)} MB, ${units} units (counted: ${summary.units})`);
    log(`inspect: ${ms.toFixed(0)} ms; memory: peak RSS ${mb(peak)} MB (budget ${BUDGET_MB} MB) ${peak <= BUDGET_MB * 1024 * 1024 ? 'ok' : 'OVER'}`);
    if (typeof xmllintFirst === 'string' || typeof xmllintAfter === 'string') {
      log(`xmllint --noout: NOT MEASURED: ${typeof xmllintFirst === 'string' ? xmllintFirst : String(xmllintAfter)}; the ratio to xmllint (budget ${BUDGET_RATIO}×) is unknown`);
      return;
    }
    // xmllint runs before and after inspect; the faster of the two is the yardstick.
    const yardstick = Math.min(xmllintFirst, xmllintAfter);
    const ratio = ms / yardstick;
    log(`xmllint --noout: ${xmllintFirst.toFixed(0)} / ${xmllintAfter.toFixed(0)} ms; inspect / xmllint: ${ratio.toFixed(2)}× (budget ${BUDGET_RATIO}×) ${ratio <= BUDGET_RATIO ? 'ok' : 'OVER'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
