/**
 * XLIFF import benchmark: a generated ~50 MB XLIFF 1.2 file (the shape CAT tools send back:
 * groups, trans-units with targets, inline codes, notes, states) read with `readXliff`.
 *
 * Peak memory is the process's maximum resident set size (`process.resourceUsage().maxRSS`, which
 * the kernel keeps for us), so no sampling timer is needed while the synchronous reader runs; the
 * file is generated in small chunks so generation itself does not raise that peak.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readXliff } from '../xliff/index.js';

/** Size of the generated file. */
const TARGET_BYTES = 50 * 1024 * 1024;
/** The import budget for that file: under 2 s and under 400 MB. */
const BUDGET_MS = 2000;
const BUDGET_MB = 400;

const SOURCES: readonly string[] = [
  'Putin trifft Kim in <g id="1">Peking</g>: ein Treffen &amp; viele Fragen.',
  'Der Minister sprach u. a. über Steuern<x id="2"/>, Renten und die Bahn.',
  'Die Preise stiegen im 13. Jahrhundert deutlich (vgl. <ph id="3">&lt;b&gt;</ph>Abs. 3).',
  '„Wir haben alles versucht. Es hat nicht gereicht“, sagte Prof. Schmidt.',
];
const TARGETS: readonly string[] = [
  'Putin meets Kim in <g id="1">Beijing</g>: one meeting &amp; many questions.',
  'The minister spoke about taxes<x id="2"/>, pensions and the railways, among other things.',
  'Prices rose markedly in the 13th century (see <ph id="3">&lt;b&gt;</ph>para. 3).',
  '“We tried everything. It was not enough,” said Prof. Schmidt.',
];
const STATES: readonly string[] = ['translated', 'signed-off', 'needs-review-translation', 'final'];

function unitXml(i: number): string {
  const k = i % SOURCES.length;
  return (
    `      <trans-unit id="s${i.toString(16).padStart(12, '0')}" resname="paragraph-${i}">\n` +
    `        <source xml:space="preserve">${SOURCES[k]}</source>\n` +
    `        <target state="${STATES[i % STATES.length]}" xml:space="preserve">${TARGETS[k]}</target>\n` +
    `        <note from="context">previous: sentence ${i - 1}</note>\n` +
    `      </trans-unit>\n`
  );
}

/** Writes a ~`bytes` XLIFF 1.2 file and returns the number of units. */
export function writeLargeXliff(file: string, bytes: number): number {
  const fd = openSync(file, 'w');
  let written = 0;
  let units = 0;
  const put = (text: string): void => {
    written += writeSync(fd, text);
  };
  try {
    put('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n');
    put('  <file original="source/bench.txt" source-language="de" target-language="en" datatype="plaintext">\n    <body>\n');
    while (written < bytes - 200) {
      let chunk = `    <group id="b${units}" restype="x-paragraph">\n`;
      for (let k = 0; k < 50; k += 1) chunk += unitXml(units++);
      put(chunk + '    </group>\n');
    }
    put('    </body>\n  </file>\n</xliff>\n');
  } finally {
    closeSync(fd);
  }
  return units;
}

/** Runs the benchmark and logs size, units, time and memory against the budget. */
export function runXliffBench(log: (line: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'l10n-bench-'));
  const file = path.join(dir, 'large.xlf');
  try {
    const units = writeLargeXliff(file, TARGET_BYTES);
    const bytes = readFileSync(file);
    const rssBefore = process.memoryUsage().rss;
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const started = performance.now();
    const parsed = readXliff(bytes, 'large.xlf');
    const ms = performance.now() - started;
    const heap = process.memoryUsage().heapUsed;
    const peak = process.resourceUsage().maxRSS * 1024;
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(0);
    log(`file: ${mb(bytes.length)} MB, ${units} units (read back: ${parsed.units.length})`);
    log(`import: ${ms.toFixed(0)} ms (budget ${BUDGET_MS} ms) ${ms <= BUDGET_MS ? 'ok' : 'OVER'}`);
    log(
      `memory: peak RSS ${mb(peak)} MB (before import ${mb(Math.max(rssBefore, peakBefore))} MB, budget ${BUDGET_MB} MB) ` +
        `${peak <= BUDGET_MB * 1024 * 1024 ? 'ok' : 'OVER'}; heap used after ${mb(heap)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
